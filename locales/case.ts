// A request as an agent needs it before dialling, in a line or two: whom it is for and who applied
// ("王桂芳 · 子女代办"), the key facts in a sentence ("78 岁，独居，月收入 900 元（其中基础养老金 900 元），二级肢体
// 残疾"), the programs that may apply with their amounts, and what is still unknown to ask on the call.
// Read from the stored situation and screening; words from locales/ like everything a person reads.

import type { TFunction } from "i18next";
import type { Screening } from "../core/schema/screening.ts";
import type { Situation } from "../core/schema/situation.ts";
import { QUESTION_T_OPTIONS, questionOptionKey } from "./i18n.ts";
import { polish, yuan } from "./polish.ts";
import { amountText, relationsOf, unknownsOf } from "./render.ts";

type Member = Situation["members"][number];

export interface CaseParties {
  applicant:
    | { kind: "self"; name?: string | undefined }
    | { kind: "helper"; name: string; relationship: string };
  person: { name?: string | undefined } | null;
}

/** "王桂芳 · 子女代办", or the name alone when the person applied themselves. */
export function caseHeadline(t: TFunction, parties: CaseParties): string {
  const name =
    parties.person?.name ?? (parties.applicant.kind === "self" ? parties.applicant.name : undefined);
  const shown = name ?? t("common:case.noName");
  return parties.applicant.kind === "helper"
    ? t("common:case.forBy", {
        name: shown,
        relationship: t(`common:applicant.relationship.${parties.applicant.relationship}`),
      })
    : shown;
}

function ageOf(t: TFunction, m: Member | undefined): string | null {
  if (m?.age !== undefined) return t("common:case.age", { age: m.age });
  const band = m?.ageBand;
  if (!band) return null;
  return band.to === undefined
    ? t("common:ageBand.from", { from: band.from })
    : t("common:ageBand.between", { from: band.from, to: band.to });
}

function monthlyIncome(s: Situation): { total: number; pension: number } | null {
  const own = s.members.map((m) => m.income);
  if (own.every((i) => i !== undefined)) {
    const items = own.flat() as { kind: string; monthly: number }[];
    const total = items.reduce((n, i) => n + i.monthly, 0);
    const pension = items.filter((i) => i.kind === "pension_basic").reduce((n, i) => n + i.monthly, 0);
    return { total, pension };
  }
  return s.householdIncome
    ? { total: s.householdIncome.monthly, pension: s.householdIncome.pensionBasic ?? 0 }
    : null;
}

/** The facts that decide most, in one sentence; a fact not given is left out, not guessed. */
export function keyFacts(t: TFunction, s: Situation): string {
  const self = s.members[0];
  const parts: string[] = [];
  const age = ageOf(t, self);
  if (age) parts.push(age);
  parts.push(
    s.members.length === 1 ? t("common:case.alone") : t("common:case.household", { count: s.members.length }),
  );
  const income = monthlyIncome(s);
  if (income)
    parts.push(
      income.pension > 0
        ? t("common:case.incomeWithPension", { amount: yuan(income.total), pension: yuan(income.pension) })
        : t("common:case.income", { amount: yuan(income.total) }),
    );
  const disability = self?.disability;
  if (disability) {
    const grade = disability.grade
      ? t(questionOptionKey("member.disability.grade", String(disability.grade)), QUESTION_T_OPTIONS)
      : "";
    const category = disability.category
      ? t(questionOptionKey("member.disability.category", disability.category), QUESTION_T_OPTIONS)
      : t("common:case.disability");
    const shortGrade = grade.replace(/（.*）|\s*\(.*\)/, "");
    parts.push(
      t("common:case.disabilityKind", { grade: shortGrade, category, context: grade ? "graded" : undefined }),
    );
  }
  if (s.emergency?.basicLivingAtRisk) parts.push(t("common:case.emergency"));
  return polish(t, parts.join(t("common:case.separator")));
}

/** The programs that may apply, each with its amount where one is known: "低保 · 约 480 元/月". */
export function likelyPrograms(t: TFunction, screening: Screening): string[] {
  return screening.results
    .filter((r) => r.outcome !== "unlikely")
    .map((r) => {
      const amount = amountText(t, r);
      return polish(t, `${t(`programs:${r.program}.label`)}${amount ? ` · ${amount}` : ""}`);
    });
}

/** What is still unknown across the programs that may apply: the questions to ask on the call. */
export function toAsk(t: TFunction, screening: Screening, situation: Situation, helping: boolean): string[] {
  const relations = relationsOf(situation);
  const subject = helping ? "helping" : "self";
  return [
    ...new Set(
      screening.results
        .filter((r) => r.outcome !== "unlikely")
        .flatMap((r) => unknownsOf(t, r, subject, relations)),
    ),
  ];
}
