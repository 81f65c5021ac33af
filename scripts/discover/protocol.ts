// What the main thread and the workers say to each other: batches of records out, compact results back
// (strings already written, so the main thread only files them in order).

import type { Outcome, Program } from "../../core/schema/enums.ts";
import type { RegisterRecord } from "./household.ts";

export interface WorkerSetup {
  /** The deployment's parameter overrides (--params), already read. */
  deployment: unknown;
  today: string;
  asOf?: string | undefined;
}

export interface Batch {
  seq: number;
  records: RegisterRecord[];
}

/** One record's result: a reject line, or the counts and maybe a worklist line (sort key + JSON). */
export type Done =
  | { reject: string }
  | {
      jurisdiction: string;
      county: string | null;
      outcomes: [Program, Outcome][];
      key?: string;
      /** The worklist entry as a JSON line, and as a CSV row (without its line break). */
      entry?: string;
      row?: string;
    };

export interface BatchDone {
  seq: number;
  done: Done[];
}
