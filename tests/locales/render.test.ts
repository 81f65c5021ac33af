// What a person reads: every result of generated screenings renders in each language, with its clause,
// and no placeholder, "null", "undefined" or "NaN" left in the words.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerIssue } from "../../core/interview/answer.ts";
import { next, start } from "../../core/interview/index.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { REASON_CODES } from "../../core/reasons.ts";
import { screen, screenInput } from "../../core/screen.ts";
import { createI18nSync, LANGS } from "../../locales/i18n.ts";
import { renderIssue, renderQuestion, renderScreening, screeningText } from "../../locales/render.ts";
import { situationArb } from "../core/arbitraries.ts";

const policies = createPolicies();
const LEFTOVER = /\{\{|\}\}|undefined|\bnull\b|NaN|reasons:|common:|programs:/;

function example(id: string) {
  const r = screenInput(
    JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", `${id}.json`), "utf8")),
    {
      policies,
      today: "2026-11-22",
    },
  );
  if (!r.ok) throw new Error("invalid fixture");
  return r.screening;
}

describe("rendering a screening", () => {
  it("reads the 东兴区 example in plain Chinese, with the amount, the range and the clause", () => {
    const t = createI18nSync("zh-CN");
    const rendered = renderScreening(t, example("neijiang-dongxing"));
    const dibao = rendered.results[0];
    expect(dibao?.title).toBe(t("programs:dibao.name"));
    expect(dibao?.outcomeText).toBe(t("common:outcomes.likely"));
    expect(dibao?.amount).toBe(
      [
        t("common:amount.monthly", { amount: "480" }),
        t("common:amount.range", { min: "480", max: "600" }),
      ].join(t("common:listSeparator")),
    );
    // The clause as the document numbers it, with full-width brackets in Chinese.
    expect(dibao?.reasons[0]).toContain("东兴区工作机制 三（一）");
    expect(rendered.nextSteps.join("")).toContain("12345");
  });

  it("says 'at least' for a published floor (江门 台山, 579 × 2 − 300 = 858)", () => {
    const t = createI18nSync("en");
    const dibao = renderScreening(t, example("jiangmen")).results[0];
    expect(dibao?.amount).toBe(t("common:amount.atLeast", { amount: "858" }));
  });

  it("never says 'at least 0': above a published floor the amount depends on the real standard (东兴区 2022, 1500 for two, floor 480)", () => {
    const t = createI18nSync("zh-CN");
    const r = screenInput(
      {
        schemaVersion: 1,
        jurisdiction: "neijiang-dongxing",
        asOf: "2022-09-01",
        area: "rural",
        localHukou: true,
        assets: "within_limits",
        members: [
          { relation: "self", age: 40, income: [{ kind: "wage", monthly: 1500 }] },
          { relation: "spouse", age: 40, income: [] },
        ],
        monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0 },
        currentBenefits: { dibao: null, tekun: false, orphanAllowance: false },
      },
      { policies, today: "2026-11-22" },
    );
    if (!r.ok) throw new Error("invalid");
    // 1500 / 2 = 750 a head is above the floor of 480: no estimate, and no "at least 0".
    expect(r.screening.results[0]).toMatchObject({ outcome: "possible", monthly: null, monthlyRange: null });
    expect(renderScreening(t, r.screening).results[0]?.amount).toBe(t("common:amount.dependsOnStandard"));
  });

  it("names the end of a transition (吉林, until 2020-12-31) and what is unknown", () => {
    const t = createI18nSync("zh-Hant");
    const rendered = renderScreening(t, example("jilin"));
    expect(rendered.results[0]?.amount).toContain("2020-12-31");
    // The document's name in traditional characters, as everything a zh-Hant reader sees.
    expect(rendered.notices[0]).toContain("吉民發〔2018〕12號");
  });

  it.each(LANGS)("renders every result of 200 generated screenings in %s with nothing left over", (lang) => {
    const t = createI18nSync(lang);
    const known = new Set<string>(REASON_CODES);
    for (const s of fc.sample(situationArb, { seed: 7, numRuns: 200 })) {
      const screening = screen(s, { policies, today: "2026-11-22" });
      for (const r of [...screening.results, { reasons: screening.notices }]) {
        for (const reason of r.reasons)
          expect(known, `unlisted reason code ${reason.code}`).toContain(reason.code);
      }
      const text = screeningText(t, renderScreening(t, screening, "helping"));
      expect(text).not.toMatch(LEFTOVER);
    }
  });

  it.each(LANGS)("renders the first questions in %s with every option labelled", (lang) => {
    const t = createI18nSync(lang);
    const step = next(start("2026-11-22"), { policies });
    if (step.done) throw new Error("no question");
    const q = renderQuestion(t, step.question);
    expect(q.options.map((o) => o.value)).toEqual([
      "wuxi",
      "jiangmen",
      "puning",
      "jilin",
      "neijiang-dongxing",
    ]);
    for (const o of q.options) expect(o.label).not.toMatch(LEFTOVER);
    expect(q.canSkip).toBe(false);
  });
});

describe("a re-ask says the question's own rule in its unit", () => {
  const zh = createI18nSync("zh-CN");
  const en = createI18nSync("en");
  const issue = (code: AnswerIssue["code"], values: AnswerIssue["values"]): AnswerIssue => ({ code, values });

  it("an age outside the roster's range is said in years, from and to", () => {
    const outside = issue("too_big", { minimum: 0, maximum: 130, unit: "years" });
    expect(renderIssue(zh, outside)).toBe("年龄写 0 到 130 之间的数（岁）。");
    expect(renderIssue(en, outside)).toBe("Write an age from 0 to 130 years.");
  });

  it("an amount out of range is said in yuan, the large number grouped", () => {
    const over = issue("too_big", { minimum: 0, maximum: 1_000_000, unit: "yuan" });
    expect(renderIssue(zh, over)).toBe("金额写 0 到 1,000,000 元之间的数，请再看一下。");
  });

  it("a household size is said in people, counting the person checked", () => {
    const many = issue("too_big", { minimum: 1, maximum: 10, unit: "people" });
    expect(renderIssue(zh, many)).toBe("人数写 1 到 10 之间的数（算上被测算的人）。");
  });

  it("a question without a unit keeps the plain re-ask", () => {
    expect(renderIssue(zh, issue("not_a_date", {}))).toBe(
      "请输入一个日期，例如 2020-07-28 或 2020年7月28日。",
    );
  });
});
