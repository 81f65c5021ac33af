// 无锡: 锡民联发〔2019〕4号 (seed), with Wuxi's published standards (shared/spec/published-figures.md).

import type { Pack } from "./pack.ts";

const SEED = "锡民联发〔2019〕4号";

/** Wuxi has one standard for urban and rural hukou alike. */
const standards = [
  { from: "2018-07-01", value: 900, basis: "supplementary", source: "锡政发〔2018〕34号" },
  { from: "2020-07-01", value: 1000, kind: "floor", basis: "seed", source: `${SEED} 二(一)1` },
  { from: "2020-07-01", value: 1010, basis: "supplementary", source: "锡政发〔2021〕14号（所引调整前标准）" },
  {
    from: "2021-07-01",
    value: 1060,
    basis: "supplementary",
    source: "锡政发〔2021〕14号",
    note: "start date assumed (July, as in the other years)",
  },
  { from: "2024-07-01", value: 1115, basis: "supplementary", source: "无锡市2024年提标通知（新闻报道）" },
  { from: "2025-07-01", value: 1167, basis: "supplementary", source: "锡政发〔2025〕8号" },
] as const;

const deduction = { discretionary: true, onlyRegisteredPoor: true };

export const wuxi: Pack = {
  id: "wuxi",
  name: "无锡市",
  version: "2026.1",
  figuresConfirmedOn: "2025-07-01",
  coverage: { from: "2019-06-03", to: "2025-07-01" },
  documents: [
    {
      id: SEED,
      title: "关于在脱贫攻坚三年行动中精准做好社会救助兜底保障工作的实施方案",
      issued: "2019-06-03",
      basis: "seed",
    },
    {
      id: "锡政发〔2018〕34号",
      title: "无锡市2018年城乡低保标准调整",
      issued: "2018-07-01",
      basis: "supplementary",
    },
    {
      id: "锡政发〔2021〕14号",
      title: "无锡市2021年社会救助标准调整",
      issued: "2021-07-01",
      basis: "supplementary",
    },
    {
      id: "无锡市2024年提标通知",
      title: "无锡市2024年社会救助标准调整（新闻报道）",
      issued: "2024-07-01",
      basis: "supplementary",
    },
    {
      id: "锡政发〔2025〕8号",
      title: "无锡市2025年社会救助标准调整",
      issued: "2025-07-01",
      basis: "supplementary",
    },
  ],
  programs: ["dibao", "dibao_single", "tekun", "temporary_aid"],
  assumptions: [
    {
      param: "dibao.standard.urban",
      note: "1060 (锡政发〔2021〕14号) is taken to start on 2021-07-01; its start date is unconfirmed.",
    },
    {
      param: "tekun.ratioToStandard",
      note: "二(四)1 aims for 1.5 × the standard 'by 2020' (力争到2020年); taken as a floor from 2020-07-01, when the 2020 standard took effect.",
    },
    {
      param: "dibaoSingle.route.disability",
      note: "二(二)1 says 'from the second half of 2019': taken as 2019-07-01.",
    },
  ],
  gaps: [],
  params: {
    "dibao.standard.urban": [...standards],
    "dibao.standard.rural": [...standards],
    "income.deduct.medical": [
      { from: "2019-06-03", value: deduction, basis: "seed", source: `${SEED} 二(一)2` },
    ],
    "income.deduct.care": [
      { from: "2019-06-03", value: deduction, basis: "seed", source: `${SEED} 二(一)2` },
    ],
    "income.deduct.rehabilitation": [
      { from: "2019-06-03", value: deduction, basis: "seed", source: `${SEED} 二(一)2` },
    ],
    "income.deduct.employment": [
      { from: "2019-06-03", value: deduction, basis: "seed", source: `${SEED} 二(一)2` },
    ],
    "dibao.transition": [
      {
        from: "2019-06-03",
        value: {
          trigger: "incomeAboveStandardSince",
          startsNextMonth: true,
          months: 24,
          triggerBy: "2020-12-31",
          incomeCeilingMultiple: 2,
          incomeCeilingInclusive: true,
          requiresRegisteredPoor: true,
          amount: "not_stated",
          discretionary: true,
        },
        basis: "seed",
        source: `${SEED} 二(一)3`,
      },
    ],
    "dibaoSingle.route.disability": [
      {
        from: "2019-07-01",
        value: {
          disability: [{ grades: [1, 2] }, { grades: [3], categories: ["intellectual", "mental"] }],
          illness: false,
          needsMedicalAid: false,
          adult: true,
          unemployed: true,
          dependsOnFamily: true,
          cannotLiveAlone: true,
          assetsWithinLimits: false,
          incomeTest: "household_per_capita",
          incomeMultiple: 2,
          amount: "standard_minus_own_income",
          discretionary: false,
        },
        basis: "seed",
        source: `${SEED} 二(二)1（参照锡民救〔2017〕24号：成年无业）`,
      },
    ],
    "dibaoSingle.route.illness": [
      {
        from: "2019-06-03",
        value: {
          disability: [],
          illness: true,
          needsMedicalAid: true,
          adult: false,
          unemployed: false,
          dependsOnFamily: false,
          cannotLiveAlone: false,
          assetsWithinLimits: true,
          incomeTest: "household_per_capita",
          incomeMultiple: 2,
          amount: "standard_floor",
          discretionary: true,
        },
        basis: "seed",
        source: `${SEED} 二(二)2`,
      },
    ],
    "tekun.ratioToStandard": [
      { from: "2020-07-01", value: 1.5, kind: "floor", basis: "seed", source: `${SEED} 二(四)1` },
    ],
    "tekun.basicLiving.urban": [
      { from: "2018-07-01", value: 1400, basis: "supplementary", source: "锡政发〔2018〕34号" },
      {
        from: "2020-07-01",
        value: 1525,
        basis: "supplementary",
        source: "锡政发〔2021〕14号（所引调整前标准）",
      },
      { from: "2021-07-01", value: 1600, basis: "supplementary", source: "锡政发〔2021〕14号" },
      { from: "2024-07-01", value: 1675, basis: "supplementary", source: "无锡市2024年提标通知（新闻报道）" },
      { from: "2025-07-01", value: 1751, basis: "supplementary", source: "锡政发〔2025〕8号" },
    ],
    "tekun.basicLiving.rural": [
      { from: "2018-07-01", value: 1300, basis: "supplementary", source: "锡政发〔2018〕34号" },
      {
        from: "2020-07-01",
        value: 1525,
        basis: "supplementary",
        source: "锡政发〔2021〕14号（所引调整前标准）",
      },
      { from: "2021-07-01", value: 1600, basis: "supplementary", source: "锡政发〔2021〕14号" },
      { from: "2024-07-01", value: 1675, basis: "supplementary", source: "无锡市2024年提标通知（新闻报道）" },
      { from: "2025-07-01", value: 1751, basis: "supplementary", source: "锡政发〔2025〕8号" },
    ],
    "temporaryAid.firstAid": [{ from: "2019-06-03", value: true, basis: "seed", source: `${SEED} 二(五)2` }],
    "temporaryAid.caseByCase": [
      { from: "2019-06-03", value: true, basis: "seed", source: `${SEED} 二(五)2` },
    ],
  },
};
