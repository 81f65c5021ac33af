// --file-requests: the worklist's households, in its order, filed through the intake service as outreach
// requests (channel "outreach", on the office's statutory duty), until --max-requests new ones are filed.
// A household already filed with the same outcomes is skipped without counting, so the next run goes on
// down the list. The facts are read again from the register, for the households being filed only.

import { basename, join } from "node:path";
import { householdFromRows } from "../../core/discover/register-csv.ts";
import { outreachKey, type WorklistEntry } from "../../core/discover/worklist.ts";
import { IntakeRefusal } from "../../core/intake.ts";
import type { RequestStore } from "../../db/requests.ts";
import type { Intake } from "../../portal/server/intake.ts";
import { type Format, openRegister } from "./input.ts";
import { fileLines } from "./lines.ts";

export interface Filing {
  created: number;
  alreadyFiled: number;
  refused: number;
  /** Entries left on the worklist once the limit was reached. */
  left: number;
}

export async function fileRequests(options: {
  out: string;
  register: string;
  format: Format;
  intake: Intake;
  requests: RequestStore;
  max: number;
  log: (line: string) => void;
}): Promise<Filing> {
  const filing: Filing = { created: 0, alreadyFiled: 0, refused: 0, left: 0 };
  // 1. Down the worklist: the first `max` households not filed before with these outcomes.
  const wanted = new Map<number, WorklistEntry>();
  for await (const line of fileLines(join(options.out, "worklist.jsonl"))) {
    if (line === "") continue;
    if (wanted.size >= options.max) {
      filing.left++;
      continue;
    }
    const e = JSON.parse(line) as WorklistEntry;
    const seen = await options.requests.byIdempotencyKey("outreach", outreachKey(e.id, e.programs));
    if (seen) filing.alreadyFiled++;
    else wanted.set(e.line, e);
  }
  if (wanted.size === 0) return filing;
  // 2. Their facts, from the register (one more pass, keeping only theirs).
  const situations = new Map<number, unknown>();
  for await (const record of openRegister(options.register, options.format).records()) {
    if (!wanted.has(record.line)) continue;
    if ("json" in record)
      situations.set(record.line, (JSON.parse(record.json) as { situation: unknown }).situation);
    else {
      const read = householdFromRows(record.csv);
      if (!("code" in read)) situations.set(record.line, read.situation);
    }
  }
  // 3. Filed in the worklist's order.
  for (const e of wanted.values()) {
    try {
      const sent = await options.intake.fileOutreach({
        registerId: e.id,
        register: basename(options.register),
        // Dated as screened: the request's estimate is the worklist's.
        situation: { ...(situations.get(e.line) as object), asOf: e.asOf },
        contact: e.contact,
      });
      if (sent.created) filing.created++;
      else filing.alreadyFiled++;
    } catch (error) {
      if (!(error instanceof IntakeRefusal)) throw error;
      filing.refused++;
      const why = error.issues.map((i) => `${i.field}: ${i.code}`).join(", ");
      options.log(`line ${e.line} (${e.id}): not filed: ${why}`);
    }
  }
  return filing;
}
