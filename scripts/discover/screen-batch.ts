// A batch of register records screened into the compact results the main thread files in order. Runs in
// each worker (scripts/discover-worker.ts).

import { csvLine } from "../../core/discover/csv.ts";
import { sortKey } from "../../core/discover/worklist.ts";
import { worklistCsvRow } from "../../core/discover/worklist-csv.ts";
import { type HouseholdOptions, type RegisterRecord, screenHousehold } from "./household.ts";
import type { Done } from "./protocol.ts";

export function screenBatch(records: readonly RegisterRecord[], options: HouseholdOptions): Done[] {
  return records.map((record) => {
    const r = screenHousehold(record, options);
    if (r.kind === "reject") return { reject: JSON.stringify(r.reject) };
    const counted = { jurisdiction: r.jurisdiction, county: r.county, outcomes: r.outcomes };
    if (r.entry === null) return counted;
    return {
      ...counted,
      key: sortKey(r.entry),
      entry: JSON.stringify(r.entry),
      row: csvLine(worklistCsvRow(r.entry)).slice(0, -2),
    };
  });
}
