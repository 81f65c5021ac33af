// Where a run stands, so that a killed run resumes: the households done, the sorted runs written, the
// length of rejects.jsonl, and the counts so far. Written after each segment's files are durable, by
// rename, so a checkpoint never names a file that is not whole.

import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { Tally } from "./summary.ts";

export interface Checkpoint {
  version: 1;
  /** What the outputs depend on: the register, the options, the engine and the packs. */
  fingerprint: string;
  /** The day the run screens for when neither the row nor --as-of says (kept for a resume next day). */
  today: string;
  /** Households (records) done. */
  records: number;
  /** Sorted run files, by name, in the state directory. */
  runs: string[];
  rejectsBytes: number;
  tally: Tally;
  startedAt: string;
}

const FILE = "checkpoint.json";

/** The inputs' fingerprint: the register's path, size and modification time, the options, the versions. */
export function fingerprintOf(parts: {
  register: string;
  options: Record<string, unknown>;
  versions: string;
}): string {
  const stat = statSync(parts.register);
  return createHash("sha256")
    .update(JSON.stringify([parts.register, stat.size, stat.mtimeMs, parts.options, parts.versions]))
    .digest("hex");
}

export function readCheckpoint(stateDir: string): Checkpoint | null {
  const path = join(stateDir, FILE);
  if (!existsSync(path)) return null;
  try {
    const cp = JSON.parse(readFileSync(path, "utf8")) as Checkpoint;
    return cp.version === 1 ? cp : null;
  } catch {
    return null; // unreadable: start over
  }
}

export function writeCheckpoint(stateDir: string, cp: Checkpoint): void {
  const path = join(stateDir, FILE);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, JSON.stringify(cp));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
