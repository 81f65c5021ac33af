// The register as CSV: one row per member, the household's rows one after another under one
// household_id. Columns are the contract's paths (docs/discover.md lists them): household facts as in
// the situation (`householdIncome.monthly`), the member's own facts prefixed `member.` (`member.age`).
// The household's columns are read from its first row; later rows leave them empty or repeat them.
// An empty cell is unknown. A value that is not what the column holds is passed on as written, so the
// situation's own check names the field and the problem exactly as `screen` does.

import type { Situation } from "../schema/situation.ts";
import type { Contact } from "./worklist.ts";

type Kind = "text" | "number" | "boolean" | "date" | "presence" | "income" | "parents";

/** A column: its name in the header and what its cells hold. */
interface Column {
  name: string;
  kind: Kind;
}

const c = (name: string, kind: Kind): Column => ({ name, kind });

/** The household's columns, in the order `discover` writes them. */
export const HOUSEHOLD_COLUMNS: readonly Column[] = [
  c("jurisdiction", "text"),
  c("asOf", "date"),
  c("area", "text"),
  c("localHukou", "boolean"),
  c("county", "text"),
  c("registeredPoor", "boolean"),
  c("povertyExitedOn", "date"),
  c("assets", "text"),
  c("householdIncome.monthly", "number"),
  c("householdIncome.pensionBasic", "number"),
  c("householdIncome.povertyDividend", "number"),
  c("monthlyExpenses", "presence"),
  c("monthlyExpenses.medical", "number"),
  c("monthlyExpenses.care", "number"),
  c("monthlyExpenses.rehabilitation", "number"),
  c("monthlyExpenses.employment", "number"),
  c("currentBenefits", "presence"),
  c("currentBenefits.dibao", "presence"),
  c("currentBenefits.dibao.since", "date"),
  c("currentBenefits.dibao.monthlyAmount", "number"),
  c("currentBenefits.tekun", "boolean"),
  c("currentBenefits.orphanAllowance", "boolean"),
  c("currentBenefits.unsupportedChildAllowance", "boolean"),
  c("currentBenefits.disabilitySubsidies", "boolean"),
  c("incomeAboveStandardSince", "date"),
  c("emergency", "presence"),
  c("emergency.kind", "text"),
  c("emergency.category", "text"),
  c("emergency.date", "date"),
  c("emergency.basicLivingAtRisk", "boolean"),
  c("emergency.outOfPocket", "number"),
  c("emergency.inJurisdiction", "boolean"),
];

/** The member's columns (each named `member.<path>` in the header). */
export const MEMBER_COLUMNS: readonly Column[] = [
  c("relation", "text"),
  c("age", "number"),
  c("ageBand.from", "number"),
  c("ageBand.to", "number"),
  c("birthDate", "date"),
  c("selfCare", "text"),
  c("workCapacity", "text"),
  c("employed", "boolean"),
  c("income", "income"),
  c("disability", "presence"),
  c("disability.grade", "number"),
  c("disability.category", "text"),
  c("illness", "presence"),
  c("illness.serious", "boolean"),
  c("illness.disease", "text"),
  c("illness.medicalAid", "boolean"),
  c("dependsOnFamily", "boolean"),
  c("canLiveAlone", "boolean"),
  c("supportersAble", "boolean"),
  c("supportOwedMonthly", "number"),
  c("parents", "parents"),
];

/** The register's own columns: the household's id and whom to call. */
export const ID_COLUMN = "household_id";
export const CONTACT_COLUMNS = ["contact_name", "contact_phone"] as const;

/** Every column, as `discover` writes them (a register may hold any of them, in any order). */
export const ALL_COLUMNS: readonly string[] = [
  ID_COLUMN,
  ...CONTACT_COLUMNS,
  ...HOUSEHOLD_COLUMNS.map((col) => col.name),
  ...MEMBER_COLUMNS.map((col) => `member.${col.name}`),
];

const KNOWN = new Set(ALL_COLUMNS);

/** A header's problem: a column not in the mapping, or a required one missing. */
export function headerProblem(header: readonly string[]): string | null {
  const unknown = header.find((h) => !KNOWN.has(h));
  if (unknown !== undefined) return `column "${unknown}" is not in the register's mapping (docs/discover.md)`;
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) return `column "${h}" appears twice`;
    seen.add(h);
  }
  if (!seen.has(ID_COLUMN)) return `the register needs a "${ID_COLUMN}" column`;
  return null;
}

// Cells ------------------------------------------------------------------------------------------

const NONE = "none";
const PRESENT = "yes";
const TRUE = new Set(["true", "yes", "y", "1", "是"]);
const FALSE = new Set(["false", "no", "n", "0", "否"]);
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell's value in the situation; undefined for an empty cell (unknown). */
function readCell(kind: Kind, raw: string): unknown {
  const text = raw.trim();
  if (text === "") return undefined;
  switch (kind) {
    case "text":
      return text;
    case "date":
      return text === NONE ? null : text;
    case "number":
      return NUMBER.test(text) ? Number(text) : text;
    case "boolean": {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    case "presence":
      return text === NONE ? null : text === PRESENT ? {} : text;
    case "income":
      // "wage:1200;pension_basic:150"; "none": known to have no income.
      if (text === NONE) return [];
      return text.split(";").map((item) => {
        const [kind = "", monthly = ""] = item.split(":").map((s) => s.trim());
        return { kind, monthly: NUMBER.test(monthly) ? Number(monthly) : monthly };
      });
    case "parents":
      // "deceased;missing@2024-05-01": a status, with `@date` the date it began ("@" alone: no date).
      if (text === NONE) return [];
      return text.split(";").map((item) => {
        const at = item.indexOf("@");
        if (at < 0) return item.trim();
        const since = item.slice(at + 1).trim();
        return { status: item.slice(0, at).trim(), ...(since ? { since } : {}) };
      });
  }
}

function writeCell(kind: Kind, value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return NONE;
  switch (kind) {
    case "presence":
      return PRESENT;
    case "income": {
      const items = value as { kind: string; monthly: number }[];
      return items.length === 0 ? NONE : items.map((i) => `${i.kind}:${i.monthly}`).join(";");
    }
    case "parents": {
      const items = value as (string | { status: string; since?: string })[];
      if (items.length === 0) return NONE;
      return items.map((p) => (typeof p === "string" ? p : `${p.status}@${p.since ?? ""}`)).join(";");
    }
    default:
      return String(value);
  }
}

// Paths ------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function getPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const key of path.split(".")) {
    if (at === null || at === undefined || typeof at !== "object") return undefined;
    at = (at as Obj)[key];
  }
  return at;
}

/** Sets a value at a dotted path, creating the objects on the way (an explicit null stays null). */
function setPath(root: Obj, path: string, value: unknown): void {
  const keys = path.split(".");
  let at: Obj = root;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (next === null) return; // "none" given for the object: its details cannot apply
    if (next === undefined || typeof next !== "object") at[key] = {};
    at = at[key] as Obj;
  }
  const last = keys[keys.length - 1] as string;
  // A presence cell never replaces details read before it.
  if (at[last] !== undefined && value !== null && typeof value === "object" && !Array.isArray(value)) return;
  at[last] = value;
}

// Households -------------------------------------------------------------------------------------

/** One household's rows, as read: the header's columns by name, and the line each row began on. */
export interface HouseholdRows {
  id: string;
  line: number;
  rows: Record<string, string>[];
  /** The line of a row with more or fewer cells than the header has columns. */
  ragged?: number | undefined;
}

/** A household the mapping could not read: the column and what is wrong with it. */
export interface RowProblem {
  field: string;
  code: "household_field_differs" | "row_width";
  line: number;
}

/** The household as the register's JSON Lines give it: id, situation, contact. */
export interface RegisterHousehold {
  id: string;
  situation: unknown;
  contact: Partial<Contact>;
}

/** A household's rows → the situation (checked later, by the same schema as any other). */
export function householdFromRows(h: HouseholdRows): RegisterHousehold | RowProblem {
  if (h.ragged !== undefined) return { field: "", code: "row_width", line: h.ragged };
  const first = h.rows[0] ?? {};
  for (let i = 1; i < h.rows.length; i++) {
    const row = h.rows[i] as Record<string, string>;
    for (const col of [...HOUSEHOLD_COLUMNS.map((x) => x.name), ...CONTACT_COLUMNS]) {
      const v = row[col]?.trim() ?? "";
      if (v !== "" && v !== (first[col]?.trim() ?? ""))
        return { field: col, code: "household_field_differs", line: h.line + i };
    }
  }
  const situation: Obj = { schemaVersion: 1 };
  for (const col of HOUSEHOLD_COLUMNS) {
    const value = readCell(col.kind, first[col.name] ?? "");
    if (value !== undefined) setPath(situation, col.name, value);
  }
  situation.members = h.rows.map((row) => {
    const member: Obj = {};
    for (const col of MEMBER_COLUMNS) {
      const value = readCell(col.kind, row[`member.${col.name}`] ?? "");
      if (value !== undefined) setPath(member, col.name, value);
    }
    return member;
  });
  const name = first.contact_name?.trim();
  const phone = first.contact_phone?.trim();
  return {
    id: h.id,
    situation: reorder(situation),
    contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) },
  };
}

/** The situation's keys in the contract's order (jurisdiction first), whatever order the columns came in. */
function reorder(s: Obj): Obj {
  const { schemaVersion, jurisdiction, ...rest } = s;
  return { schemaVersion, ...(jurisdiction === undefined ? {} : { jurisdiction }), ...rest };
}

/** A household as CSV rows (header order ALL_COLUMNS): what `discover` documents and the tests round-trip. */
export function rowsFromHousehold(id: string, s: Situation, contact: Partial<Contact>): string[][] {
  return s.members.map((m, i) => [
    id,
    i === 0 ? (contact.name ?? "") : "",
    i === 0 ? (contact.phone ?? "") : "",
    ...HOUSEHOLD_COLUMNS.map((col) => (i === 0 ? writeCell(col.kind, getPath(s, col.name)) : "")),
    ...MEMBER_COLUMNS.map((col) => writeCell(col.kind, getPath(m, col.name))),
  ]);
}
