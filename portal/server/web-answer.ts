// A form's fields as the interview's one answer: checkboxes of a "who…?" list become "1,3" (or "none"),
// and the roster's number boxes ("how many children under 18?") become the relations in order. The
// interview then checks the value as it checks any channel's.

import { type QuestionKind, ROSTER_RELATIONS } from "../../core/interview/questions.ts";
import { rosterValue } from "../../core/interview/roster.ts";

export type FormFields = Record<string, string | (string | File)[]>;

type WebAnswer = { ok: true; value: string | undefined } | { ok: false; message: string };

const strings = (v: FormFields[string] | undefined): string[] =>
  v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");

/** The most people of one relation the roster's boxes take. */
const MOST_OF_ONE = 9;

export function webAnswer(kind: QuestionKind, f: FormFields): WebAnswer {
  if (f.unknown !== undefined) return { ok: true, value: undefined };
  if (kind === "members" || kind === "multi") {
    const picked = strings(f.value);
    // A typed list ("1,3") from a client without checkboxes is the interview's to read.
    if (picked.length === 0) return { ok: false, message: "common:pick.nothing" };
    if (picked.includes("none") && picked.length > 1)
      return { ok: false, message: "common:pick.noneAndSome" };
    return { ok: true, value: picked.join(",") };
  }
  if (kind === "roster") {
    const others: (typeof ROSTER_RELATIONS)[number][] = [];
    for (const relation of ROSTER_RELATIONS) {
      const raw = (strings(f[`count.${relation}`])[0] ?? "").trim();
      if (raw === "") continue;
      if (!/^\d{1,2}$/.test(raw) || Number(raw) > MOST_OF_ONE)
        return { ok: false, message: "common:roster.badCount" };
      for (let i = 0; i < Number(raw); i++) others.push(relation);
    }
    // No boxes at all (a typed number of people) is the interview's to read.
    if (others.length === 0 && strings(f.value).length > 0) return { ok: true, value: strings(f.value)[0] };
    return { ok: true, value: rosterValue(others) };
  }
  return { ok: true, value: strings(f.value)[0] };
}
