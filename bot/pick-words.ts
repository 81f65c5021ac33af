// A "who…?" answered in words: "妈妈和我", "my wife and me". Each word names one person by the relation
// the roster gave them; a word that fits two people ("孩子" with two children) is not guessed, and the
// answer falls through to the interview's own re-ask.

import type { RosterRelation } from "../core/interview/questions.ts";

const WORDS: [RegExp, RosterRelation | "self"][] = [
  [/^(我|自己|本人|me|myself|i)$/i, "self"],
  [/^(配偶|老伴|妻子|丈夫|老婆|老公|爱人|愛人|媳妇|媳婦|wife|husband|spouse)$/i, "spouse"],
  [
    /^(爸|妈|媽|爸爸|妈妈|媽媽|父亲|父親|母亲|母親|老爸|老妈|老媽|father|mother|dad|mum|mom|parent)$/i,
    "parent",
  ],
  [/^(孩子|儿子|兒子|女儿|女兒|小孩|娃|child|son|daughter|kid)$/i, "child_minor"],
  [/^(孙子|孫子|孙女|孫女|外孙|外孫|外孙女|外孫女|grandchild|grandson|granddaughter)$/i, "grandchild_minor"],
  [/^(哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|brother|sister)$/i, "sibling"],
];

/** Relations a word may name: a child is a child whether under 18 or not. */
function fits(word: RosterRelation | "self", relation: string | undefined): boolean {
  if (word === "child_minor") return relation === "child_minor" || relation === "child_adult";
  return word === relation;
}

/**
 * The member numbers ("1,3") the words name, or null when a word names no one or more than one.
 * `household`: each member's relation, the person the check is for first.
 */
export function pickByWords(
  text: string,
  options: readonly { value: string }[],
  household: readonly (string | undefined)[],
): string | null {
  const parts = text.split(/[\s,，、;；和与與及&]+|\band\b/i).filter((x) => x !== "");
  if (parts.length === 0) return null;
  const picked = new Set<string>();
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      picked.add(part);
      continue;
    }
    const word = WORDS.find(([re]) => re.test(part))?.[1];
    if (word === undefined) return null;
    const matches = options.filter((o) => fits(word, household[Number(o.value) - 1]));
    if (matches.length !== 1) return null;
    picked.add((matches[0] as { value: string }).value);
  }
  return [...picked].sort((a, b) => Number(a) - Number(b)).join(",");
}
