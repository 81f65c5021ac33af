// Structural applicability: a question makes sense only where its parent answer opens it (a disability
// grade for a member with a certificate, the emergency's details once there is one). Answers that no
// longer apply after a change are dropped.

import {
  chosen,
  householdSize,
  incomeByRest,
  parentsAway,
  partByRest,
  picked,
  SIX_MONTH_STATUSES,
} from "./build.ts";
import { answerOf, type InterviewState, keyOf, parseKey } from "./state.ts";

export function applicable(state: InterviewState, key: string): boolean {
  const { id, member } = parseKey(key);
  const v = (qid: string) => answerOf(state, qid);
  const mv = (qid: string) => answerOf(state, keyOf(qid, member));
  const several = householdSize(state) > 1;
  if (member !== null && member >= householdSize(state)) return false;
  if (id.startsWith("emergency.")) return v("emergency") === "yes";
  // Asked alone only where the one hukou choice left them open.
  if (id === "localHukou") return v("hukou") === undefined;
  if (id === "area") return v("hukou") !== "local_urban" && v("hukou") !== "local_rural";
  if (
    id === "currentBenefits.dibao" ||
    id === "currentBenefits.tekun" ||
    id === "currentBenefits.orphanAllowance"
  )
    return v("currentBenefits") === undefined;
  if (id === "currentBenefits.dibao.monthlyAmount")
    return v("currentBenefits.dibao") === "yes" || (chosen(state, "currentBenefits") ?? []).includes("dibao");
  // With several members, "who…?" comes first; a member is asked on their own only after "I don't know".
  if (
    id === "household.disability" ||
    id === "household.illness" ||
    id === "householdIncome" ||
    id.startsWith("household.age") ||
    id.startsWith("who.")
  )
    return several;
  if (id === "householdIncome.pensionBasic" || id === "householdIncome.povertyDividend") {
    const total = v("householdIncome");
    return several && typeof total === "number" && total > 0;
  }
  if (id === "member.disability") return !several || unknownGroup(state, "household.disability");
  if (id === "member.disability.grade")
    return several && (picked(state, "household.disability")?.includes(member ?? -1) ?? false);
  if (id === "member.disability.category") {
    const certificate = mv("member.disability");
    if (certificate !== undefined) return certificate !== "none";
    return picked(state, "household.disability")?.includes(member ?? -1) ?? false;
  }
  if (id === "member.illness") return !several || unknownGroup(state, "household.illness");
  if (id.startsWith("member.illness.")) {
    if (isAnsweredAt(state, keyOf("member.illness", member)))
      return openAnswer(state, keyOf("member.illness", member));
    return picked(state, "household.illness")?.includes(member ?? -1) ?? false;
  }
  if (id === "member.income.pensionBasic" || id === "member.income.povertyDividend") {
    const total = mv("member.income");
    // A member whose income is the household's rest: their part is asked where the household's was not.
    if (member !== null && incomeByRest(state) === member)
      return partByRest(state, id.slice("member.income.".length) as "pensionBasic") === null;
    return typeof total === "number" && total > 0;
  }
  // A child not picked in "who has no father or mother caring for them?" has a parent present.
  if (id.startsWith("member.parent") && member !== null && parentsAway(state, member) === false) return false;
  if (id === "member.parent1.since" || id === "member.parent2.since") {
    return SIX_MONTH_STATUSES.includes(String(mv(id.replace(".since", ""))));
  }
  if (id.startsWith("monthlyExpenses.")) return openAnswer(state, "household.expenses");
  return true;
}

function isAnsweredAt(state: InterviewState, key: string): boolean {
  return state.answers[key] !== undefined;
}

/** Answered "yes" or "I don't know": then the details are asked. */
function openAnswer(state: InterviewState, key: string): boolean {
  const a = state.answers[key];
  return a !== undefined && ("unknown" in a || a.value === "yes");
}

/** A "who…?" answered "I don't know": then each member is asked on their own. */
function unknownGroup(state: InterviewState, key: string): boolean {
  const a = state.answers[key];
  return a !== undefined && "unknown" in a;
}

/** Drop answers that no longer apply, repeating until nothing changes (one drop can close another). */
export function prune(state: InterviewState): InterviewState {
  let current = state;
  for (;;) {
    const stale = current.order.filter((k) => !applicable(current, k));
    if (stale.length === 0) return current;
    const answers = { ...current.answers };
    for (const k of stale) delete answers[k];
    current = { ...current, answers, order: current.order.filter((k) => !stale.includes(k)) };
  }
}
