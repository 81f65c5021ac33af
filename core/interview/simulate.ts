// The interview answered from a known situation, as a resident who knows those facts would ("I don't
// know" for what the situation omits). Its screening must equal screen() on the whole situation.

import { wholeYears } from "../dates.ts";
import type { Screening } from "../schema/screening.ts";
import type { Member, Situation } from "../schema/situation.ts";
import { answer, type RawAnswer } from "./answer.ts";
import { type AskedQuestion, type InterviewOptions, next } from "./next.ts";
import { start } from "./state.ts";

const UNKNOWN = { unknown: true } as const;

function yn(v: boolean | undefined): RawAnswer {
  return v === undefined ? UNKNOWN : v ? "yes" : "no";
}
function val(v: string | number | undefined): RawAnswer {
  return v === undefined ? UNKNOWN : v;
}
function present(v: object | null | undefined): RawAnswer {
  return v === undefined ? UNKNOWN : v === null ? "no" : "yes";
}

function anyone(members: Member[], field: "disability" | "illness"): RawAnswer {
  const has = (m: Member) => (field === "illness" ? m.illness?.serious === true : m.disability != null);
  if (members.some(has)) return "yes";
  const none = (m: Member) =>
    field === "illness" ? m.illness === null || m.illness?.serious === false : m.disability === null;
  return members.every(none) ? "no" : UNKNOWN;
}

function parent(m: Member, j: number): { status?: string; since?: string } {
  const p = m.parents?.[j];
  return p === undefined ? {} : typeof p === "string" ? { status: p } : p;
}

export function answerFrom(s: Situation, q: AskedQuestion, asOf: string): RawAnswer {
  const m = q.member === null ? undefined : s.members[q.member];
  const sum = (kind?: string) =>
    m?.income?.filter((x) => kind === undefined || x.kind === kind).reduce((t, x) => t + x.monthly, 0);
  switch (q.id) {
    case "jurisdiction":
      return s.jurisdiction;
    case "helping":
      return "self";
    case "householdSize":
      return s.members.length;
    case "emergency":
      return present(s.emergency);
    case "emergency.category":
      return val(s.emergency?.category);
    case "emergency.basicLivingAtRisk":
      return yn(s.emergency?.basicLivingAtRisk);
    case "emergency.inJurisdiction":
      return yn(s.emergency?.inJurisdiction);
    case "emergency.outOfPocket":
      return val(s.emergency?.outOfPocket);
    case "localHukou":
      return yn(s.localHukou);
    case "registeredPoor":
      return yn(s.registeredPoor);
    case "area":
      return val(s.area);
    case "assets":
      return val(s.assets);
    case "county":
      return s.county === undefined ? UNKNOWN : q.options?.includes(s.county) ? s.county : "other";
    case "currentBenefits.dibao":
      return present(s.currentBenefits?.dibao);
    case "currentBenefits.dibao.monthlyAmount":
      return val(s.currentBenefits?.dibao?.monthlyAmount);
    case "currentBenefits.tekun":
      return yn(s.currentBenefits?.tekun);
    case "currentBenefits.orphanAllowance":
      return yn(s.currentBenefits?.orphanAllowance);
    case "povertyExitedOn":
    case "incomeAboveStandardSince": {
      const d = s[q.id];
      return d === undefined ? UNKNOWN : d === null ? "no" : d;
    }
    case "household.disability":
      return anyone(s.members, "disability");
    case "household.illness":
      return anyone(s.members, "illness");
    case "household.expenses": {
      const e = s.monthlyExpenses;
      const all = [e?.medical, e?.care, e?.rehabilitation, e?.employment];
      if (all.some((x) => x !== undefined && x > 0)) return "yes";
      return all.every((x) => x === 0) ? "no" : UNKNOWN;
    }
    case "monthlyExpenses.medical":
    case "monthlyExpenses.care":
    case "monthlyExpenses.rehabilitation":
    case "monthlyExpenses.employment":
      return val(s.monthlyExpenses?.[q.id.slice("monthlyExpenses.".length) as "medical"]);
    case "member.age":
      return m?.age ?? (m?.birthDate ? wholeYears(m.birthDate, asOf) : UNKNOWN);
    case "member.income":
      return m?.income === undefined ? UNKNOWN : (sum() as number);
    case "member.income.pensionBasic":
      return m?.income === undefined ? UNKNOWN : (sum("pension_basic") as number);
    case "member.income.povertyDividend":
      return m?.income === undefined ? UNKNOWN : (sum("poverty_dividend") as number);
    case "member.disability":
      if (m?.disability === undefined) return UNKNOWN;
      if (m.disability === null) return "none";
      return m.disability.grade === undefined ? "yes" : String(m.disability.grade);
    case "member.disability.category":
      return val(m?.disability?.category);
    case "member.illness":
      return m?.illness === undefined ? UNKNOWN : m.illness === null ? "no" : yn(m.illness.serious);
    case "member.illness.disease":
      return val(m?.illness?.disease);
    case "member.illness.medicalAid":
      return yn(m?.illness?.medicalAid);
    case "member.workCapacity":
      return val(m?.workCapacity);
    case "member.employed":
      return yn(m?.employed);
    case "member.selfCare":
      return val(m?.selfCare);
    case "member.dependsOnFamily":
      return yn(m?.dependsOnFamily);
    case "member.canLiveAlone":
      return yn(m?.canLiveAlone);
    case "member.supportersAble":
      return yn(m?.supportersAble);
    case "member.supportOwedMonthly":
      return val(m?.supportOwedMonthly);
    case "member.parent1":
      return m ? val(parent(m, 0).status) : UNKNOWN;
    case "member.parent1.since":
      return m ? val(parent(m, 0).since) : UNKNOWN;
    case "member.parent2":
      return m ? val(parent(m, 1).status) : UNKNOWN;
    case "member.parent2.since":
      return m ? val(parent(m, 1).since) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

export interface Simulation {
  asked: string[];
  screening: Screening | null;
}

/** Runs the interview against a known situation. `today` is the date used when it gives no asOf. */
export function simulate(s: Situation, options: InterviewOptions & { today: string }): Simulation {
  const asOf = s.asOf ?? options.today;
  let state = start(asOf);
  const asked: string[] = [];
  for (let step = 0; step < 500; step++) {
    const n = next(state, options);
    if (n.done) return { asked, screening: n.screening };
    asked.push(n.question.key);
    const given = answerFrom(s, n.question, asOf);
    const r = answer(state, n.question.key, given, options);
    // An answer the interview refuses (never for a schema-valid situation) is taken as "I don't know".
    state = r.ok
      ? r.state
      : (answer(state, n.question.key, UNKNOWN, options) as { ok: true; state: typeof state }).state;
  }
  throw new Error("the interview did not end");
}
