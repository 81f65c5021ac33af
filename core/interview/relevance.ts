// Which questions could still change the answer: the rules' own `missing` paths, mapped to the questions
// that fill them. Nothing here is a hand-written chain; a question no result hinges on is never asked.

import { householdSize, parentSlots } from "./build.ts";
import { type InterviewState, keyOf } from "./state.ts";

const MEMBER_FIELD: Record<string, string> = {
  age: "member.ageBand",
  birthDate: "member.ageBand",
  income: "member.income",
  "disability.grade": "member.disability",
  "disability.category": "member.disability.category",
  "illness.disease": "member.illness.disease",
  "illness.medicalAid": "member.illness.medicalAid",
  workCapacity: "member.workCapacity",
  employed: "member.employed",
  selfCare: "member.selfCare",
  dependsOnFamily: "member.dependsOnFamily",
  canLiveAlone: "member.canLiveAlone",
  supportersAble: "member.supportersAble",
  supportOwedMonthly: "member.supportOwedMonthly",
};

const HOUSEHOLD_FIELD = new Set([
  "householdIncome",
  "householdIncome.pensionBasic",
  "householdIncome.povertyDividend",
  "emergency",
  "emergency.category",
  "emergency.basicLivingAtRisk",
  "emergency.inJurisdiction",
  "emergency.outOfPocket",
  "localHukou",
  "area",
  "county",
  "assets",
  "registeredPoor",
  "povertyExitedOn",
  "incomeAboveStandardSince",
  "currentBenefits.dibao",
  "currentBenefits.dibao.monthlyAmount",
  "currentBenefits.tekun",
  "currentBenefits.orphanAllowance",
  "monthlyExpenses.medical",
  "monthlyExpenses.care",
  "monthlyExpenses.rehabilitation",
  "monthlyExpenses.employment",
]);

/** The question keys that fill a missing path (in the state's current shape). */
const BENEFITS = new Set([
  "currentBenefits.dibao",
  "currentBenefits.tekun",
  "currentBenefits.orphanAllowance",
]);

export function keysFor(state: InterviewState, path: string): string[] {
  // The hukou's place and kind in one choice first; each alone only where that left it open.
  if ((path === "localHukou" || path === "area") && state.answers.hukou === undefined) return ["hukou"];
  if (BENEFITS.has(path) && state.answers.currentBenefits === undefined) return ["currentBenefits"];
  if (path.startsWith("monthlyExpenses.") && state.answers["household.expenses"] === undefined)
    return ["household.expenses"];
  if (HOUSEHOLD_FIELD.has(path)) return [path];
  const m = /^members\[(\d+)\]\.(.+)$/.exec(path);
  if (!m) return [];
  const i = Number(m[1]);
  const field = m[2] as string;
  const several = householdSize(state) > 1;
  if (field === "age" || field === "birthDate") return [keyOf("member.ageBand", i)];
  // The household's total first; a member's own income only where a rule still needs it after that.
  if (field === "income" && several && state.answers.householdIncome === undefined)
    return ["householdIncome"];
  if (field === "disability" || field === "illness" || field === "illness.serious") {
    const group = field === "disability" ? "disability" : "illness";
    // "Who…?" for the household first; after "I don't know" there, each member.
    if (several && state.answers[`household.${group}`] === undefined) return [`household.${group}`];
    return [keyOf(`member.${group}`, i)];
  }
  if (field === "disability.grade" && several && state.answers["household.disability"] !== undefined) {
    const a = state.answers["household.disability"];
    return ["value" in a ? keyOf("member.disability.grade", i) : keyOf("member.disability", i)];
  }
  if (field === "parents") return [keyOf("member.parent1", i), keyOf("member.parent2", i)];
  const parent = /^parents\[(\d)\](\.since)?$/.exec(field);
  if (parent) {
    const j = Number(parent[1]);
    const slots = parentSlots(state, i);
    // An index beyond the answered parents is one not yet given.
    const id =
      slots[j] ?? (["member.parent1", "member.parent2"].find((p) => !slots.includes(p as never)) as string);
    return [keyOf(parent[2] ? `${id}.since` : id, i)];
  }
  const id = MEMBER_FIELD[field];
  return id ? [keyOf(id, i)] : [];
}

/** The question that asks for a missing path, without a state (for "what is still unknown"). */
export function questionForPath(path: string): { id: string; member: number | null } | null {
  if (path === "householdIncome.monthly") return { id: "householdIncome", member: null };
  if (HOUSEHOLD_FIELD.has(path)) return { id: path, member: null };
  const m = /^members\[(\d+)\]\.(.+)$/.exec(path);
  if (!m) return null;
  const member = Number(m[1]);
  const field = (m[2] as string)
    .replace(/\.since$/, "")
    .replace(/^parents\[(\d)\]$/, (_, j) => `parent${Number(j) + 1}`);
  if (field === "disability" || field === "illness") return { id: `member.${field}`, member };
  if (field === "ageBand") return { id: "member.ageBand", member };
  if (field === "illness.serious") return { id: "member.illness", member };
  if (field === "parents") return { id: "member.parent1", member };
  if (/^parent\d$/.test(field))
    return { id: `member.${field}${path.endsWith(".since") ? ".since" : ""}`, member };
  const id = MEMBER_FIELD[field];
  return id ? { id, member } : null;
}
