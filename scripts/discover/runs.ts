// The worklist's sort with bounded memory: each segment of the register is sorted in memory and written
// as a run file (one entry a line: its fixed-width sort key, its JSON, a tab, its CSV row); the runs are
// merged at the end, reading a little of each at a time. Entries stay bytes throughout: nothing here
// parses or re-encodes them.

import { closeSync, createReadStream, fsyncSync, openSync, rmSync, writeSync } from "node:fs";

/** An entry with its sort key: its JSON and CSV row as bytes (json = bytes[start, tab), row = [tab, end)). */
export interface Keyed {
  key: string;
  bytes: Buffer;
  start: number;
  tab: number;
  end: number;
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/** Collects lines into 1 MB writes. */
class Writer {
  private buf = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  constructor(private readonly fd: number) {}
  put(bytes: Buffer, start = 0, end = bytes.length): void {
    if (this.at + (end - start) > this.buf.length) this.flush();
    if (end - start > this.buf.length) {
      writeSync(this.fd, bytes, start, end - start);
      return;
    }
    this.at += bytes.copy(this.buf, this.at, start, end);
  }
  text(ascii: string): void {
    if (this.at + ascii.length > this.buf.length) this.flush();
    this.at += this.buf.write(ascii, this.at, "latin1");
  }
  flush(): void {
    if (this.at > 0) writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
  }
}

/** Writes one sorted run, durably (the checkpoint that names it is written after). */
export function writeRun(path: string, entries: Keyed[]): void {
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fd = openSync(path, "w", 0o600);
  try {
    const w = new Writer(fd);
    for (const e of entries) {
      w.text(`${e.key}\t`);
      w.put(e.bytes, e.start, e.tab);
      w.text("\t");
      w.put(e.bytes, e.tab, e.end);
      w.text("\n");
    }
    w.flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file's lines as bytes, without their line breaks, read 64 KB at a time. */
async function* byteLines(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = buf.indexOf(NEWLINE, start); end >= 0; end = buf.indexOf(NEWLINE, start)) {
      yield buf.subarray(start, end);
      start = end + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest.length > 0) yield rest;
}

interface Head {
  key: string;
  /** The line after the key and its tab: the entry's JSON, a tab, its CSV row. */
  rest: Buffer;
  lines: AsyncIterator<Buffer>;
}

/** At most this many runs are read at once (open files, read buffers); more are merged in rounds. */
const FAN_IN = 128;

/** An entry as the merge hands it on: its JSON line and its CSV row, as bytes. */
export interface Merged {
  entry: Buffer;
  row: Buffer;
}

/**
 * The runs' entries in key order. Past FAN_IN runs, groups of them are first merged into longer runs
 * beside them (`<first>.m<round>`), removed once read.
 */
export async function* mergeRuns(paths: readonly string[]): AsyncGenerator<Merged> {
  let runs = [...paths];
  for (let round = 1; runs.length > FAN_IN; round++) {
    const longer: string[] = [];
    for (let i = 0; i < runs.length; i += FAN_IN) {
      const group = runs.slice(i, i + FAN_IN);
      const path = `${group[0]}.m${round}`;
      const fd = openSync(path, "w", 0o600);
      const w = new Writer(fd);
      for await (const head of mergeKeyed(group)) {
        w.text(`${head.key}\t`);
        w.put(head.rest);
        w.text("\n");
      }
      w.flush();
      closeSync(fd);
      if (round > 1) for (const p of group) rmSync(p);
      longer.push(path);
    }
    runs = longer;
  }
  for await (const head of mergeKeyed(runs)) {
    // JSON never holds a raw tab: the first one ends the entry.
    const tab = head.rest.indexOf(TAB);
    yield { entry: head.rest.subarray(0, tab), row: head.rest.subarray(tab + 1) };
  }
}

async function* mergeKeyed(paths: readonly string[]): AsyncGenerator<{ key: string; rest: Buffer }> {
  const heap: Head[] = [];
  const less = (a: Head, b: Head) => a.key < b.key;
  const push = (h: Head) => {
    heap.push(h);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i] as Head, heap[parent] as Head)) break;
      [heap[i], heap[parent]] = [heap[parent] as Head, heap[i] as Head];
      i = parent;
    }
  };
  const pop = (): Head => {
    const top = heap[0] as Head;
    const last = heap.pop() as Head;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as Head, heap[m] as Head)) m = l;
        if (r < heap.length && less(heap[r] as Head, heap[m] as Head)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Head, heap[i] as Head];
        i = m;
      }
    }
    return top;
  };
  const advance = async (lines: AsyncIterator<Buffer>) => {
    const next = await lines.next();
    if (next.done) return;
    const tab = next.value.indexOf(TAB);
    push({ key: next.value.toString("latin1", 0, tab), rest: next.value.subarray(tab + 1), lines });
  };
  for (const path of paths) await advance(byteLines(path));
  while (heap.length > 0) {
    const head = pop();
    yield { key: head.key, rest: head.rest };
    await advance(head.lines);
  }
}
