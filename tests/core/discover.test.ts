// 主动发现's pure parts: the register's CSV mapping (it round-trips every generated situation), the CSV
// reader (quotes, commas, line breaks, chunks cut anywhere), which programs a household is listed for
// (open, and not already received), and the worklist's order.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParser, csvLine, parseCsv } from "../../core/discover/csv.ts";
import {
  ALL_COLUMNS,
  headerProblem,
  householdFromRows,
  rowsFromHousehold,
} from "../../core/discover/register-csv.ts";
import { outreachKey, sortKey, worklistEntry } from "../../core/discover/worklist.ts";
import { createPolicies } from "../../core/policies/index.ts";
import type { Situation } from "../../core/schema/situation.ts";
import { screen } from "../../core/screen.ts";
import { situationArb } from "./arbitraries.ts";
import { earner, household } from "./clauses/dibao-helpers.ts";

const policies = createPolicies();
const today = "2026-11-22";

/** A household's CSV rows read back as the reader and the mapping read them. */
function throughCsv(id: string, s: Situation, contact: { name?: string; phone: string }) {
  const text = [ALL_COLUMNS, ...rowsFromHousehold(id, s, contact)].map(csvLine).join("");
  const [header, ...records] = parseCsv(text);
  const names = header?.fields ?? [];
  const rows = records.map((r) => Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? ""])));
  return householdFromRows({ id, line: 2, rows });
}

describe("the register's CSV mapping", () => {
  it("round-trips 2,000 generated households exactly: every fact, unknown, none and list", () => {
    const situations = fc.sample(situationArb, { seed: 20261130, numRuns: 2000 });
    situations.forEach((s, i) => {
      const contact = { name: `户主${i}, "老王"`, phone: "13800000000" };
      expect(throughCsv(`H${i}`, s, contact)).toEqual({ id: `H${i}`, situation: s, contact });
    });
  });

  it("reads what a spreadsheet export writes: 是/否, an empty cell as unknown, none as known none", () => {
    const header = ["household_id", "contact_phone", "jurisdiction", "member.relation", "member.age"];
    const extra = ["member.employed", "member.disability", "member.income", "member.parents"];
    const text =
      `\ufeff${[...header, ...extra].join(",")}\r\n` +
      "A1,13800000001,wuxi,self,71,否,none,pension_basic:180,\r\n" +
      "A1,,,spouse,,是,,none,deceased;missing@2024-05-01\r\n";
    const [h, ...records] = parseCsv(text.slice(1));
    const rows = records.map((r) =>
      Object.fromEntries((h?.fields ?? []).map((n, i) => [n, r.fields[i] ?? ""])),
    );
    expect(householdFromRows({ id: "A1", line: 2, rows })).toEqual({
      id: "A1",
      contact: { phone: "13800000001" },
      situation: {
        schemaVersion: 1,
        jurisdiction: "wuxi",
        members: [
          {
            relation: "self",
            age: 71,
            employed: false,
            disability: null,
            income: [{ kind: "pension_basic", monthly: 180 }],
          },
          {
            relation: "spouse",
            employed: true,
            income: [],
            parents: ["deceased", { status: "missing", since: "2024-05-01" }],
          },
        ],
      },
    });
  });

  it("a household column that differs on a later row names the column and that row's line", () => {
    const rows = [
      { household_id: "A1", jurisdiction: "wuxi", "member.age": "70" },
      { household_id: "A1", jurisdiction: "jilin", "member.age": "68" },
    ];
    expect(householdFromRows({ id: "A1", line: 5, rows })).toEqual({
      field: "jurisdiction",
      code: "household_field_differs",
      line: 6,
    });
  });

  it("a header with a column outside the mapping, twice the same column, or no household_id is refused", () => {
    expect(headerProblem(["household_id", "member.agee"])).toContain('"member.agee" is not in');
    expect(headerProblem(["household_id", "area", "area"])).toContain('"area" appears twice');
    expect(headerProblem(["area"])).toContain('"household_id"');
    expect(headerProblem(["household_id", "contact_phone", "member.age"])).toBeNull();
  });
});

describe("the CSV reader", () => {
  const text = 'a,b,c\r\n"1,5","say ""hi""","two\nlines"\n,,\nlast,row,here';
  const expected = [
    { line: 1, fields: ["a", "b", "c"] },
    { line: 2, fields: ["1,5", 'say "hi"', "two\nlines"] },
    { line: 4, fields: ["", "", ""] },
    { line: 5, fields: ["last", "row", "here"] },
  ];

  it("reads quoted commas, doubled quotes and line breaks, with the line each record began on", () => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it("gives the same records whichever places the chunks are cut at", () => {
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser();
      expect(
        [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()],
        `cut at ${cut}`,
      ).toEqual(expected);
    }
  });

  it("writes what it reads", () => {
    const fields = ["plain", "with,comma", 'with "quote"', "with\r\nbreak", ""];
    expect(parseCsv(csvLine(fields))).toEqual([{ line: 1, fields }]);
  });
});

describe("the worklist entry", () => {
  // 无锡 (2026): a 72-year-old living alone on a 300-yuan basic pension, unable to work.
  const alone: Situation = {
    schemaVersion: 1,
    jurisdiction: "wuxi",
    asOf: "2026-11-22",
    area: "urban",
    localHukou: true,
    assets: "within_limits",
    members: [
      {
        relation: "self",
        age: 72,
        workCapacity: "none",
        income: [{ kind: "pension_basic", monthly: 300 }],
        supportersAble: false,
      },
    ],
  };
  const contact = { name: "王秀英", phone: "13800000001" };

  it("lists each open program the household does not receive, with screen's estimate and reason codes", () => {
    const screening = screen(alone, { policies, today });
    const entry = worklistEntry({ id: "W1", line: 1, contact }, alone, screening);
    const open = screening.results.filter((r) => r.outcome !== "unlikely");
    expect(open.length).toBeGreaterThan(0);
    expect(entry?.programs).toEqual(
      open.map((r) => ({
        program: r.program,
        member: r.member,
        outcome: r.outcome,
        monthly: r.monthly,
        monthlyRange: r.monthlyRange,
        oneOff: r.oneOff,
        until: r.until,
        reasons: r.reasons.map((x) => x.code),
        missing: r.missing,
      })),
    );
    expect(entry?.packVersion).toBe(screening.packVersion);
  });

  it("leaves off what the household already receives (低保 on record: neither 低保 nor 单人保)", () => {
    const onDibao: Situation = { ...alone, currentBenefits: { dibao: { monthlyAmount: 800 } } };
    const entry = worklistEntry(
      { id: "W1", line: 1, contact },
      onDibao,
      screen(onDibao, { policies, today }),
    );
    expect(entry?.programs.map((p) => p.program) ?? []).not.toContain("dibao");
    expect(entry?.programs.map((p) => p.program) ?? []).not.toContain("dibao_single");
  });

  it("is null when nothing is open: a healthy earner, every fact known, in mid-2026", () => {
    // After the figures' confirmed date, an unpublished standard leaves 低保 open at any income.
    const rich = household("wuxi", "2026-06-01", [earner(20_000, { relation: "self" })]) as Situation;
    expect(worklistEntry({ id: "W2", line: 2, contact }, rich, screen(rich, { policies, today }))).toBeNull();
  });

  it("sorts urgent first, then the larger monthly estimate, the larger one-off, the earlier line", () => {
    const e = (urgent: boolean, monthlyBest: number, oneOffBest: number, line: number) => ({
      urgent,
      monthlyBest,
      oneOffBest,
      line,
    });
    const order = [
      e(true, 0, 0, 9),
      e(false, 1200.5, 0, 3),
      e(false, 1200, 500, 1),
      e(false, 1200, 0, 2),
      e(false, 0, 0, 1),
    ];
    const keys = order.map(sortKey);
    expect([...keys].sort()).toEqual(keys);
  });

  it("an outreach request's key changes with an outcome, not with anything else", () => {
    const dibao = { program: "dibao" as const, member: null, outcome: "likely" as const };
    const listed = [dibao];
    expect(outreachKey("W1", listed)).toBe(outreachKey("W1", listed));
    expect(outreachKey("W1", [{ ...dibao, outcome: "possible" as const }])).not.toBe(
      outreachKey("W1", listed),
    );
    expect(outreachKey("W2", listed)).not.toBe(outreachKey("W1", listed));
  });
});
