// Structural applicability: a question makes sense only where its parent answer opens it (a disability
// grade for a member with a certificate, the emergency's details once there is one). Answers that no
// longer apply after a change are dropped.

import { householdSize, SIX_MONTH_STATUSES } from "./build.ts";
import { answerOf, type InterviewState, keyOf, parseKey } from "./state.ts";

export function applicable(state: InterviewState, key: string): boolean {
  const { id, member } = parseKey(key);
  const v = (qid: string) => answerOf(state, qid);
  const mv = (qid: string) => answerOf(state, keyOf(qid, member));
  if (member !== null && member >= householdSize(state)) return false;
  if (id.startsWith("applicant.")) return v("helping") === "helping";
  if (id.startsWith("emergency.")) return v("emergency") === "yes";
  if (id === "currentBenefits.dibao.monthlyAmount") return v("currentBenefits.dibao") === "yes";
  // With more than one member, "does anyone…?" comes first; "no" answers it for everyone.
  if (id === "member.disability")
    return householdSize(state) === 1 || openGroup(state, "household.disability");
  if (id === "member.disability.category") {
    const certificate = mv("member.disability");
    return certificate !== undefined && certificate !== "none";
  }
  if (id === "member.illness") return householdSize(state) === 1 || openGroup(state, "household.illness");
  if (id.startsWith("member.illness.")) return openGroup(state, keyOf("member.illness", member));
  if (id === "member.income.pensionBasic" || id === "member.income.povertyDividend") {
    const total = mv("member.income");
    return typeof total === "number" && total > 0;
  }
  if (id === "member.parent1.since" || id === "member.parent2.since") {
    return SIX_MONTH_STATUSES.includes(String(mv(id.replace(".since", ""))));
  }
  if (id.startsWith("monthlyExpenses.")) return openGroup(state, "household.expenses");
  if (id === "household.disability" || id === "household.illness") return householdSize(state) > 1;
  return true;
}

/** "Does anyone…?" answered yes, or "I don't know": then each member is asked. */
function openGroup(state: InterviewState, key: string): boolean {
  const a = state.answers[key];
  return a !== undefined && ("unknown" in a || a.value === "yes");
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
