// A situation copied into one fixed shape: every field present, in the schema's order, undefined where
// unknown. Input objects each carry their own set of fields, so the engine would meet hundreds of object
// shapes and read every field the slow, generic way; in one shape each read is direct. The copy is the
// same situation (tests/core/fixed-shape.test.ts checks it against the schema's own fields).

import type { Member, Situation } from "./situation.ts";

type Parent = NonNullable<Member["parents"]>[number];

function parent(p: Parent): Parent {
  return typeof p === "string" ? p : { status: p.status, since: p.since };
}

function member(m: Member): Member {
  const { ageBand, income, disability, illness, parents } = m;
  return {
    relation: m.relation,
    age: m.age,
    ageBand: ageBand === undefined ? undefined : { from: ageBand.from, to: ageBand.to },
    birthDate: m.birthDate,
    selfCare: m.selfCare,
    workCapacity: m.workCapacity,
    employed: m.employed,
    income: income === undefined ? undefined : income.map((x) => ({ kind: x.kind, monthly: x.monthly })),
    disability: disability == null ? disability : { grade: disability.grade, category: disability.category },
    illness:
      illness == null
        ? illness
        : { serious: illness.serious, disease: illness.disease, medicalAid: illness.medicalAid },
    dependsOnFamily: m.dependsOnFamily,
    canLiveAlone: m.canLiveAlone,
    supportersAble: m.supportersAble,
    supportOwedMonthly: m.supportOwedMonthly,
    parents: parents === undefined ? undefined : parents.map(parent),
  };
}

export function fixedShape(s: Situation): Situation {
  const { householdIncome: total, monthlyExpenses: expenses, currentBenefits: current, emergency: e } = s;
  const dibao = current?.dibao;
  return {
    schemaVersion: s.schemaVersion,
    jurisdiction: s.jurisdiction,
    asOf: s.asOf,
    area: s.area,
    localHukou: s.localHukou,
    county: s.county,
    registeredPoor: s.registeredPoor,
    povertyExitedOn: s.povertyExitedOn,
    assets: s.assets,
    members: s.members.map(member),
    householdIncome:
      total === undefined
        ? undefined
        : {
            monthly: total.monthly,
            pensionBasic: total.pensionBasic,
            povertyDividend: total.povertyDividend,
          },
    monthlyExpenses:
      expenses === undefined
        ? undefined
        : {
            medical: expenses.medical,
            care: expenses.care,
            rehabilitation: expenses.rehabilitation,
            employment: expenses.employment,
          },
    currentBenefits:
      current === undefined
        ? undefined
        : {
            dibao: dibao == null ? dibao : { since: dibao.since, monthlyAmount: dibao.monthlyAmount },
            tekun: current.tekun,
            orphanAllowance: current.orphanAllowance,
            unsupportedChildAllowance: current.unsupportedChildAllowance,
            disabilitySubsidies: current.disabilitySubsidies,
          },
    incomeAboveStandardSince: s.incomeAboveStandardSince,
    emergency:
      e == null
        ? e
        : {
            kind: e.kind,
            category: e.category,
            date: e.date,
            basicLivingAtRisk: e.basicLivingAtRisk,
            outOfPocket: e.outOfPocket,
            inJurisdiction: e.inJurisdiction,
          },
  };
}
