// The interview answered from a known situation, as a resident who knows those facts would ("I don't
// know" for what the situation omits). Its screening must equal screen() on the whole situation.

import { wholeYears } from "../dates.ts";
import type { Screening } from "../schema/screening.ts";
import type { Member, Situation } from "../schema/situation.ts";
import { bandHolds, intersect, parseBand } from "./age-bands.ts";
import { answer, type RawAnswer } from "./answer.ts";
import { type AskedQuestion, type InterviewOptions, next } from "./next.ts";
import type { RosterRelation } from "./questions.ts";
import { rosterValue } from "./roster.ts";
import { type InterviewState, start } from "./state.ts";

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

/** "Who…?": the members with it, once it is known for everyone. */
function who(members: Member[], field: "disability" | "illness"): RawAnswer {
  const has = (m: Member) => (field === "illness" ? m.illness?.serious === true : m.disability != null);
  const none = (m: Member) =>
    field === "illness" ? m.illness === null || m.illness?.serious === false : m.disability === null;
  if (!members.every((m) => has(m) || none(m))) return UNKNOWN;
  const picked = members.flatMap((m, i) => (has(m) ? [String(i + 1)] : []));
  return picked.length === 0 ? "none" : picked.join(",");
}

/** Is the member known to be an adult (or a minor)? undefined when the situation does not say. */
function adult(m: Member | undefined, asOf: string): boolean | undefined {
  if (!m) return undefined;
  const age = m.age ?? (m.birthDate ? wholeYears(m.birthDate, asOf) : undefined);
  if (age !== undefined) return age >= 18;
  if (m.ageBand && m.ageBand.from >= 18) return true;
  return m.ageBand?.to !== undefined && m.ageBand.to < 18 ? false : undefined;
}

/**
 * The roster's word for each other member: a relation, with "under 18" or "18 or over" only where the
 * situation says so, and only relations whose meaning for ages (roster.ts) the situation bears out.
 */
function rosterCodes(s: Situation, asOf: string): RosterRelation[] {
  const selfAdult = adult(s.members[0], asOf) === true;
  return s.members.slice(1).map((m) => {
    const grown = adult(m, asOf);
    switch (m.relation) {
      case "parent":
      case "sibling":
        return m.relation;
      case "spouse":
        return grown === true && selfAdult ? "spouse" : "other";
      case "child":
        return grown === false ? "child_minor" : grown === true && selfAdult ? "child_adult" : "other";
      case "grandchild":
        return grown === false && selfAdult ? "grandchild_minor" : "other";
      default:
        return "other";
    }
  });
}

/** The household's total: every member's income added up, or the situation's own total. */
function householdTotal(
  s: Situation,
): { monthly: number; pensionBasic: number; povertyDividend: number } | null {
  if (s.members.every((m) => m.income !== undefined)) {
    const items = s.members.flatMap((m) => m.income ?? []);
    const of = (kind?: string) =>
      items.filter((x) => kind === undefined || x.kind === kind).reduce((t, x) => t + x.monthly, 0);
    return { monthly: of(), pensionBasic: of("pension_basic"), povertyDividend: of("poverty_dividend") };
  }
  const t = s.householdIncome;
  return t
    ? { monthly: t.monthly, pensionBasic: t.pensionBasic ?? 0, povertyDividend: t.povertyDividend ?? 0 }
    : null;
}

function parent(m: Member, j: number): { status?: string; since?: string } {
  const p = m.parents?.[j];
  return p === undefined ? {} : typeof p === "string" ? { status: p } : p;
}

export function answerFrom(s: Situation, q: AskedQuestion, asOf: string): RawAnswer {
  const m = q.member === null ? undefined : s.members[q.member];
  const alone = s.members.length === 1 ? s.householdIncome : undefined;
  const sum = (kind?: string) =>
    m?.income?.filter((x) => kind === undefined || x.kind === kind).reduce((t, x) => t + x.monthly, 0);
  switch (q.id) {
    case "jurisdiction":
      return s.jurisdiction;
    case "helping":
      return "self";
    case "household":
      return rosterValue(rosterCodes(s, asOf));
    case "householdIncome":
      return householdTotal(s)?.monthly ?? UNKNOWN;
    case "householdIncome.pensionBasic":
      return householdTotal(s)?.pensionBasic ?? UNKNOWN;
    case "householdIncome.povertyDividend":
      return householdTotal(s)?.povertyDividend ?? UNKNOWN;
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
    case "hukou":
      if (s.localHukou === undefined) return UNKNOWN;
      if (!s.localHukou) return "elsewhere";
      return s.area === "urban" ? "local_urban" : s.area === "rural" ? "local_rural" : "local";
    case "currentBenefits": {
      const b = s.currentBenefits;
      const known = {
        dibao: b?.dibao === undefined ? undefined : b.dibao !== null,
        tekun: b?.tekun,
        orphanAllowance: b?.orphanAllowance,
      };
      if (Object.values(known).includes(undefined)) return UNKNOWN;
      const list = (q.options ?? []).filter((o) => known[o as keyof typeof known]);
      return list.length === 0 ? "none" : list.join(",");
    }
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
    case "household.age16":
    case "household.age18":
    case "household.age60":
    case "household.age70": {
      const age = q.min as number;
      const over = (q.options ?? []).map((o) => {
        const x = s.members[Number(o) - 1] as Member;
        const exact = x.age ?? (x.birthDate ? wholeYears(x.birthDate, asOf) : undefined);
        if (exact !== undefined) return exact >= age;
        if (x.ageBand && x.ageBand.from >= age) return true;
        return x.ageBand?.to !== undefined && x.ageBand.to < age ? false : undefined;
      });
      if (over.includes(undefined)) return UNKNOWN;
      const list = (q.options ?? []).filter((_, j) => over[j]);
      return list.length === 0 ? "none" : list.join(",");
    }
    case "who.supportersAble":
    case "who.dependsOnFamily":
    case "who.canLiveAlone":
    case "who.employed": {
      const field = q.id.slice(4) as "supportersAble";
      const answers = (q.options ?? []).map((o) => s.members[Number(o) - 1]?.[field]);
      if (answers.includes(undefined)) return UNKNOWN;
      const list = (q.options ?? []).filter((_, j) => answers[j]);
      return list.length === 0 ? "none" : list.join(",");
    }
    case "who.parentsAway": {
      // Picked: no parent known to be present (each parent is then asked); unknown parents: not known.
      const away = (q.options ?? []).map((o) => {
        const ps = s.members[Number(o) - 1]?.parents;
        if (ps === undefined) return undefined;
        return !ps.some((p) => (typeof p === "string" ? p : p.status) === "present");
      });
      if (away.includes(undefined)) return UNKNOWN;
      const list = (q.options ?? []).filter((_, j) => away[j]);
      return list.length === 0 ? "none" : list.join(",");
    }
    case "household.disability":
      return who(s.members, "disability");
    case "household.illness":
      return who(s.members, "illness");
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
    case "member.ageBand": {
      const age = m?.age ?? (m?.birthDate ? wholeYears(m.birthDate, asOf) : undefined);
      const band = q.options?.find((o) => {
        const b = parseBand(o);
        if (!b) return false;
        if (age !== undefined) return bandHolds(b, age);
        // Only an age band is known: a question band that holds all of it.
        const known = m?.ageBand;
        return (
          known !== undefined &&
          intersect(b, known).from === known.from &&
          intersect(b, known).to === known.to
        );
      });
      return band ?? UNKNOWN;
    }
    // Living alone, the household's total is the person's own income.
    case "member.income":
      return m?.income === undefined ? (alone?.monthly ?? UNKNOWN) : (sum() as number);
    case "member.income.pensionBasic":
      return m?.income === undefined
        ? alone
          ? (alone.pensionBasic ?? 0)
          : UNKNOWN
        : (sum("pension_basic") as number);
    case "member.income.povertyDividend":
      return m?.income === undefined
        ? alone
          ? (alone.povertyDividend ?? 0)
          : UNKNOWN
        : (sum("poverty_dividend") as number);
    case "member.disability":
      if (m?.disability === undefined) return UNKNOWN;
      if (m.disability === null) return "none";
      return m.disability.grade === undefined ? "yes" : String(m.disability.grade);
    case "member.disability.grade":
      return m?.disability?.grade === undefined ? UNKNOWN : String(m.disability.grade);
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
  /** The "about N left" shown before each question. */
  left: number[];
  /** The states before each question: for measuring where the questions go. */
  states: InterviewState[];
  screening: Screening | null;
  /** The finished interview: the situation as the interview's answers (to correct it through them). */
  state: InterviewState;
}

/** Runs the interview against a known situation. `today` is the date used when it gives no asOf. */
export function simulate(
  s: Situation,
  options: InterviewOptions & {
    today: string;
    /** Answered for someone else (a helper applied): the questions speak of "the person you help". */
    helping?: boolean;
  },
): Simulation {
  const asOf = s.asOf ?? options.today;
  let state = start(asOf);
  const asked: string[] = [];
  const left: number[] = [];
  const states: InterviewState[] = [];
  for (let step = 0; step < 500; step++) {
    const n = next(state, options);
    if (n.done) return { asked, left, states, screening: n.screening, state };
    asked.push(n.question.key);
    left.push(n.progress.left);
    states.push(state);
    const given =
      n.question.id === "helping" && options.helping ? "helping" : answerFrom(s, n.question, asOf);
    const r = answer(state, n.question.key, given, options);
    // An answer the interview refuses (never for a schema-valid situation) is taken as "I don't know".
    state = r.ok
      ? r.state
      : (answer(state, n.question.key, UNKNOWN, options) as { ok: true; state: typeof state }).state;
  }
  throw new Error("the interview did not end");
}
