// The worklist's sort with bounded memory: each segment of the register is sorted in memory and written
// as a run file (one entry a line: its fixed-width sort key, its JSON, a tab, its CSV row); the runs are
// merged at the end, reading a little of each at a time. Entries stay bytes throughout: nothing here
// parses or re-encodes them.

import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from "node:fs";

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

/**
 * A segment's entries' bytes, copied out of the workers' answers into one buffer the run keeps and
 * reuses, so that each answer's buffer is free as soon as it is filed and can go back to a worker
 * (pool.ts says why that matters). A segment is written before the next begins, so the bytes are
 * reused at once. An entry past the capacity starts a larger buffer; the entries already in keep theirs.
 */
export class SegmentBytes {
  private buf: Buffer | null = null;
  private at = 0;
  constructor(private readonly capacity: number) {}
  /** Copies bytes[start, end) in; returns the buffer holding them and where they start in it. */
  add(bytes: Buffer, start: number, end: number): { buf: Buffer; at: number } {
    const n = end - start;
    let buf = this.buf ?? Buffer.allocUnsafeSlow(Math.max(this.capacity, n));
    if (this.at + n > buf.length) {
      buf = Buffer.allocUnsafeSlow(Math.max(this.at + n, buf.length + (buf.length >> 1)));
      this.at = 0;
    }
    this.buf = buf;
    const at = this.at;
    bytes.copy(buf, at, start, end);
    this.at += n;
    return { buf, at };
  }
  /** The segment is written: its bytes may be overwritten. */
  clear(): void {
    this.at = 0;
  }
}

/** Collects lines into 1 MB writes. */
export class Writer {
  private buf = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  constructor(private readonly fd: number) {}
  put(bytes: Buffer, start = 0, end = bytes.length): void {
    if (this.at + (end - start) > this.buf.length) this.flush();
    if (end - start > this.buf.length) {
      writeAll(this.fd, bytes, start, end);
      return;
    }
    this.at += bytes.copy(this.buf, this.at, start, end);
  }
  text(ascii: string): void {
    if (this.at + ascii.length > this.buf.length) this.flush();
    this.at += this.buf.write(ascii, this.at, "latin1");
  }
  flush(): void {
    writeAll(this.fd, this.buf, 0, this.at);
    this.at = 0;
  }
}

/**
 * Writes bytes[start, end) whole, at the file's position or from `position` on: a write may take fewer
 * bytes than it was given.
 */
export function writeAll(fd: number, bytes: Buffer, start: number, end: number, position?: number): void {
  for (let at = start; at < end; ) {
    at += writeSync(fd, bytes, at, end - at, position === undefined ? null : position + at - start);
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

/**
 * A run file's lines as bytes, without their line breaks, read 64 KB at a time. Plain reads: the merge is
 * all the process does by then, and a promise per line cost more than the copying. A line's bytes are
 * valid until the next call (the buffer is reused).
 */
class LineReader {
  private buf = Buffer.allocUnsafe(1 << 16);
  private start = 0;
  private end = 0;
  private done = false;
  constructor(private readonly fd: number) {}

  next(): Buffer | null {
    for (;;) {
      const newline = this.buf.indexOf(NEWLINE, this.start);
      if (newline !== -1 && newline < this.end) {
        const line = this.buf.subarray(this.start, newline);
        this.start = newline + 1;
        return line;
      }
      if (this.done) {
        if (this.start === this.end) return null;
        const last = this.buf.subarray(this.start, this.end);
        this.start = this.end;
        return last;
      }
      this.refill();
    }
  }

  /** Keeps the unread part at the front, the buffer doubled if one line fills it, and reads after it. */
  private refill(): void {
    const rest = this.end - this.start;
    if (rest === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, this.start, this.end);
      this.buf = bigger;
    } else this.buf.copyWithin(0, this.start, this.end);
    this.start = 0;
    this.end = rest;
    const read = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (read === 0) this.done = true;
    this.end += read;
  }
}

interface Head {
  key: string;
  /** The line after the key and its tab: the entry's JSON, a tab, its CSV row. */
  rest: Buffer;
  lines: LineReader;
}

/**
 * At most this many runs are read at once (open files, read buffers); past it, some are first merged into
 * longer runs until this many are left.
 */
const FAN_IN = 128;

/** An entry as the merge hands it on: its JSON line and its CSV row, as bytes (valid until the next). */
export interface Merged {
  entry: Buffer;
  row: Buffer;
}

/**
 * The runs' entries in key order. Past FAN_IN runs, just enough of them are first merged into longer runs
 * beside them (`<first>.m<n>`) that FAN_IN are left to merge at once: each group of k merged takes k − 1
 * off the count, so 130 runs (a register of about a million households) merge 3 first, not all 130 —
 * merging every run first wrote and read the whole worklist once more. A longer run is removed once it
 * has been merged again (only past FAN_IN × FAN_IN runs); the register's own runs never are (a resumed
 * run reads them again). `fanIn`: FAN_IN, fewer in the tests.
 */
export function* mergeRuns(paths: readonly string[], fanIn = FAN_IN): Generator<Merged> {
  const runs = [...paths];
  const longer = new Set<string>();
  for (let n = 1; runs.length > fanIn; n++) {
    // Taken from the front, put at the back: the register's runs first, then any longer ones.
    const group = runs.splice(0, Math.min(fanIn, runs.length - fanIn + 1));
    const path = `${group[0]}.m${n}`;
    const fd = openSync(path, "w", 0o600);
    try {
      const w = new Writer(fd);
      for (const head of mergeKeyed(group)) {
        w.text(`${head.key}\t`);
        w.put(head.rest);
        w.text("\n");
      }
      w.flush();
    } finally {
      closeSync(fd);
    }
    for (const p of group) if (longer.delete(p)) rmSync(p);
    longer.add(path);
    runs.push(path);
  }
  for (const head of mergeKeyed(runs)) {
    // JSON never holds a raw tab: the first one ends the entry.
    const tab = head.rest.indexOf(TAB);
    yield { entry: head.rest.subarray(0, tab), row: head.rest.subarray(tab + 1) };
  }
}

function* mergeKeyed(paths: readonly string[]): Generator<{ key: string; rest: Buffer }> {
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
  const advance = (lines: LineReader) => {
    const line = lines.next();
    if (line === null) return;
    const tab = line.indexOf(TAB);
    push({ key: line.toString("latin1", 0, tab), rest: line.subarray(tab + 1), lines });
  };
  const fds: number[] = [];
  try {
    for (const path of paths) fds.push(openSync(path, "r"));
    for (const fd of fds) advance(new LineReader(fd));
    while (heap.length > 0) {
      const head = pop();
      yield { key: head.key, rest: head.rest };
      advance(head.lines);
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}
