// 普宁: 普民〔2021〕77号 (seed), in force for the five-year transition period (to 2025-12-31). Puning's
// standard is set by higher-level notices; Guangdong's published 四类 floors (Jieyang) are the estimate.

import {
  CLASS_4_STANDARD,
  FLOOR_DATES_NOTE,
  GUANGDONG_DOCUMENTS,
  PROVINCIAL_SINGLE_ROUTE,
  TEKUN_RATIO,
  TEKUN_RATIO_NOTE,
} from "./guangdong.ts";
import type { Pack } from "./pack.ts";

const SEED = "普民〔2021〕77号";
const END = "2025-12-31";
export const puning: Pack = {
  id: "puning",
  name: "普宁市",
  version: "2026.1",
  figuresConfirmedOn: "2024-01-01",
  coverage: { from: "2021-08-28", to: "2024-01-01" },
  documents: [
    {
      id: SEED,
      title: "关于巩固拓展脱贫攻坚兜底保障成果进一步做好困难群众基本生活保障工作实施方案",
      issued: "2021-08-28",
      basis: "seed",
    },
    {
      id: "广东省最低工资标准",
      title: "广东省企业职工最低工资标准（四类地区）",
      issued: "2018-07-01",
      basis: "supplementary",
    },
    {
      id: "粤府函〔2021〕345号",
      title: "广东省调整企业职工最低工资标准",
      issued: "2021-12-01",
      basis: "supplementary",
    },
    ...GUANGDONG_DOCUMENTS,
  ],
  programs: ["dibao", "dibao_single", "tekun", "temporary_aid"],
  assumptions: [
    { param: "dibao.standard.urban", note: FLOOR_DATES_NOTE },
    { param: "tekun.ratioToStandard", note: TEKUN_RATIO_NOTE },
    { param: "minimumWage", note: "The 2018 class-四类 minimum wage of 1410 is taken from 2018-07-01." },
    {
      param: "dibaoSingle.route.disability",
      note: "二(五) names 低收入家庭 and 重病、重残 without figures: the national definitions (民发〔2021〕57号: under 1.5 × the standard; grade 1–2, or grade 3 intellectual or mental) are used.",
    },
  ],
  gaps: [],
  params: {
    "dibao.standard.urban": CLASS_4_STANDARD.urban,
    "dibao.standard.rural": CLASS_4_STANDARD.rural,
    "dibao.eligibility": [
      {
        from: "2021-08-28",
        to: END,
        value: { localHukou: "residence_permit_discretionary", assetsWithinLimits: true },
        basis: "seed",
        source: `${SEED} 二(九)`,
      },
    ],
    "tekun.residence": [
      {
        from: "2021-08-28",
        to: END,
        value: { localHukou: "residence_permit_discretionary" },
        basis: "seed",
        source: `${SEED} 二(九)`,
      },
    ],
    // Starts from incomeAboveStandardSince: the household's (and its office's) statement that its income
    // rose above the standard.
    "dibao.transition": [
      {
        from: "2021-08-28",
        to: END,
        value: {
          trigger: "incomeAboveStandardSince",
          startsNextMonth: false,
          months: 6,
          incomeCeilingMultiple: null,
          requiresRegisteredPoor: false,
          amount: "not_stated",
          discretionary: false,
          areas: ["rural"],
        },
        basis: "seed",
        source: `${SEED} 二(一)`,
      },
    ],
    "income.deduct.employment": [
      {
        from: "2021-08-28",
        to: END,
        value: { discretionary: true, onlyRegisteredPoor: false },
        basis: "seed",
        source: `${SEED} 二(一)`,
      },
    ],
    "income.exclude.pensionBasic": [
      { from: "2021-08-28", to: END, value: {}, basis: "seed", source: `${SEED} 二(八)` },
    ],
    "dibaoSingle.route.disability": [
      {
        from: "2021-08-28",
        to: END,
        value: {
          disability: [{ grades: [1, 2] }, { grades: [3], categories: ["intellectual", "mental"] }],
          illness: true,
          needsMedicalAid: false,
          adult: false,
          unemployed: false,
          dependsOnFamily: false,
          cannotLiveAlone: false,
          assetsWithinLimits: true,
          incomeTest: "household_per_capita",
          incomeMultiple: 1.5,
          aboveStandardOnly: true,
          amount: "standard_minus_own_income",
          discretionary: false,
        },
        basis: "seed",
        source: `${SEED} 二(五)`,
      },
    ],
    "dibaoSingle.route.provincial": PROVINCIAL_SINGLE_ROUTE,
    "tekun.ratioToStandard": [
      { from: "2021-08-28", to: END, value: 1.6, kind: "floor", basis: "seed", source: `${SEED} 二(二)` },
      TEKUN_RATIO,
    ],
    "tekun.care.full": [
      { from: "2021-08-28", to: END, value: 0.02, kind: "floor", basis: "seed", source: `${SEED} 二(二)` },
    ],
    "tekun.care.partial": [
      { from: "2021-08-28", to: END, value: 0.3, kind: "floor", basis: "seed", source: `${SEED} 二(二)` },
    ],
    "tekun.care.none": [
      { from: "2021-08-28", to: END, value: 0.6, kind: "floor", basis: "seed", source: `${SEED} 二(二)` },
    ],
    minimumWage: [
      { from: "2018-07-01", value: 1410, basis: "supplementary", source: "广东省最低工资标准（四类，2018）" },
      { from: "2021-12-01", value: 1620, basis: "supplementary", source: "粤府函〔2021〕345号" },
    ],
    "temporaryAid.eligibility": [
      {
        from: "2021-08-28",
        to: END,
        value: { place: "hukou_or_site" },
        basis: "seed",
        source: `${SEED} 二(六)`,
      },
    ],
    "temporaryAid.firstAid": [
      { from: "2021-08-28", to: END, value: true, basis: "seed", source: `${SEED} 二(六)` },
    ],
    "temporaryAid.caseByCase": [
      { from: "2021-08-28", to: END, value: true, basis: "seed", source: `${SEED} 二(六)` },
    ],
  },
};
