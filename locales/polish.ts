// The last touch on words a person reads, by language: traditional characters throughout in zh-Hant
// (citations and document names are stored as the documents print them, in simplified: converted here
// with OpenCC's Hong Kong table, as the zh-Hant files are written), full-width brackets in Chinese, and
// a capital at the start of an English sentence ("you …" → "You …").

import type { TFunction } from "i18next";
import { Converter } from "opencc-js/cn2t";

/**
 * OpenCC's table, built on first use: building it takes about 0.2 s and 44 MB of heap, which every
 * command importing this file (主动发现's main thread among them) would otherwise pay at start and carry
 * through every collection, whether or not it ever writes zh-Hant.
 */
let converter: ((text: string) => string) | null = null;
function toHant(text: string): string {
  const convert = converter ?? Converter({ from: "cn", to: "hk" });
  converter = convert;
  return convert(text);
}

export type TextLang = "zh-CN" | "zh-Hant" | "en";

/** The language a `t` speaks (each locale's common.json names its own). */
export function langOf(t: TFunction): TextLang {
  const lang = t("common:lang");
  return lang === "zh-Hant" || lang === "en" ? lang : "zh-CN";
}

/** Chinese text with full-width brackets; zh-Hant in traditional characters throughout. */
function chinese(text: string, lang: "zh-CN" | "zh-Hant"): string {
  const wide = text.replace(/\(/g, "（").replace(/\)/g, "）");
  // The Hong Kong table leaves traditional text as it is, but writes 户 (as Hong Kong does) where the
  // zh-Hant files write 戶: one form throughout.
  return lang === "zh-Hant" ? toHant(wide).replace(/户/g, "戶") : wide;
}

/** An English sentence starts with a capital, whatever word a placeholder put first. */
function english(text: string): string {
  return text.replace(
    /^(\s*[·■-]?\s*)([a-z])/,
    (_, lead: string, first: string) => lead + first.toUpperCase(),
  );
}

export function polish(t: TFunction, text: string): string {
  const lang = langOf(t);
  return lang === "en" ? english(text) : chinese(text, lang);
}

/** Yuan as people say them: whole yuan, thousands grouped ("1,080"; "333.33" a head → "333"). */
export function yuan(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
