// The register's JSON lines cut into batches of bytes for the workers, whatever way the file's chunks
// fall: a line cut by a chunk's end, a line longer than a chunk, a chunk that is all one line's middle,
// blank lines skipped but counted, a resumed run's first lines skipped, a last line without a break.

import { describe, expect, it } from "vitest";
import { type BatchRecords, lineBatches } from "../../scripts/discover/input.ts";

async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Every batch's lines as [line number, text], and how many lines each batch held. */
async function read(text: string, chunk: number, size: number, skip = 0) {
  const lines: [number, string][] = [];
  const sizes: number[] = [];
  for await (const b of lineBatches(chunksOf(text, chunk), size, skip) as AsyncGenerator<BatchRecords>) {
    if (!("jsonl" in b)) throw new Error("expected JSON lines");
    const { bytes, starts, ends, lines: numbers } = b.jsonl;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    sizes.push(numbers.length);
    for (let i = 0; i < numbers.length; i++)
      lines.push([numbers[i] as number, buf.toString("utf8", starts[i], ends[i])]);
  }
  return { lines, sizes };
}

const long = `{"id":"b","note":"一行比一块还长的住户记录：${"长".repeat(40)}"}`;
const register = [
  '{"id":"a","name":"住户一"}',
  "",
  long,
  "   ",
  '{"id":"c"}',
  '{"id":"d","name":"住户四"}',
  '{"id":"e"}',
].join("\n");
const expected: [number, string][] = [
  [1, '{"id":"a","name":"住户一"}'],
  [3, long],
  [5, '{"id":"c"}'],
  [6, '{"id":"d","name":"住户四"}'],
  [7, '{"id":"e"}'],
];

describe("lineBatches", () => {
  // Chunks of 1 byte (every character cut, Chinese ones mid-character), 7 bytes (lines cut at every
  // place), 64 (the long line spans several), and the whole file at once.
  for (const chunk of [1, 7, 64, 4096])
    it(`gives each non-blank line whole, with its line number, from chunks of ${chunk} bytes`, async () => {
      const { lines, sizes } = await read(register, chunk, 2);
      expect(lines).toEqual(expected);
      expect(sizes).toEqual([2, 2, 1]);
    });

  it("skips a resumed run's first lines (blank lines not counted among them) and ends on a last line without a break", async () => {
    const { lines } = await read(`${register}\n{"id":"f"}`, 5, 10, 3);
    expect(lines).toEqual([
      [6, '{"id":"d","name":"住户四"}'],
      [7, '{"id":"e"}'],
      [8, '{"id":"f"}'],
    ]);
  });

  it("gives nothing for a file of blank lines", async () => {
    const { lines, sizes } = await read("\n  \n\r\n", 2, 10);
    expect(lines).toEqual([]);
    expect(sizes).toEqual([]);
  });
});
