// The worklist's files written from behind: every byte lands where it was put, in order, across the
// writer's 1 MB buffers and with more than `depth` of them waiting; an entry longer than a buffer goes
// whole; a write that fails is reported, never lost; nothing is left under way for the file's closing.

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BackgroundWriter } from "../../scripts/discover/background-writer.ts";

const dir = mkdtempSync(join(tmpdir(), "background-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("BackgroundWriter", () => {
  it("writes nearly 4 MB of entries, one of them 1.5 MB, byte for byte in the order they were put", async () => {
    const path = join(dir, "entries.jsonl");
    const fd = openSync(path, "w");
    const expected: Buffer[] = [];
    try {
      const w = new BackgroundWriter(fd, 2);
      let waited = 0;
      for (let i = 0; i < 3000; i++) {
        // Entries of varied length, some Chinese (3 bytes a character), put from inside a larger buffer.
        const text = `{"n":${i},"name":"住户${"甲".repeat(i % 500)}"}\n`;
        const padded = Buffer.from(`xx${text}yy`);
        w.put(padded, 2, padded.length - 2);
        expected.push(Buffer.from(text));
        if (i === 1500) {
          const long = Buffer.alloc(1.5 * (1 << 20), "a");
          w.put(long);
          expected.push(long);
        }
        if (w.full) {
          waited++;
          await w.room();
        }
      }
      await w.close();
      // Two buffers at a time for nearly four: it had to wait for room.
      expect(waited).toBeGreaterThan(0);
    } finally {
      closeSync(fd);
    }
    const written = readFileSync(path);
    expect(written.length).toBeGreaterThan(3.5 * (1 << 20));
    expect(written.equals(Buffer.concat(expected))).toBe(true);
  });

  it("lets close and settle be awaited together (the merge's clean-up after the other file failed)", async () => {
    const path = join(dir, "together.txt");
    const fd = openSync(path, "w");
    const chunk = Buffer.alloc(1 << 20, "x");
    try {
      const w = new BackgroundWriter(fd);
      for (let i = 0; i < 3; i++) w.put(chunk);
      // Three buffers on their way and one being filled: both resolve once the last write is done.
      await Promise.all([w.close(), w.settle()]);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path).length).toBe(3 << 20);
  });

  it("reports a failed write when closed (a file opened only for reading cannot be written)", async () => {
    const path = join(dir, "read-only.txt");
    closeSync(openSync(path, "w"));
    const fd = openSync(path, "r");
    try {
      const w = new BackgroundWriter(fd);
      w.put(Buffer.from("一行\n"));
      await expect(w.close()).rejects.toThrow(/EBADF/);
    } finally {
      closeSync(fd);
    }
  });
});
