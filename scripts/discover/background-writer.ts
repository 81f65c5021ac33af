// A file written from behind: bytes are collected into 1 MB buffers and each full buffer is written on
// libuv's thread pool (fs.write at its position), so the thread that fills them goes on while the kernel
// copies. The worklist's final merge is the run's serial tail — the workers have finished — and its two
// files' writes were most of it; written this way, the merge, worklist.jsonl's writes and worklist.csv's
// run side by side on the idle cores.

import { write } from "node:fs";

const BUFFER_BYTES = 1 << 20;

export class BackgroundWriter {
  private buf: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private at = 0;
  /** Where the next buffer goes in the file. */
  private position = 0;
  private readonly free: Buffer[] = [];
  private inFlight = 0;
  private failure: Error | null = null;
  /** Those waiting for a write to finish (`room`, `close`, `settle`). */
  private waiters: (() => void)[] = [];

  /** `depth`: buffers being written at once, at most; past it, `room()` waits. */
  constructor(
    private readonly fd: number,
    private readonly depth = 4,
  ) {}

  /** Adds bytes[start, end). Never waits: call `room()` between entries to keep memory bounded. */
  put(bytes: Buffer, start = 0, end = bytes.length): void {
    const n = end - start;
    if (this.at + n > this.buf.length) this.send();
    if (n > this.buf.length) {
      this.submit(Buffer.from(bytes.subarray(start, end)), n, false);
      return;
    }
    // Copied without a view of the bytes: one object per entry, hundreds of thousands of entries.
    this.at += bytes.copy(this.buf, this.at, start, end);
  }

  /** `depth` buffers are being written: wait for `room()` before adding more. */
  get full(): boolean {
    return this.inFlight >= this.depth;
  }

  /** Resolves once fewer than `depth` buffers are being written; rejects with a write's failure. */
  async room(): Promise<void> {
    while (this.inFlight >= this.depth && this.failure === null) await this.aWriteFinished();
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and waits for every write. */
  async close(): Promise<void> {
    this.send();
    await this.settle();
    if (this.failure) throw this.failure;
  }

  /**
   * Waits for the writes under way, whatever became of them: the file must not be closed under them
   * (its descriptor, reused by the next file opened, would take their bytes).
   */
  async settle(): Promise<void> {
    while (this.inFlight > 0) await this.aWriteFinished();
  }

  private aWriteFinished(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The current buffer goes to be written; the next one is a free one, or a new one. */
  private send(): void {
    if (this.at === 0) return;
    this.submit(this.buf, this.at, true);
    this.buf = this.free.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES);
    this.at = 0;
  }

  private submit(buf: Buffer, length: number, reuse: boolean): void {
    const position = this.position;
    this.position += length;
    this.inFlight++;
    this.writeFrom(buf, 0, length, position, reuse);
  }

  /** A write may take fewer bytes than it was given: the rest is written after it. */
  private writeFrom(buf: Buffer, offset: number, length: number, position: number, reuse: boolean): void {
    write(this.fd, buf, offset, length, position, (error, written) => {
      if (error) this.failure ??= error;
      else if (written < length) {
        this.writeFrom(buf, offset + written, length - written, position + written, reuse);
        return;
      }
      this.inFlight--;
      if (reuse) this.free.push(buf);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    });
  }
}
