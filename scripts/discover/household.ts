// One record of the register — a JSON line, or a household's CSV rows — read, checked and screened:
// a reject naming the field and the problem as `screen` words it, or the household's outcomes and, when
// some open program is not already received, its worklist entry. The workers run this; so do the tests.

import {
  type HouseholdRows,
  householdFromRows,
  type RegisterHousehold,
} from "../../core/discover/register-csv.ts";
import { type Contact, outcomesOf, type WorklistEntry, worklistEntry } from "../../core/discover/worklist.ts";
import { parsePhone } from "../../core/interview/numbers.ts";
import type { PolicySet } from "../../core/policies/index.ts";
import type { Outcome, Program } from "../../core/schema/enums.ts";
import { screenInput } from "../../core/screen.ts";
import { issueText } from "../../portal/server/issue-text.ts";

export interface HouseholdOptions {
  policies: PolicySet;
  today: string;
  asOf?: string | undefined;
}

/** A register record as the reader hands it over: one JSON line, or one household's CSV rows. */
export type RegisterRecord = { line: number; json: string } | { line: number; csv: HouseholdRows };

/** One bad record: where it is, which household, which field, and what is wrong. */
export interface Reject {
  line: number;
  id: string | null;
  field: string;
  problem: string;
  /** Every problem found, when more than one. */
  issues?: { field: string; problem: string }[];
}

export type Screened =
  | { kind: "reject"; reject: Reject }
  | {
      kind: "screened";
      jurisdiction: string;
      county: string | null;
      outcomes: [Program, Outcome][];
      entry: WorklistEntry | null;
    };

const MAX_ID = 100;

function reject(line: number, id: string | null, issues: { field: string; problem: string }[]): Screened {
  const [first] = issues;
  return {
    kind: "reject",
    reject: {
      line,
      id,
      field: first?.field ?? "",
      problem: first?.problem ?? "is not valid",
      ...(issues.length > 1 ? { issues } : {}),
    },
  };
}

/** The register's own fields around the situation: an id and a contact with a mainland mobile. */
function registerIssues(h: { id?: unknown; contact?: unknown }): { field: string; problem: string }[] {
  const issues: { field: string; problem: string }[] = [];
  const id = h.id;
  if (id === undefined || id === null || id === "") issues.push({ field: "id", problem: "is required" });
  else if (typeof id !== "string" && typeof id !== "number")
    issues.push({ field: "id", problem: "should be a string" });
  else if (String(id).length > MAX_ID)
    issues.push({ field: "id", problem: `must be ${MAX_ID} characters or fewer` });
  const contact = h.contact as Partial<Contact> | undefined;
  if (contact === undefined || contact === null || typeof contact !== "object")
    issues.push({ field: "contact", problem: "is required: the hotline needs a number to call" });
  else {
    if (contact.name !== undefined && typeof contact.name !== "string")
      issues.push({ field: "contact.name", problem: "should be a string" });
    if (contact.phone === undefined || contact.phone === "")
      issues.push({ field: "contact.phone", problem: "is required: the hotline needs a number to call" });
    else if (typeof contact.phone !== "string" || parsePhone(contact.phone) === null)
      issues.push({
        field: "contact.phone",
        problem: "is not a mainland mobile number (11 digits, 1[3-9]…)",
      });
  }
  return issues;
}

/** Reads, checks and screens one record. Never throws for bad data: that is a reject. */
export function screenHousehold(record: RegisterRecord, options: HouseholdOptions): Screened {
  let household: Partial<RegisterHousehold>;
  if ("json" in record) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(record.json);
    } catch (error) {
      return reject(record.line, null, [
        { field: "", problem: `is not valid JSON (${(error as Error).message})` },
      ]);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      return reject(record.line, null, [
        { field: "", problem: "should be an object: { id, situation, contact }" },
      ]);
    household = parsed as Partial<RegisterHousehold>;
  } else {
    const read = householdFromRows(record.csv);
    if ("code" in read)
      return reject(read.line, record.csv.id || null, [
        {
          field: read.field,
          problem:
            read.code === "row_width"
              ? "the row has more or fewer cells than the header has columns"
              : "differs from the household's first row (one household, one value)",
        },
      ]);
    household = read;
  }
  const id =
    typeof household.id === "number" || typeof household.id === "string" ? String(household.id) : null;
  const issues = registerIssues(household);
  if (household.situation === undefined) issues.push({ field: "situation", problem: "is required" });
  else {
    const screened = screenInput(household.situation, options);
    if (!screened.ok) {
      for (const i of screened.issues) {
        const field = i.path === "" ? "situation" : `situation.${i.path}`;
        issues.push({ field, problem: issueText({ ...i, path: field }).slice(field.length + 2) });
      }
    } else if (issues.length === 0) {
      const s = household.situation as Parameters<typeof worklistEntry>[1];
      const contact = household.contact as Contact;
      const phone = parsePhone(contact.phone) as string;
      return {
        kind: "screened",
        jurisdiction: screened.screening.jurisdiction,
        county: s.county ?? null,
        outcomes: outcomesOf(screened.screening),
        entry: worklistEntry(
          {
            id: id as string,
            line: record.line,
            contact: { ...(contact.name ? { name: contact.name } : {}), phone },
          },
          s,
          screened.screening,
        ),
      };
    }
  }
  return reject(record.line, id, issues);
}
