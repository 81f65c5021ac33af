// The worklist's external sort on real files: sorted runs written, then merged back in key order — with
// just enough of them merged first when there are more runs than are read at once (128), with an entry
// longer than the reader's buffer and a run whose last line has no line break; and the buffer a
// segment's entries are kept in.

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Keyed, mergeRuns, SegmentBytes, writeRun } from "../../scripts/discover/runs.ts";

const dir = mkdtempSync(join(tmpdir(), "runs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An entry as the workers send it: its JSON, then its CSV row, in one buffer. */
function keyed(key: string, json: string, row: string): Keyed {
  const bytes = Buffer.from(json + row);
  const tab = Buffer.byteLength(json);
  return { key, bytes, start: 0, tab, end: bytes.length };
}

/** The merged entries as text, each read before the next is asked for (the merge reuses its buffers). */
function merged(paths: string[], fanIn?: number): string[] {
  const lines: string[] = [];
  for (const { entry, row } of mergeRuns(paths, fanIn)) lines.push(`${entry.toString()} | ${row.toString()}`);
  return lines;
}

/**
 * `count` runs of five entries each in a folder of their own, keys interleaved across runs (run r holds
 * r, r + count, r + 2 × count, …), and every entry as the merge should give it, in key order.
 */
function interleavedRuns(
  name: string,
  count: number,
): { folder: string; paths: string[]; expected: string[] } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const paths: string[] = [];
  const expected: [string, string][] = [];
  for (let r = 0; r < count; r++) {
    const entries: Keyed[] = [];
    for (let i = 0; i < 5; i++) {
      const key = String(i * count + r).padStart(6, "0");
      const json = `{"n":${i * count + r},"name":"住户${r}"}`;
      entries.push(keyed(key, json, `${r},${i}`));
      expected.push([key, `${json} | ${r},${i}`]);
    }
    const path = join(folder, `run-${String(r).padStart(6, "0")}.tsv`);
    writeRun(path, entries.reverse());
    paths.push(path);
  }
  expected.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { folder, paths, expected: expected.map(([, line]) => line) };
}

/** The longer runs the merge left beside the runs: name → entries in it. */
function longerRuns(folder: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(folder).filter((n) => /\.m\d+$/.test(n)))
    out[name] = readFileSync(join(folder, name), "utf8").split("\n").filter(Boolean).length;
  return out;
}

describe("mergeRuns", () => {
  it("gives every entry of 300 runs once, in key order (128 runs merged first, then 46, then 128 at once)", () => {
    const { folder, paths, expected } = interleavedRuns("three-hundred", 300);
    expect(merged(paths)).toEqual(expected);
    // 128 into one takes 127 off the count (173 left), 46 into one 45 more: 128. Both longer runs are
    // read in the last merge, so both are still there (the run's own folder goes when the run is done).
    expect(longerRuns(folder)).toEqual({ "run-000000.tsv.m1": 128 * 5, "run-000128.tsv.m2": 46 * 5 });
    // The register's own runs stay: a run resumed after a failed write reads them again.
    for (const path of paths) expect(existsSync(path)).toBe(true);
  });

  it("merges longer runs again only past fan-in × fan-in runs, and then removes them (fan-in 3, 20 runs)", () => {
    const { folder, paths, expected } = interleavedRuns("twenty-by-three", 20);
    expect(merged(paths, 3)).toEqual(expected);
    // Six groups of three of the register's runs (m1–m6), then runs 18 and 19 with m1 (m7), then m2–m4
    // (m8), then m5 and m6 (m9): three left. The six merged again are gone; the register's runs stay.
    expect(longerRuns(folder)).toEqual({
      "run-000018.tsv.m7": (2 + 3) * 5,
      "run-000003.tsv.m2.m8": 9 * 5,
      "run-000012.tsv.m5.m9": 6 * 5,
    });
    for (const path of paths) expect(existsSync(path)).toBe(true);
  });

  it("merges only 3 of 130 runs first: the rest are read once, in the last merge", () => {
    // A register of about a million households cuts about 130 runs of 16 MB: merging all of them first
    // wrote and read the whole worklist once more.
    const { folder, paths, expected } = interleavedRuns("one-hundred-thirty", 130);
    expect(merged(paths)).toEqual(expected);
    expect(longerRuns(folder)).toEqual({ "run-000000.tsv.m1": 3 * 5 });
  });

  it("merges 128 runs at once, with nothing merged first", () => {
    const { folder, paths, expected } = interleavedRuns("one-hundred-twenty-eight", 128);
    expect(merged(paths)).toEqual(expected);
    expect(longerRuns(folder)).toEqual({});
  });

  it("reads an entry longer than its buffer (64 KB) whole, and a last line without a line break", () => {
    const long = `{"reasons":"${"长".repeat(50_000)}"}`;
    const a = join(dir, "long.tsv");
    writeRun(a, [keyed("2", long, "row-2"), keyed("1", '{"short":1}', "row-1")]);
    const b = join(dir, "no-break.tsv");
    writeFileSync(b, '0\t{"first":0}\trow-0\n3\t{"last":3}\trow-3');
    const lines = merged([a, b]);
    expect(lines.map((l) => l.slice(-5))).toEqual(["row-0", "row-1", "row-2", "row-3"]);
    expect(lines[2]).toBe(`${long} | row-2`);
    expect(readFileSync(a).length).toBeGreaterThan(1 << 17);
  });

  it("reads a line that fills the buffer exactly, and an empty run as no entries", () => {
    // "5", a tab, the JSON, a tab, the row: 65,536 bytes before the line break.
    const row = "row-5";
    const frame = `5\t{"pad":""}\t${row}`.length;
    const json = `{"pad":"${"x".repeat((1 << 16) - frame)}"}`;
    const exact = join(dir, "exact.tsv");
    writeRun(exact, [keyed("5", json, row)]);
    expect(readFileSync(exact).indexOf(0x0a)).toBe(1 << 16);
    const empty = join(dir, "empty.tsv");
    writeFileSync(empty, "");
    const lines = merged([empty, exact]);
    expect(lines).toEqual([`${json} | ${row}`]);
  });
});

describe("SegmentBytes", () => {
  it("keeps each entry's bytes as copied, past its capacity too, and reuses the buffer once cleared", () => {
    const segment = new SegmentBytes(10);
    const answer = Buffer.from("..住户一..abcdefghij..");
    // Bytes 2–11 of the answer: "住户一" (9 bytes) and ".": fills the capacity exactly.
    const first = segment.add(answer, 2, 12);
    // 10 more bytes do not fit: a larger buffer for them; the first entry keeps its own.
    const second = segment.add(answer, 13, 23);
    const text = (k: { buf: Buffer; at: number }, n: number) => k.buf.toString("utf8", k.at, k.at + n);
    expect(text(first, 10)).toBe("住户一.");
    expect(text(second, 10)).toBe("abcdefghij");
    expect(second.buf).not.toBe(first.buf);
    // The answer's buffer may now be overwritten (handed back to a worker): the copies stand.
    answer.fill(0);
    expect(text(first, 10)).toBe("住户一.");
    segment.clear();
    const third = segment.add(Buffer.from("xyz"), 0, 3);
    expect(third).toEqual({ buf: second.buf, at: 0 });
  });
});
