// 普宁: 普民〔2021〕77号 (seed), in force for the five-year transition period (to 2025-12-31). Puning's
// standard is set by higher-level notices; Guangdong's published 四类 floors (Jieyang) are the estimate.

import type { Pack } from "./pack.ts";
import type { Dated } from "./params.ts";

const SEED = "普民〔2021〕77号";
const END = "2025-12-31";
const GD2020 = "《2020年全省城乡低保最低标准》";
const GD2022 = "广东省民政厅 2022-04-29 低保最低标准";
const GD2023 = "广东省2023年低保最低标准（转载）";
const GD2024 = "粤民发〔2024〕40号";

const floor = (from: string, value: number, source: string): Dated<number> => ({
  from,
  value,
  kind: "floor",
  basis: "supplementary",
  source,
});

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
    { id: GD2020, title: "2020年全省城乡低保最低标准", issued: "2020-01-01", basis: "supplementary" },
    {
      id: GD2022,
      title: "广东省民政厅公布2022年城乡低保最低标准",
      issued: "2022-04-29",
      basis: "supplementary",
    },
    {
      id: GD2023,
      title: "广东省2023年城乡低保最低标准（省通知转载）",
      issued: "2023-01-01",
      basis: "supplementary",
    },
    {
      id: GD2024,
      title: "粤民发〔2024〕40号 城乡低保最低标准",
      issued: "2024-01-01",
      basis: "supplementary",
    },
    {
      id: "粤民函〔2024〕135号",
      title: "特困人员基本生活标准不低于低保标准1.6倍",
      issued: "2024-01-01",
      basis: "supplementary",
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
    {
      id: "广东省最低生活保障制度实施办法",
      title: "广东省最低生活保障制度实施办法（2019-09-01施行）",
      issued: "2019-09-01",
      basis: "supplementary",
    },
  ],
  programs: ["dibao", "dibao_single", "tekun", "temporary_aid"],
  assumptions: [
    {
      param: "dibao.standard.urban",
      note: "Provincial floors are taken from 1 January of their year; the 2022 floor from its notice, 2022-04-29.",
    },
    { param: "minimumWage", note: "The 2018 class-四类 minimum wage of 1410 is taken from 2018-07-01." },
    {
      param: "dibaoSingle.route.disability",
      note: "二(五) names 低收入家庭 and 重病、重残 without figures: the national definitions (民发〔2021〕57号: under 1.5 × the standard; grade 1–2, or grade 3 intellectual or mental) are used.",
    },
  ],
  gaps: [],
  params: {
    "dibao.standard.urban": [
      floor("2020-01-01", 772, GD2020),
      floor("2022-04-29", 828, GD2022),
      floor("2023-01-01", 857, GD2023),
      floor("2024-01-01", 860, GD2024),
    ],
    "dibao.standard.rural": [
      floor("2020-01-01", 532, GD2020),
      floor("2022-04-29", 579, GD2022),
      floor("2023-01-01", 600, GD2023),
      floor("2024-01-01", 645, GD2024),
    ],
    "dibao.eligibility": [
      {
        from: "2021-08-28",
        to: END,
        value: { localHukou: "residence_permit_discretionary", assetsWithinLimits: true },
        basis: "seed",
        source: `${SEED} 二(九)`,
      },
    ],
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
          amount: "standard_minus_own_income",
          discretionary: false,
        },
        basis: "seed",
        source: `${SEED} 二(五)`,
      },
    ],
    "dibaoSingle.route.provincial": [
      {
        from: "2019-09-01",
        value: {
          disability: [{ grades: [1, 2] }, { grades: [3, 4], categories: ["intellectual", "mental"] }],
          illness: false,
          needsMedicalAid: false,
          adult: true,
          unemployed: true,
          dependsOnFamily: false,
          cannotLiveAlone: false,
          assetsWithinLimits: true,
          incomeTest: "own",
          incomeMultiple: 1,
          amount: "standard_minus_own_income",
          discretionary: false,
        },
        basis: "supplementary",
        source: "广东省最低生活保障制度实施办法（单独申请）",
      },
    ],
    "tekun.ratioToStandard": [
      { from: "2021-08-28", to: END, value: 1.6, kind: "floor", basis: "seed", source: `${SEED} 二(二)` },
      {
        from: "2024-01-01",
        value: 1.6,
        kind: "floor",
        basis: "supplementary",
        source: "粤民函〔2024〕135号",
      },
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
      { from: "2021-08-28", to: END, value: { place: "site" }, basis: "seed", source: `${SEED} 二(六)` },
    ],
    "temporaryAid.firstAid": [
      { from: "2021-08-28", to: END, value: true, basis: "seed", source: `${SEED} 二(六)` },
    ],
    "temporaryAid.caseByCase": [
      { from: "2021-08-28", to: END, value: true, basis: "seed", source: `${SEED} 二(六)` },
    ],
  },
};
