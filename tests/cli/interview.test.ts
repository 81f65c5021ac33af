// The interview command as a person runs it: simulated from a file, and interactively in a terminal.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/interview.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function screenOf(file: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/screen.ts"), file], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(r.stdout);
}

const comparable = (r: {
  program: string;
  member: number | null;
  outcome: string;
  monthly: unknown;
  monthlyRange: unknown;
  oneOff: unknown;
  until: unknown;
}) => [r.program, r.member, r.outcome, r.monthly, r.monthlyRange, r.oneOff, r.until];

describe("npm run interview", () => {
  it("--simulate prints the questions asked and a screening equal to screen's", () => {
    const r = run(["--simulate", "tests/fixtures/jilin.json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asked.slice(0, 4)).toEqual(["jurisdiction", "helping", "household", "emergency"]);
    expect(out.screening.results.map(comparable)).toEqual(
      screenOf("tests/fixtures/jilin.json").results.map(comparable),
    );
  });

  it("--simulate refuses a bad situation with exit 2 and the field named", () => {
    const r = run(
      ["--simulate", "-"],
      JSON.stringify({ schemaVersion: 1, jurisdiction: "wuxi", members: [{ age: 300 }] }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("members[0].age: must be 130 or less");
  });

  it("runs interactively in English: a bad age is re-asked, and the result names the clause", () => {
    // 东兴区 today: one adult, 100 a month; the result cites the dibao clause whatever else is unknown.
    const answers = [
      "5", // 内江市东兴区
      "1", // for myself
      "0", // no one else
      "2", // no emergency
      "3", // hukou here, not sure whether urban or rural
      "300", // an age of 300 …
      "45", // … re-asked
      "100",
      ...Array(30).fill("?"), // "I don't know" for the rest
    ];
    const r = run(["--lang", "en"], `${answers.join("\n")}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Where do you live?");
    expect(r.stdout).toContain("Write an age from 0 to 130 years.");
    expect(r.stdout).toContain("东兴区工作机制 三(一)");
  });

  it("takes 0 as an answer (no income), and ? as 'I don't know'", () => {
    const r = run(["--lang", "en"], `${["5", "1", "0", "2", "3", "45", "0", "?", "a"].join("\n")}\n`);
    expect(r.stdout).toContain("member.income@0 = 0");
    expect(r.stdout).toMatch(/= I don't know/);
  });

  it("refuses an unknown language with exit 2", () => {
    const r = run(["--lang", "fr"], "");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang");
  });
});
