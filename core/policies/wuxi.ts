// 无锡: 锡民联发〔2019〕4号 (seed), with Wuxi's published standards (shared/spec/published-figures.md).

import { addDays, addMonths } from "../dates.ts";
import type { Pack } from "./pack.ts";
import type { Dated } from "./params.ts";

const SEED = "锡民联发〔2019〕4号";

/**
 * Wuxi raises its figures every July. A published figure is exact for its year; where the next year's is
 * unconfirmed (2019, 2022, 2023, 2026 on), the last known one stays in force as a floor.
 */
function yearly(figures: { from: string; value: number; source: string; note?: string }[]): Dated<number>[] {
  return figures.flatMap((f, i) => {
    const next = figures[i + 1]?.from;
    const yearEnd = addDays(addMonths(f.from, 12), -1);
    const exact: Dated<number> = {
      ...f,
      to: next && next <= yearEnd ? addDays(next, -1) : yearEnd,
      basis: "supplementary",
    };
    if (next !== undefined && next <= addMonths(f.from, 12)) return [exact];
    const floor: Dated<number> = {
      ...f,
      from: addMonths(f.from, 12),
      ...(next ? { to: addDays(next, -1) } : {}),
      kind: "floor",
      basis: "supplementary",
      note: "the next year's figure is unconfirmed: this one stays as a floor",
    };
    return [exact, floor];
  });
}

/** One standard for urban and rural hukou alike. */
const standards: Dated<number>[] = [
  { from: "2020-07-01", value: 1000, kind: "floor", basis: "seed", source: `${SEED} 二(一)1` },
  ...yearly([
    { from: "2018-07-01", value: 900, source: "锡政发〔2018〕34号" },
    { from: "2020-07-01", value: 1010, source: "锡政发〔2021〕14号（所引调整前标准）" },
    {
      from: "2021-07-01",
      value: 1060,
      source: "锡政发〔2021〕14号",
      note: "start date assumed (July, as in the other years)",
    },
    { from: "2024-07-01", value: 1115, source: "无锡市2024年提标通知（新闻报道）" },
    { from: "2025-07-01", value: 1167, source: "锡政发〔2025〕8号" },
  ]),
];

const tekunLiving = (first: number) =>
  yearly([
    { from: "2018-07-01", value: first, source: "锡政发〔2018〕34号" },
    { from: "2020-07-01", value: 1525, source: "锡政发〔2021〕14号（所引调整前标准）" },
    { from: "2021-07-01", value: 1600, source: "锡政发〔2021〕14号" },
    { from: "2024-07-01", value: 1675, source: "无锡市2024年提标通知（新闻报道）" },
    { from: "2025-07-01", value: 1751, source: "锡政发〔2025〕8号" },
  ]);

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
      param: "dibao.standard.rural",
      note: "Wuxi raises its figures each July; a year whose figure is unconfirmed (2019, 2022, 2023, 2026 on) keeps the last known one as a floor.",
    },
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
    "dibao.standard.urban": standards,
    "dibao.standard.rural": standards,
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
    // Starts from incomeAboveStandardSince: the household's (and its office's) statement that its income
    // rose above the standard.
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
    "tekun.basicLiving.urban": tekunLiving(1400),
    "tekun.basicLiving.rural": tekunLiving(1300),
    "temporaryAid.firstAid": [{ from: "2019-06-03", value: true, basis: "seed", source: `${SEED} 二(五)2` }],
    "temporaryAid.caseByCase": [
      { from: "2019-06-03", value: true, basis: "seed", source: `${SEED} 二(五)2` },
    ],
  },
};
