// worklist.csv: the worklist for a spreadsheet, one household a row. Programs, reasons and unknown facts
// are listed in one cell each, separated by ";" ("dibao:likely", "tekun@1:possible" for member 1).

import type { WorklistEntry } from "./worklist.ts";

export const WORKLIST_CSV_COLUMNS = [
  "id",
  "line",
  "jurisdiction",
  "county",
  "urgent",
  "contact_name",
  "contact_phone",
  "programs",
  "monthly_best",
  "one_off_best",
  "reasons",
  "unknown",
  "as_of",
  "engine_version",
  "pack_version",
] as const;

const programName = (p: WorklistEntry["programs"][number]) =>
  p.member === null ? p.program : `${p.program}@${p.member}`;

/** A cell on one line: a register's stray line breaks become spaces (the run files hold a row a line). */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ");

export function worklistCsvRow(e: WorklistEntry): string[] {
  return [
    oneLine(e.id),
    String(e.line),
    e.jurisdiction,
    oneLine(e.county ?? ""),
    e.urgent ? "yes" : "no",
    oneLine(e.contact.name ?? ""),
    e.contact.phone,
    e.programs.map((p) => `${programName(p)}:${p.outcome}`).join(";"),
    String(e.monthlyBest),
    String(e.oneOffBest),
    e.programs.map((p) => `${programName(p)}:${p.reasons.join("|")}`).join(";"),
    e.unknown.join(";"),
    e.asOf,
    e.engineVersion,
    e.packVersion,
  ];
}
