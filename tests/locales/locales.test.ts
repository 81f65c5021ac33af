// Every language says everything, and every string renders cleanly with the values it will be given.

import { describe, expect, it } from "vitest";
import { QUESTIONS } from "../../core/interview/questions.ts";
import { FIGURE_NAMES, REASON_CODES } from "../../core/reasons.ts";
import { BASES, EXPENSE_KINDS, INCOME_KINDS, OUTCOMES, PROGRAMS } from "../../core/schema/enums.ts";
import {
  createI18n,
  createI18nSync,
  LANGS,
  type Lang,
  NAMESPACES,
  pickLang,
  QUESTION_T_OPTIONS,
  questionKey,
  questionOptionKey,
  type ResourceTree,
  resources,
} from "../../locales/i18n.ts";

const R = resources();
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Vocabulary that merely ends like a plural suffix ("pension_other"). */
const NOT_PLURAL = new Set(INCOME_KINDS.filter((k) => PLURAL.test(k)).map((k) => `incomeKinds.${k}`));
const isPlural = (key: string) => PLURAL.test(key) && !NOT_PLURAL.has(key);
const stripPlural = (key: string) => (isPlural(key) ? key.replace(PLURAL, "") : key);

/** Flattened "a.b.c" → string; the questions namespace is flat already (its keys hold dots). */
function flatten(tree: ResourceTree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [kk, vv] of flatten(v as ResourceTree, key)) out.set(kk, vv);
    } else out.set(key, v);
  }
  return out;
}

function flat(lang: Lang, ns: (typeof NAMESPACES)[number]): Map<string, unknown> {
  return flatten(R[lang][ns]);
}

function get(lang: Lang, ns: (typeof NAMESPACES)[number], key: string): unknown {
  return ns === "questions" ? R[lang][ns][key] : flat(lang, ns).get(key);
}

/** Keys with their plural suffix removed: zh needs only `_other` where en has `_one` and `_other`. */
function baseKeys(lang: Lang, ns: (typeof NAMESPACES)[number]): Set<string> {
  return new Set([...flat(lang, ns).keys()].map(stripPlural));
}

const MEMBER_PARTS = ["text", "text_self", "text_helping", "text_member"] as const;
const HOUSEHOLD_PARTS = ["text", "text_self", "text_helping"] as const;
const COUNTY_OPTIONS = ["taishan", "kaiping", "enping", "other"];
const REASK_CODES = [
  "not_a_number",
  "not_a_date",
  "not_an_option",
  "not_a_phone",
  "too_small",
  "too_big",
  "date_after_as_of",
  "date_format",
  "date_not_real",
  "required",
  "empty",
  "not_whole",
  "part_exceeds_total",
  "not_applicable",
  "invalid",
];
const COMMON_KEYS = [
  "yes",
  "no",
  "dontKnow",
  "back",
  "changeAnswers",
  "restart",
  "skip",
  ...OUTCOMES.map((o) => `outcomes.${o}`),
  "amount.monthly",
  "amount.atLeast",
  "amount.range",
  "amount.oneOff",
  "amount.oneOffAtLeast",
  "amount.until",
  "amount.notPublished",
  "estimateDisclaimer",
  "who.self",
  "who.helping",
  "who.member",
  "progress.left_other",
  "missingIntro",
  "nextSteps.apply",
  "nextSteps.hotline",
  "nextSteps.bring",
  "clause",
  ...BASES.map((b) => `basis.${b}`),
  ...REASK_CODES.map((c) => `reask.${c}`),
];
const SUPPLEMENT_CATEGORIES = [
  "elderly",
  "minor",
  "severe_disability",
  "serious_illness",
  "elderly_disabled",
  "multiple_disabled_household",
  "multiple_disability",
];

// What the rules put in each reason's `values` (core/programs, core/rules), one or more samples, plus what
// the renderer adds: `who` for member-level reasons, `figureName` for figure_not_published / _depends_on_place.
type Values = Record<string, unknown>;
const figure = (extra: Values = {}): Values[] => [
  { amount: 480, kind: "exact", ...extra },
  { amount: 1200, kind: "floor", floor: 1000, floorSource: "文件", ...extra },
];
const income = { perCapitaIncome: 310.5, standard: 620, members: 3, amount: 620, kind: "exact" };
const single = (code: string): Values[] =>
  ["household_per_capita", "own_plus_support", "unstated"].map((test) => ({
    code,
    member: 1,
    multiple: 1.5,
    income: 800,
    test,
    amount: 620,
    kind: "exact",
  }));
const tekunAge = { member: 0, minAge: 60, underAge: 16, keepToAge: 18 };
const transition = ["current", "tapering", "not_stated"].map((amountRule) => ({
  start: "2020-06-01",
  until: "2020-12-31",
  months: 6,
  amountRule,
  yearsSince: 1,
  taperPerYear: 0.25,
}));
const SAMPLES: Record<(typeof REASON_CODES)[number], Values[]> = {
  income_below_standard: [income],
  income_above_standard: [income],
  income_below_only_after_deductions: [income],
  income_test_open: [{ ...income, perCapitaIncome: null }],
  income_above_floor: [{ ...income, floor: 480, parameters: ["param:dibao.standard.rural"] }],
  income_above_standard_declared: [{ ...income, since: "2020-05-01" }],
  income_below_despite_declaration: [{ ...income, since: "2020-05-01" }],
  income_excluded: INCOME_KINDS.map((kind) => ({ member: 0, kind, amount: 150 })),
  household_income_excluded: [
    { kind: "pension_basic", amount: 150 },
    { kind: "poverty_dividend", amount: 80 },
  ],
  deduction_discretionary: EXPENSE_KINDS.map((kind) => ({ kind, amount: 300 })),
  no_local_hukou: [{}],
  hukou_unknown: [{}],
  residence_permit_discretionary: [{}],
  assets_over_limits: [{}],
  assets_unknown: [{}],
  excluded_by_current_benefit: [{ benefit: "tekun" }, { benefit: "orphanAllowance" }],
  income_after_medical_below_standard: [{ perCapitaIncome: 200, medical: 500, members: 2 }],
  income_after_medical_above_standard: [{ perCapitaIncome: 900, medical: 500, members: 2 }],
  income_after_medical_open: [{ perCapitaIncome: null, medical: null, members: 2 }],
  rule_area_only: [{ areas: ["rural"] }, { areas: null }],
  transition_period: transition,
  transition_discretionary: transition,
  transition_needs_current_dibao: [{}],
  transition_no_trigger: [{ trigger: "incomeAboveStandardSince" }, { trigger: "povertyExitedOn" }],
  transition_registered_poor_only: [{}],
  transition_trigger_too_late: [{ trigger: "2021-03-01", triggerBy: "2020-12-31" }],
  transition_income_below_standard: [{ perCapitaIncome: 300, standard: 620 }],
  transition_income_over_ceiling: [{ perCapitaIncome: 1500, multiple: 2, standard: 620 }],
  transition_income_open: [{ perCapitaIncome: null, multiple: 2, standard: 620 }],
  transition_ended: [{ until: "2020-12-31" }],
  supplement_category: [{ member: 0, categories: ["elderly", "serious_illness"] }],
  supplement_discretionary: [{ tiers: [120, 80, 40], ratioFloor: null }],
  single_qualifying_condition: [{ member: 1 }],
  single_not_severe: [{ member: 1 }],
  single_adults_only: [{ member: 1 }],
  single_unemployed_only: [{ member: 1 }],
  single_not_dependent: [{ member: 1 }],
  single_can_live_alone: [{ member: 1 }],
  single_family_on_dibao: [{}],
  single_hardship_not_defined: [{ member: 1 }],
  single_income_below_limit: single("single_income_below_limit"),
  single_income_above_limit: single("single_income_above_limit"),
  single_income_open: single("single_income_open"),
  single_discretionary: [{ member: 1 }],
  no_rule_in_force: PROGRAMS.map((program) => ({ program })),
  tekun_unable_to_work: [tekunAge],
  tekun_able_to_work: [tekunAge],
  tekun_no_income: [{ member: 0, income: 0, standard: 620 }],
  tekun_has_income: [{ member: 0, income: 1000, standard: 620 }],
  tekun_no_able_supporter: [{ member: 0 }],
  tekun_has_able_supporter: [{ member: 0 }],
  tekun_basic_living: figure(),
  tekun_ratio_to_standard: [
    { ratio: 1.3, standard: 620, kind: "exact" },
    { ratio: 1.6, standard: null, kind: "floor" },
  ],
  tekun_care_amount: [
    { member: 0, selfCare: "none", ratio: 0.6, minimumWage: 1620 },
    { member: 1, selfCare: null, ratio: 0.02, minimumWage: null },
  ],
  no_emergency: [{}],
  basic_living_at_risk: [
    { kind: "fire", category: "urgent" },
    { kind: null, category: null },
  ],
  basic_living_not_at_risk: [{}],
  aid_where_it_happened: [{}],
  aid_where_it_happened_not_met: [{}],
  aid_at_hukou_or_site: [{}],
  aid_at_hukou_or_site_not_met: [{}],
  aid_per_person_range: [{ min: 360, max: 1080, persons: 3 }],
  aid_special_hardship_cap: [{ cap: 3000, persons: 3, total: 9000 }],
  aid_case_by_case: [
    { outOfPocket: 20000, capTotal: 9000 },
    { outOfPocket: null, capTotal: 9000 },
  ],
  aid_case_by_case_available: [{}],
  aid_first_then_paperwork: [{}],
  child_too_old: [{ member: 2, underAge: 18 }],
  orphan_both_parents: [{ member: 2 }],
  orphan_parent_living: [{ member: 2 }],
  orphan_instead: [{ member: 2 }],
  unsupported_child_parents: [{ member: 2 }],
  unsupported_child_parents_not_met: [{ member: 2 }],
  orphan_level: figure(),
  unsupported_child_level: figure(),
  unsupported_child_top_up: [{ level: 900 }],
  has_disability_certificate: [{ member: 0 }],
  no_disability: [{ member: 0 }],
  household_on_dibao: [{}],
  household_not_on_dibao: [{}],
  disability_living_amount: figure(),
  care_subsidy_grade: [{ member: 0, grade: 1 }],
  care_subsidy_grade_not_met: [{ member: 0, grade: null }],
  disability_care_amount: figure({ grade: 2 }),
  standard: [
    { amount: 1010, kind: "exact" },
    { amount: 532, kind: "floor" },
  ],
  minimum_wage: [{ amount: 1620, kind: "exact" }],
  dibao_either_way: [{}],
  dibao_may_continue_after_transition: [{ until: "2022-04-14" }],
  alternative_preferred: [
    { member: 0, other: "tekun", preferred: "tekun" },
    { member: 0, other: "dibao", preferred: "tekun" },
    { member: 1, other: "dibao_single", preferred: "dibao" },
  ],
  alternative_office_decides: [
    { member: 0, other: "tekun", preferred: null },
    { member: 0, other: "dibao", preferred: null },
    { member: 1, other: "dibao_single", preferred: null },
  ],
  single_family_below_standard: [{ member: 0 }],
  single_one_person_household: [{ member: 0 }],
  figure_not_published: FIGURE_NAMES.map((name) => ({ figure: name })),
  figure_depends_on_place: FIGURE_NAMES.map((name) => ({ figure: name, min: 300, max: null })),
  figures_may_be_outdated: [{ confirmedOn: "2024-06-30", asOf: "2025-01-01" }],
};

/** What the renderer adds to a reason's values. */
function rendererValues(t: ReturnType<typeof createI18nSync>, values: Values): Values {
  const extra: Values = {};
  if (typeof values.member === "number") extra.who = t("common:who.member", { n: values.member + 1 });
  else extra.who = t("common:who.self");
  if (typeof values.figure === "string") extra.figureName = t(`reasons:figures.${values.figure}`);
  return extra;
}

/** Names of {{placeholders}} in a string ("{{ratio, number(style: percent)}}" → "ratio"). */
function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1] as string);
}

/** Plausible values for any placeholder outside the reasons (common, questions, programs). */
const GENERIC: Values = {
  amount: 1234,
  register: "wuxi-register.jsonl",
  min: 360,
  max: 1080,
  date: "2020-12-31",
  n: 2,
  hours: 5,
  days: 3,
  needed: 3,
  latest: "2027-11-30",
  age: 78,
  pension: "900 元",
  grade: "二级",
  category: "肢体残疾",
  channel: "网页",
  message: "没有这一天，请核对日期。",
  result: "无人接听",
  kind: "exported",
  made: 1,
  length: 2100,
  command: "/stat",
  version: 2,
  relationship: "子女",
  name: "王小明",
  count: 3,
  clause: "东兴区工作机制 三(一)",
  minimum: 0,
  example: 72,
  maximum: 130,
  total: 1500,
  who: "家里第2位成员",
  basis: "公布的标准",
  documents: "户口簿、身份证",
  title: "最低生活保障（低保）",
  outcome: "很可能符合",
  key: "incme",
  expected: "number",
  minutes: 15,
  question: "家里有几口人？",
  answer: "3",
  from: 60,
  to: 69,
  under: 16,
  list: "配偶、未满18岁的孩子",
  label: "您的配偶",
  a: "低保",
  b: "特困供养",
  preferred: "特困供养",
  details: "您的配偶，约 480 元/月",
  phone: "13812345678",
  place: "无锡市",
  reference: "WX-7KQ4-9M2P",
  due: "12月3日（周四）下班前",
  month: 12,
  day: 3,
  weekday: "周四",
  monthName: "December",
  time: "15:00",
  status: "已收到",
  url: "https://example.org/check/resume?token=abc",
};

function assertClean(rendered: string, where: string): void {
  expect(rendered, where).not.toMatch(/\{\{|\}\}|\$t\(/);
  expect(rendered, where).not.toMatch(/\bundefined\b|\bnull\b|NaN|\[object/);
  expect(rendered.trim(), where).not.toBe("");
}

describe("locales: every language has the same keys", () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: zh-CN, zh-Hant and en hold the same keys (plural suffixes aside)`, () => {
      const base = baseKeys("zh-CN", ns);
      for (const lang of LANGS) {
        const keys = baseKeys(lang, ns);
        expect(
          [...base].filter((k) => !keys.has(k)),
          `${lang}/${ns} lacks`,
        ).toEqual([]);
        expect(
          [...keys].filter((k) => !base.has(k)),
          `${lang}/${ns} has extra`,
        ).toEqual([]);
      }
    });
  }

  it("plural keys: every language has `_other`, and en has `_one` too", () => {
    for (const lang of LANGS) {
      for (const ns of NAMESPACES) {
        const keys = [...flat(lang, ns).keys()];
        for (const base of new Set(keys.filter(isPlural).map(stripPlural))) {
          expect(keys, `${lang}/${ns}:${base}`).toContain(`${base}_other`);
          if (lang === "en") expect(keys, `${lang}/${ns}:${base}`).toContain(`${base}_one`);
        }
      }
    }
  });

  it("no value is empty, and every value is a string", () => {
    for (const lang of LANGS) {
      for (const ns of NAMESPACES) {
        for (const [k, v] of flat(lang, ns)) {
          expect(typeof v, `${lang}/${ns}:${k}`).toBe("string");
          expect((v as string).trim(), `${lang}/${ns}:${k}`).not.toBe("");
        }
      }
    }
  });

  it("zh-Hant is written in Traditional characters", () => {
    const simplified =
      /[这们说时会没还个请钱费户医证书劳动残补贴岁险务办为对发给题问过从么该与现实经济边区县乡镇两]/;
    for (const ns of NAMESPACES) {
      for (const [k, v] of flat("zh-Hant", ns)) {
        expect(String(v), `zh-Hant/${ns}:${k}`).not.toMatch(simplified);
      }
    }
  });
});

describe("locales: reasons", () => {
  it("every reason code has a sentence in every language", () => {
    for (const lang of LANGS) {
      for (const code of REASON_CODES)
        expect(typeof R[lang].reasons[code], `${lang}: ${code}`).toBe("string");
    }
  });

  it("every figure name, income kind, benefit and supplement category has a label", () => {
    for (const lang of LANGS) {
      const f = flat(lang, "reasons");
      for (const name of FIGURE_NAMES)
        expect(f.has(`figures.${name}`), `${lang}: figures.${name}`).toBe(true);
      for (const kind of INCOME_KINDS) expect(f.has(`incomeKinds.${kind}`), `${lang}: ${kind}`).toBe(true);
      for (const b of ["tekun", "orphanAllowance"])
        expect(f.has(`benefits.${b}`), `${lang}: ${b}`).toBe(true);
      for (const c of SUPPLEMENT_CATEGORIES) expect(f.has(`categories.${c}`), `${lang}: ${c}`).toBe(true);
    }
  });

  it("a sentence uses only values its code always carries (plus who / figureName from the renderer)", () => {
    for (const lang of LANGS) {
      for (const code of REASON_CODES) {
        const s = R[lang].reasons[code] as string;
        const carried = new Set(Object.keys(SAMPLES[code][0] ?? {}));
        const allowed = new Set([...carried, "who", "figureName"]);
        // A value is "always carried" only if every sample carries it.
        for (const sample of SAMPLES[code]) for (const k of carried) if (!(k in sample)) allowed.delete(k);
        for (const name of placeholders(s))
          expect(allowed.has(name), `${lang}: ${code} uses {{${name}}}`).toBe(true);
        if (placeholders(s).includes("who"))
          expect(carried.has("member"), `${lang}: ${code} uses {{who}} but has no member`).toBe(true);
      }
    }
  });

  it("every sentence renders completely with the values its code carries", () => {
    for (const lang of LANGS) {
      const t = createI18nSync(lang);
      for (const code of REASON_CODES) {
        for (const values of SAMPLES[code]) {
          const rendered = t(`reasons:${code}`, { ...values, ...rendererValues(t, values) });
          assertClean(rendered, `${lang}: ${code} ${JSON.stringify(values)} → ${rendered}`);
          // Nested labels resolved (a missing key would come back as its own path).
          expect(rendered, `${lang}: ${code}`).not.toMatch(
            /[a-z]+(Kinds|Tests|Triggers|Amounts|PerMonth|OfStandard)\./i,
          );
          expect(rendered, `${lang}: ${code}`).not.toMatch(
            /\b(amountPerMonth|ratioOfStandard|benefits|programs)[.:]/,
          );
        }
      }
    }
  });

  it("a published figure cited under its own name (code = figure name) has a sentence too", () => {
    for (const lang of LANGS) {
      const t = createI18nSync(lang);
      for (const name of FIGURE_NAMES) {
        expect(typeof R[lang].reasons[name], `${lang}: ${name}`).toBe("string");
        for (const values of figure({ member: 0 })) {
          const s = R[lang].reasons[name] as string;
          for (const p of placeholders(s))
            expect([...Object.keys(values), "who"], `${lang}: ${name}`).toContain(p);
          assertClean(t(`reasons:${name}`, { ...values, ...rendererValues(t, values) }), `${lang}: ${name}`);
        }
      }
    }
  });

  it("nested labels exist for every value the rules can give", () => {
    for (const lang of LANGS) {
      for (const code of REASON_CODES) {
        const s = R[lang].reasons[code] as string;
        for (const m of s.matchAll(/\$t\(([^,)]+)/g)) {
          for (const values of SAMPLES[code]) {
            const key = (m[1] as string).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
              String(values[name]),
            );
            const [ns, path] = key.split(":") as [(typeof NAMESPACES)[number], string];
            expect(typeof get(lang, ns, path), `${lang}: ${code} nests ${key}`).toBe("string");
          }
        }
      }
    }
  });
});

describe("locales: questions", () => {
  it("every question has its text variants and a label for every option", () => {
    for (const lang of LANGS) {
      const q = R[lang].questions;
      for (const def of QUESTIONS) {
        const parts = def.scope === "member" ? MEMBER_PARTS : HOUSEHOLD_PARTS;
        for (const part of parts) {
          expect(typeof q[questionKey(def.id, part)], `${lang}: ${def.id}::${part}`).toBe("string");
        }
        const options = def.id === "county" ? COUNTY_OPTIONS : (def.options ?? []);
        for (const o of options) {
          expect(typeof q[questionOptionKey(def.id, o)], `${lang}: ${def.id}::option::${o}`).toBe("string");
        }
        if (def.kind === "money")
          expect(typeof q[questionKey(def.id, "help")], `${lang}: ${def.id}::help`).toBe("string");
        if (def.kind === "dateOrNo")
          expect(typeof q[questionOptionKey(def.id, "no")], `${lang}: ${def.id}::option::no`).toBe("string");
      }
    }
  });

  it("holds no key for a question that does not exist", () => {
    const ids = new Set(QUESTIONS.map((q) => q.id));
    for (const lang of LANGS) {
      for (const key of Object.keys(R[lang].questions)) {
        expect(ids.has(key.split("::")[0] as string), `${lang}: ${key}`).toBe(true);
      }
    }
  });

  it("self and helping variants need no {{who}}; member ones read with it", () => {
    for (const lang of LANGS) {
      const t = createI18nSync(lang);
      for (const [key, v] of Object.entries(R[lang].questions)) {
        if (key.endsWith("::text_self") || key.endsWith("::text_helping"))
          expect(placeholders(v as string), `${lang}: ${key}`).toEqual([]);
        const rendered = t(key, { ...QUESTION_T_OPTIONS, who: t("common:who.member", { n: 2 }) });
        expect(rendered, `${lang}: ${key}`).toBe(
          (v as string).replace(/\{\{who\}\}/g, t("common:who.member", { n: 2 })),
        );
        assertClean(rendered, `${lang}: ${key}`);
      }
    }
  });
});

describe("locales: programs and common", () => {
  it("every program has a name, a one-line description and its documents", () => {
    for (const lang of LANGS) {
      const f = flat(lang, "programs");
      for (const p of PROGRAMS) {
        for (const k of [`${p}.name`, `${p}.short`, `documents.${p}`]) {
          expect(typeof f.get(k), `${lang}: ${k}`).toBe("string");
        }
      }
    }
  });

  it("common holds the words every channel needs", () => {
    for (const lang of LANGS) {
      const f = flat(lang, "common");
      for (const k of COMMON_KEYS) expect(typeof f.get(k), `${lang}: ${k}`).toBe("string");
    }
    expect(flat("en", "common").has("progress.left_one")).toBe(true);
  });

  it("every string renders with plausible values and leaves no placeholder behind", () => {
    for (const lang of LANGS) {
      const t = createI18nSync(lang);
      for (const ns of ["common", "programs"] as const) {
        for (const [key, v] of flat(lang, ns)) {
          const values: Values = {};
          for (const name of placeholders(v as string)) {
            expect(name in GENERIC, `${lang}/${ns}:${key} has {{${name}}} with no sample`).toBe(true);
            values[name] = GENERIC[name];
          }
          const lookup = stripPlural(key);
          const rendered = t(`${ns}:${lookup}`, values);
          assertClean(rendered, `${lang}/${ns}:${key} → ${rendered}`);
        }
      }
    }
  });

  it("plurals pick the right form", () => {
    const en = createI18nSync("en");
    expect(en("common:progress.left", { count: 1 })).toBe("About 1 question left");
    expect(en("common:progress.left", { count: 4 })).toBe("About 4 questions left");
    expect(createI18nSync("zh-CN")("common:progress.left", { count: 1 })).toBe("大约还有 1 个问题");
  });
});

describe("locales: the factory", () => {
  it("creates separate instances, each fixed to its language, with zh-CN as fallback", async () => {
    const zh = await createI18n("zh-CN");
    const hant = await createI18n("zh-Hant");
    const en = createI18nSync("en");
    expect(zh("common:dontKnow")).toBe("我不知道");
    expect(hant("common:outcomes.possible")).toBe("可能符合，還要核實");
    expect(en("common:yes")).toBe("Yes");
    expect(zh("common:yes")).toBe("是");
    expect(en(questionKey("county", "text"), QUESTION_T_OPTIONS)).toMatch(/county/);
    expect(en(questionOptionKey("county", "taishan"), QUESTION_T_OPTIONS)).toContain("台山市");
    expect(zh("programs:dibao.name")).toBe("最低生活保障（低保）");
  });

  it("maps language tags to the supported languages", () => {
    expect(pickLang("zh-hans")).toBe("zh-CN");
    expect(pickLang("zh")).toBe("zh-CN");
    expect(pickLang("zh-TW")).toBe("zh-Hant");
    expect(pickLang("zh-HK")).toBe("zh-Hant");
    expect(pickLang("zh-Hant-US")).toBe("zh-Hant");
    expect(pickLang("en-US")).toBe("en");
    expect(pickLang("fr")).toBe("zh-CN");
    expect(pickLang(undefined)).toBe("zh-CN");
  });
});
