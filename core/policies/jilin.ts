// 吉林: 吉民发〔2018〕12号 (seed), the rural 低保 "四个一批" campaign to the end of 2020. The document gives
// no standard and none is published here: amounts stay null until a deployment supplies one, and income
// tests are decided only where no standard could change them.

import type { Pack } from "./pack.ts";

const SEED = "吉民发〔2018〕12号";
const RURAL = ["rural" as const];

export const jilin: Pack = {
  id: "jilin",
  name: "吉林省",
  version: "2026.1",
  figuresConfirmedOn: "2018-03-06",
  coverage: { from: "2018-03-02", to: "2020-12-31" },
  documents: [
    { id: SEED, title: "全省脱贫攻坚低保兜底“四个一批”专项行动方案", issued: "2018-03-02", basis: "seed" },
  ],
  programs: ["dibao"],
  assumptions: [],
  gaps: [
    {
      param: "dibao.standard.urban",
      from: "2018-03-02",
      note: "吉民发〔2018〕12号 sets no standard; local standards are not published here.",
    },
    {
      param: "dibao.standard.rural",
      from: "2018-03-02",
      note: "吉民发〔2018〕12号 sets no standard; local standards are not published here.",
    },
  ],
  params: {
    "dibao.excludedByCurrent": [
      { from: "2018-03-02", value: ["tekun", "orphanAllowance"], basis: "seed", source: `${SEED} 二(二)` },
    ],
    // 纳入孤儿保障、特困人员救助供养的农村贫困人口不再纳入低保保障范围: 特困 first.
    "alternatives.dibaoTekun": [
      {
        from: "2018-03-02",
        value: { preferred: "tekun", areas: RURAL },
        basis: "seed",
        source: `${SEED} 二(二)`,
      },
    ],
    "income.exclude.povertyDividend": [
      {
        from: "2018-03-02",
        to: "2020-12-31",
        value: { onlyUnableToWork: true },
        basis: "seed",
        source: `${SEED} 三(一)`,
      },
    ],
    "dibao.expenseRoute": [
      {
        from: "2018-03-02",
        value: { coverageMonths: 12, areas: RURAL },
        basis: "seed",
        source: `${SEED} 三(二)`,
      },
    ],
    "dibao.supplement": [
      {
        from: "2018-03-02",
        value: {
          categories: [
            {
              id: "serious_illness",
              diseases: [
                "leukemia",
                "malignant_tumor",
                "hepatitis",
                "lupus",
                "severe_mental",
                "tuberculosis",
                "special_infectious",
                "cardio_cerebrovascular",
                "uremia",
                "heart_failure",
                "myocardial_infarction",
                "rheumatic_heart",
              ],
              needsMedicalExpense: true,
              ratio: 0.6,
            },
            { id: "elderly", minAge: 70, ratio: 0.5 },
            {
              id: "severe_disability",
              disability: { grades: [1, 2], categories: ["visual", "intellectual", "physical", "mental"] },
              ratio: 0.5,
            },
            { id: "elderly_disabled", minAge: 60, ratio: 0.5 },
            { id: "multiple_disabled_household", ratio: 0.5 },
            { id: "multiple_disability", ratio: 0.5 },
          ],
          discretionary: false,
          areas: RURAL,
        },
        kind: "floor",
        basis: "seed",
        source: `${SEED} 三(三)`,
      },
    ],
    // Registered households from the poverty exit (暂时脱贫), the others from when work lifted their income
    // (incomeAboveStandardSince): either way under 2× the standard, to the end of 2020.
    "dibao.transition": [
      {
        from: "2018-03-02",
        value: {
          trigger: "povertyExitedOn",
          // The second paragraph: households not on the register, after finding work or starting a business.
          orTrigger: "incomeAboveStandardSince",
          startsNextMonth: false,
          months: null,
          endsOn: "2020-12-31",
          incomeCeilingMultiple: 2,
          requiresRegisteredPoor: false,
          amount: "tapering",
          taperPerYear: 0.25,
          discretionary: false,
          areas: RURAL,
        },
        basis: "seed",
        source: `${SEED} 三(四)`,
      },
    ],
  },
};
