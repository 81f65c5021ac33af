// The i18next instance factory. No global singleton: every caller (bot, portal, CLI, tests) gets its own
// instance, fixed to one language, with every namespace loaded from the JSON beside this file.
//
// Key layout (see the JSON files):
// - common, programs, reasons: nested objects, looked up as "ns:a.b.c" (or { ns } and "a.b.c").
// - questions: one flat object whose keys contain dots and "::", e.g. "member.age::text_self",
//   "area::option::rural". Look them up with QUESTION_T_OPTIONS (keySeparator and nsSeparator off),
//   e.g. t(questionKey("member.age", "text_self"), QUESTION_T_OPTIONS).
// - reasons may nest labels chosen by a raw value ("$t(reasons:incomeKinds.{{kind}})"): pass a reason's
//   `values` as they are, plus `who` (member-level reasons) and `figureName` (figure reasons).

import i18next, { type InitOptions, type i18n, type TFunction } from "i18next";
import enCommon from "./en/common.json" with { type: "json" };
import enPrograms from "./en/programs.json" with { type: "json" };
import enQuestions from "./en/questions.json" with { type: "json" };
import enReasons from "./en/reasons.json" with { type: "json" };
import zhCNCommon from "./zh-CN/common.json" with { type: "json" };
import zhCNPrograms from "./zh-CN/programs.json" with { type: "json" };
import zhCNQuestions from "./zh-CN/questions.json" with { type: "json" };
import zhCNReasons from "./zh-CN/reasons.json" with { type: "json" };
import zhHantCommon from "./zh-Hant/common.json" with { type: "json" };
import zhHantPrograms from "./zh-Hant/programs.json" with { type: "json" };
import zhHantQuestions from "./zh-Hant/questions.json" with { type: "json" };
import zhHantReasons from "./zh-Hant/reasons.json" with { type: "json" };

export const LANGS = ["zh-CN", "zh-Hant", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh-CN";

export const NAMESPACES = ["common", "questions", "programs", "reasons"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A namespace's resources: nested objects of strings. */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}
export type Resources = Record<Lang, Record<Namespace, ResourceTree>>;

const RESOURCES: Resources = {
  "zh-CN": { common: zhCNCommon, questions: zhCNQuestions, programs: zhCNPrograms, reasons: zhCNReasons },
  "zh-Hant": {
    common: zhHantCommon,
    questions: zhHantQuestions,
    programs: zhHantPrograms,
    reasons: zhHantReasons,
  },
  en: { common: enCommon, questions: enQuestions, programs: enPrograms, reasons: enReasons },
};

/** Every language's resources, as loaded (for tests and tooling; do not mutate). */
export function resources(): Resources {
  return RESOURCES;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/**
 * The supported language closest to a BCP 47 tag (Telegram's `language_code`, Accept-Language):
 * zh-TW / zh-HK / zh-MO / zh-Hant-* → zh-Hant, other zh → zh-CN, en-* → en; anything else → zh-CN.
 */
export function pickLang(tag: string | null | undefined): Lang {
  const t = (tag ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (t.startsWith("zh")) return /^zh-(hant|tw|hk|mo)\b/.test(t) ? "zh-Hant" : "zh-CN";
  if (t === "en" || t.startsWith("en-")) return "en";
  return DEFAULT_LANG;
}

/** Options for looking up a questions key (the keys hold "." and "::", so no separators). */
export const QUESTION_T_OPTIONS = { ns: "questions", keySeparator: false, nsSeparator: false } as const;

export type QuestionPart = "text" | "text_self" | "text_helping" | "text_member" | "help";

/** "member.age" + "text_self" → "member.age::text_self"; options: questionOptionKey. */
export function questionKey(id: string, part: QuestionPart): string {
  return `${id}::${part}`;
}

/** "area" + "rural" → "area::option::rural". */
export function questionOptionKey(id: string, option: string): string {
  return `${id}::option::${option}`;
}

function options(lang: Lang): InitOptions {
  return {
    lng: lang,
    supportedLngs: [...LANGS],
    fallbackLng: DEFAULT_LANG,
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources: RESOURCES,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  };
}

/** A fresh i18next instance for one language, ready to use on return (resources are inline). */
export function createI18nInstance(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.init(options(lang));
  return instance;
}

/** t for one language: `const t = createI18nSync("en"); t("common:yes")`. */
export function createI18nSync(lang: Lang): TFunction {
  return createI18nInstance(lang).getFixedT(lang);
}

/** t for one language, once the instance has finished initialising. */
export async function createI18n(lang: Lang): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init(options(lang));
  return instance.getFixedT(lang);
}

// Option keys that only choose which words to use (never personal values): calls with no other
// options can be remembered. i18next's own lookup costs microseconds per call, which adds up on a page
// of fifty rows.
// ("who" is itself words from these files — "you", "household member 2" — never a name.)
const CHOOSING_OPTIONS = new Set(["ns", "keySeparator", "nsSeparator", "defaultValue", "count", "who"]);
const MEMO_LIMIT = 20_000;

/** The same words as `t`, remembered for calls whose options hold nothing but word choices. */
export function memoizeT(t: TFunction): TFunction {
  const memo = new Map<string, string>();
  const remembered = (key: unknown, options?: unknown): unknown => {
    const opts = options as Record<string, unknown> | undefined;
    const cacheable =
      typeof key === "string" &&
      (opts === undefined || Object.keys(opts).every((k) => CHOOSING_OPTIONS.has(k)));
    if (!cacheable) return (t as (k: unknown, o?: unknown) => unknown)(key, options);
    const id = opts === undefined ? key : `${key}\u0000${JSON.stringify(opts)}`;
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const value = (t as (k: unknown, o?: unknown) => unknown)(key, options);
    if (typeof value === "string") {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(id, value);
    }
    return value;
  };
  return remembered as unknown as TFunction;
}
