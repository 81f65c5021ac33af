// A situation copied into one fixed shape: every field present, in the schema's order, undefined where
// unknown. Input objects each carry their own set of fields, so the engine would meet hundreds of object
// shapes and read every field the slow, generic way; in one shape each read is direct. The copy is the
// same situation (tests/core/fixed-shape.test.ts checks it against the schema's own fields).

import { type Member, memberSchema, type Situation } from "./situation.ts";

type Parent = NonNullable<Member["parents"]>[number];

function parent(p: Parent): Parent {
  return typeof p === "string" ? p : { status: p.status, since: p.since };
}

const MEMBER_FIELDS = new Set(Object.keys(memberSchema.shape));

function member(input: Member): Member {
  const m: Member = {
    relation: undefined,
    age: undefined,
    ageBand: undefined,
    birthDate: undefined,
    selfCare: undefined,
    workCapacity: undefined,
    employed: undefined,
    income: undefined,
    disability: undefined,
    illness: undefined,
    dependsOnFamily: undefined,
    canLiveAlone: undefined,
    supportersAble: undefined,
    supportOwedMonthly: undefined,
    parents: undefined,
  };
  // Walked key by key: V8 reads `input[k]` inside `for…in` by the object's own layout, with no lookup.
  // Only the schema's fields are copied (a stray key, "__proto__" above all, never is).
  const out = m as Record<string, unknown>;
  for (const k in input) if (MEMBER_FIELDS.has(k)) out[k] = (input as Record<string, unknown>)[k];
  const { ageBand, income, disability, illness, parents } = m;
  if (ageBand !== undefined) m.ageBand = { from: ageBand.from, to: ageBand.to };
  if (income !== undefined) m.income = income.map((x) => ({ kind: x.kind, monthly: x.monthly }));
  if (disability != null) m.disability = { grade: disability.grade, category: disability.category };
  if (illness != null)
    m.illness = { serious: illness.serious, disease: illness.disease, medicalAid: illness.medicalAid };
  if (parents !== undefined) m.parents = parents.map(parent);
  return m;
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
