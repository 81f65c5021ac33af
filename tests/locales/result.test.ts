// What a resident reads, on the five examples and a family of four, in every language: the answer first
// and short (the chat's summary ≤ 600 characters, everything before a button is pressed ≤ 2,500), yuan
// to the yuan, "does not apply" only where it is certain, English that starts its sentences with a
// capital and holds no Chinese but document and program names, zh-Hant in traditional characters
// throughout (citations too), and full-width brackets in Chinese.

import { readFileSync } from "node:fs";
import { Converter } from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { createPolicies } from "../../core/policies/index.ts";
import { PROGRAMS } from "../../core/schema/enums.ts";
import type { Screening } from "../../core/schema/screening.ts";
import { type Situation, situationSchema } from "../../core/schema/situation.ts";
import { screen } from "../../core/screen.ts";
import { createI18nSync, LANGS, type Lang } from "../../locales/i18n.ts";
import { bringText, chatResult, closedText, residentResult, whyText } from "../../locales/result.ts";
import { familyOfFour } from "../bot/situations.ts";

const policies = createPolicies();
const EXAMPLES = ["neijiang-dongxing", "wuxi", "jiangmen", "puning", "jilin"] as const;

function situationOf(id: string): Situation {
  if (id === "family-of-four") return familyOfFour;
  return situationSchema.parse(
    JSON.parse(readFileSync(new URL(`../fixtures/${id}.json`, import.meta.url), "utf8")),
  );
}

function read(lang: Lang, id: string) {
  const t = createI18nSync(lang);
  const s = situationOf(id);
  const screening: Screening = screen(s, { policies, today: "2026-11-27" });
  const view = residentResult(t, screening, { relations: s.members.map((m) => m.relation) });
  const chat = chatResult(t, view);
  const first = [chat.summary, chat.details ?? "", chat.closing].join("\n");
  const everything = [first, whyText(t, view), bringText(t, view), closedText(t, view)].join("\n");
  return { t, screening, view, chat, first, everything };
}

const CASES = [...EXAMPLES, "family-of-four"];

describe.each(LANGS)("%s: the answer first, and short", (lang) => {
  it.each(CASES)("%s: summary ≤ 600 characters, the chat before any button ≤ 2,500", (id) => {
    const { chat, first } = read(lang, id);
    expect(chat.summary.length).toBeLessThanOrEqual(600);
    expect(first.length).toBeLessThanOrEqual(2500);
  });
});

describe("what the summary says", () => {
  it("东兴区: 低保 likely, about 480 a month, first; the 12-year-old's 特困 is an alternative to it", () => {
    const { view, t } = read("zh-CN", "neijiang-dongxing");
    // 360 × 3 − 600 = 480 (东兴区工作机制 三(一))
    expect(view.summary[0]).toBe(t("common:result.likely", { list: "低保（约 480 元/月）" }));
    expect(view.summary.some((l) => l.includes("低保和特困供养只能领一项"))).toBe(true);
  });

  it("a household that gets nothing says so in one line, and every program that cannot apply in one more", () => {
    const t = createI18nSync("zh-CN");
    const wellOff = screen(
      {
        ...situationOf("wuxi"),
        members: [
          {
            relation: "self",
            age: 35,
            income: [{ kind: "wage", monthly: 20000 }],
            disability: null,
            illness: null,
          },
        ],
      },
      { policies, today: "2021-03-01" },
    );
    const view = residentResult(t, wellOff);
    expect(view.summary[0]).toBe(t("common:result.none"));
    expect(view.open).toEqual([]);
    expect(view.closedLine?.startsWith("这些不适用：")).toBe(true);
  });

  it("a certain 'unlikely' reads 'does not apply', never 'probably does not'", () => {
    const { view, t, screening } = read("en", "jiangmen");
    const certain = screening.results.filter((r) => r.outcome === "unlikely" && r.certain);
    expect(certain.length).toBeGreaterThan(0);
    for (const v of view.closed) {
      const r = screening.results.find((x) => x.program === v.program && x.member === v.member);
      expect(v.outcomeText).toBe(
        t(r?.certain ? "common:outcomes.unlikelyCertain" : "common:outcomes.unlikely"),
      );
    }
  });

  it("an emergency that puts basic living at risk comes first: call 12345 now; 110 / 119 / 120 for danger", () => {
    const t = createI18nSync("zh-CN");
    const view = residentResult(t, read("zh-CN", "puning").screening, { urgent: true });
    const chat = chatResult(t, view);
    expect(chat.summary.startsWith(t("common:result.urgent"))).toBe(true);
    expect(chat.summary).toMatch(/12345[\s\S]*110[\s\S]*119[\s\S]*120/);
  });

  it("money as people say it: whole yuan, grouped — '1,420', never '333.33'", () => {
    for (const id of CASES) {
      const { everything } = read("zh-CN", id);
      expect(everything, id).not.toMatch(/\d+\.\d{1,2} ?(元|yuan)/);
    }
    expect(read("zh-CN", "wuxi").view.summary[0]).toContain("约 1,420 元/月"); // 1010 × 2 − 600
  });
});

describe("every language reads as itself", () => {
  const CJK = /[\u3400-\u9fff]+/g;

  it.each(CASES)(
    "English (%s): sentences start with a capital; no Chinese but program and document names",
    (id) => {
      const { everything, screening, t } = read("en", id);
      for (const line of everything.split("\n")) {
        const start = line.replace(/^[\s·■-]+/, "");
        expect(start, line).not.toMatch(/^[a-z]/);
      }
      const allowed = [
        ...PROGRAMS.flatMap((p) => [t(`programs:${p}.name`), t(`programs:${p}.label`)]),
        ...[...screening.results.flatMap((r) => r.reasons), ...screening.notices].map((r) => r.source),
      ].join("\n");
      const stray = (everything.match(CJK) ?? []).filter((run) => !allowed.includes(run));
      expect(stray).toEqual([]);
    },
  );

  it.each(CASES)("zh-Hant (%s): no simplified-only character anywhere, citations included", (id) => {
    const { everything } = read("zh-Hant", id);
    const [toT, toTw, toHk] = (["t", "tw", "hk"] as const).map((to) => Converter({ from: "cn", to }));
    // A character every traditional table would change is simplified-only.
    const simplified = [...new Set(everything)].filter(
      (c) => /[\u3400-\u9fff]/.test(c) && toT?.(c) !== c && toTw?.(c) !== c && toHk?.(c) !== c,
    );
    expect(simplified).toEqual([]);
    // One form where the tables differ: 戶, as the zh-Hant files write it.
    expect(everything).not.toContain("户");
  });

  it.each(["zh-CN", "zh-Hant"] as const)("%s: full-width brackets throughout", (lang) => {
    for (const id of CASES) expect(read(lang, id).everything, id).not.toMatch(/[()]/);
  });
});
