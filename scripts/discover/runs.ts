// The worklist's sort with bounded memory: each segment of the register is sorted in memory and written
// as a run file (one entry a line, its sort key first); the runs are merged at the end, reading one line
// of each at a time.

import { closeSync, fsyncSync, openSync, rmSync, writeSync } from "node:fs";
import { fileLines } from "./lines.ts";

/** A worklist entry with its sort key: its JSON line and its CSV row, neither with a line break. */
export interface Keyed {
  key: string;
  entry: string;
  row: string;
}

/** Writes one sorted run, durably (the checkpoint that names it is written after). */
export function writeRun(path: string, entries: Keyed[]): void {
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fd = openSync(path, "w", 0o600);
  try {
    let buffer = "";
    for (const e of entries) {
      buffer += `${e.key}\t${e.entry}\t${e.row}\n`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = "";
      }
    }
    if (buffer) writeSync(fd, buffer);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface Head {
  key: string;
  /** The rest of the line: the entry's JSON, a tab, its CSV row. */
  rest: string;
  lines: AsyncIterator<string>;
}

/** At most this many runs are read at once (open files, read buffers); more are merged in rounds. */
const FAN_IN = 128;

/**
 * The runs' entries (the JSON after the key) in key order. Past FAN_IN runs, groups of them are first
 * merged into longer runs beside them (`<first>.m<round>`), which are removed once read.
 */
export async function* mergeRuns(paths: readonly string[]): AsyncGenerator<{ entry: string; row: string }> {
  let runs = [...paths];
  for (let round = 1; runs.length > FAN_IN; round++) {
    const longer: string[] = [];
    for (let i = 0; i < runs.length; i += FAN_IN) {
      const group = runs.slice(i, i + FAN_IN);
      const path = `${group[0]}.m${round}`;
      const fd = openSync(path, "w", 0o600);
      let buffer = "";
      for await (const [key, rest] of mergeKeyed(group)) {
        buffer += `${key}\t${rest}\n`;
        if (buffer.length > 1 << 20) {
          writeSync(fd, buffer);
          buffer = "";
        }
      }
      if (buffer) writeSync(fd, buffer);
      closeSync(fd);
      if (round > 1) for (const p of group) rmSync(p);
      longer.push(path);
    }
    runs = longer;
  }
  for await (const [, rest] of mergeKeyed(runs)) {
    // JSON never holds a raw tab: the first one ends the entry.
    const tab = rest.indexOf("\t");
    yield { entry: rest.slice(0, tab), row: rest.slice(tab + 1) };
  }
}

async function* mergeKeyed(paths: readonly string[]): AsyncGenerator<[string, string]> {
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
  const advance = async (lines: AsyncIterator<string>) => {
    const next = await lines.next();
    if (next.done) return;
    const tab = next.value.indexOf("\t");
    push({ key: next.value.slice(0, tab), rest: next.value.slice(tab + 1), lines });
  };
  for (const path of paths) await advance(fileLines(path));
  while (heap.length > 0) {
    const head = pop();
    yield [head.key, head.rest];
    await advance(head.lines);
  }
}
