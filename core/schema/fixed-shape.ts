// A situation copied into one fixed shape: every field present, in the schema's order, undefined where
// unknown. Input objects each carry their own set of fields, so the engine would meet hundreds of object
// shapes and read every field the slow, generic way; in one shape each read is direct. The copy is the
// same situation (tests/core/fixed-shape.test.ts checks it against the schema's own fields). A situation
// is plain data (parsed JSON, or literals): its fields are its own enumerable ones, not getters.

import type { Member, Situation } from "./situation.ts";

type Parent = NonNullable<Member["parents"]>[number];

function parent(p: Parent): Parent {
  return typeof p === "string" ? p : { status: p.status, since: p.since };
}

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
  // Walked by its own keys, each stored by name: V8 reads `input[k]` inside `for…in` by the object's own
  // layout, and a named store into `m` is direct, where reading each field by name from inputs of many
  // layouts is a lookup every time (about 3× slower for a member, 10× for reads by name). Only the
  // schema's fields are copied (a stray key, "__proto__" above all, never is).
  for (const k in input) {
    const v = (input as Record<string, unknown>)[k];
    switch (k) {
      case "relation":
        m.relation = v as Member["relation"];
        break;
      case "age":
        m.age = v as Member["age"];
        break;
      case "ageBand":
        m.ageBand = v as Member["ageBand"];
        break;
      case "birthDate":
        m.birthDate = v as Member["birthDate"];
        break;
      case "selfCare":
        m.selfCare = v as Member["selfCare"];
        break;
      case "workCapacity":
        m.workCapacity = v as Member["workCapacity"];
        break;
      case "employed":
        m.employed = v as Member["employed"];
        break;
      case "income":
        m.income = v as Member["income"];
        break;
      case "disability":
        m.disability = v as Member["disability"];
        break;
      case "illness":
        m.illness = v as Member["illness"];
        break;
      case "dependsOnFamily":
        m.dependsOnFamily = v as Member["dependsOnFamily"];
        break;
      case "canLiveAlone":
        m.canLiveAlone = v as Member["canLiveAlone"];
        break;
      case "supportersAble":
        m.supportersAble = v as Member["supportersAble"];
        break;
      case "supportOwedMonthly":
        m.supportOwedMonthly = v as Member["supportOwedMonthly"];
        break;
      case "parents":
        m.parents = v as Member["parents"];
        break;
    }
  }
  const { ageBand, income, disability, illness, parents } = m;
  if (ageBand !== undefined) m.ageBand = { from: ageBand.from, to: ageBand.to };
  if (income !== undefined) m.income = income.map((x) => ({ kind: x.kind, monthly: x.monthly }));
  if (disability != null) m.disability = { grade: disability.grade, category: disability.category };
  if (illness != null)
    m.illness = { serious: illness.serious, disease: illness.disease, medicalAid: illness.medicalAid };
  if (parents !== undefined) m.parents = parents.map(parent);
  return m;
}

export function fixedShape(input: Situation): Situation {
  // The required fields are filled from the input below (it is a situation: they are there).
  const s = {
    schemaVersion: undefined,
    jurisdiction: undefined,
    asOf: undefined,
    area: undefined,
    localHukou: undefined,
    county: undefined,
    registeredPoor: undefined,
    povertyExitedOn: undefined,
    assets: undefined,
    members: undefined,
    householdIncome: undefined,
    monthlyExpenses: undefined,
    currentBenefits: undefined,
    incomeAboveStandardSince: undefined,
    emergency: undefined,
  } as unknown as Situation;
  // As for a member: walked by its own keys, each stored by name, schema fields only.
  for (const k in input) {
    const v = (input as Record<string, unknown>)[k];
    switch (k) {
      case "schemaVersion":
        s.schemaVersion = v as Situation["schemaVersion"];
        break;
      case "jurisdiction":
        s.jurisdiction = v as Situation["jurisdiction"];
        break;
      case "asOf":
        s.asOf = v as Situation["asOf"];
        break;
      case "area":
        s.area = v as Situation["area"];
        break;
      case "localHukou":
        s.localHukou = v as Situation["localHukou"];
        break;
      case "county":
        s.county = v as Situation["county"];
        break;
      case "registeredPoor":
        s.registeredPoor = v as Situation["registeredPoor"];
        break;
      case "povertyExitedOn":
        s.povertyExitedOn = v as Situation["povertyExitedOn"];
        break;
      case "assets":
        s.assets = v as Situation["assets"];
        break;
      case "incomeAboveStandardSince":
        s.incomeAboveStandardSince = v as Situation["incomeAboveStandardSince"];
        break;
      case "members":
        s.members = (v as Member[]).map(member);
        break;
      case "householdIncome":
        s.householdIncome = householdIncome(v as Situation["householdIncome"]);
        break;
      case "monthlyExpenses":
        s.monthlyExpenses = monthlyExpenses(v as Situation["monthlyExpenses"]);
        break;
      case "currentBenefits":
        s.currentBenefits = currentBenefits(v as Situation["currentBenefits"]);
        break;
      case "emergency":
        s.emergency = emergency(v as Situation["emergency"]);
        break;
    }
  }
  return s;
}

function householdIncome(total: Situation["householdIncome"]): Situation["householdIncome"] {
  return total === undefined
    ? undefined
    : { monthly: total.monthly, pensionBasic: total.pensionBasic, povertyDividend: total.povertyDividend };
}

function monthlyExpenses(expenses: Situation["monthlyExpenses"]): Situation["monthlyExpenses"] {
  return expenses === undefined
    ? undefined
    : {
        medical: expenses.medical,
        care: expenses.care,
        rehabilitation: expenses.rehabilitation,
        employment: expenses.employment,
      };
}

function currentBenefits(current: Situation["currentBenefits"]): Situation["currentBenefits"] {
  if (current === undefined) return undefined;
  const dibao = current.dibao;
  return {
    dibao: dibao == null ? dibao : { since: dibao.since, monthlyAmount: dibao.monthlyAmount },
    tekun: current.tekun,
    orphanAllowance: current.orphanAllowance,
    unsupportedChildAllowance: current.unsupportedChildAllowance,
    disabilitySubsidies: current.disabilitySubsidies,
  };
}

function emergency(e: Situation["emergency"]): Situation["emergency"] {
  return e == null
    ? e
    : {
        kind: e.kind,
        category: e.category,
        date: e.date,
        basicLivingAtRisk: e.basicLivingAtRisk,
        outOfPocket: e.outOfPocket,
        inJurisdiction: e.inJurisdiction,
      };
}
