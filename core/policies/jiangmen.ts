// 江门: 江府办〔2017〕23号 (seed). The document gives no standard; Guangdong's published provincial floors
// (class 三类, and 四类 for 台山/开平/恩平) are the estimate and its lower bound.

import type { Pack } from "./pack.ts";
import type { Dated } from "./params.ts";

const SEED = "江府办〔2017〕23号";
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

/** 三类: urban and rural alike (two lines merged in 2018, 二(三)). */
const class3 = [floor("2020-01-01", 824, GD2020), floor("2022-04-29", 883, GD2022)];
const class4Urban = [
  floor("2020-01-01", 772, GD2020),
  floor("2022-04-29", 828, GD2022),
  floor("2023-01-01", 857, GD2023),
  floor("2024-01-01", 860, GD2024),
];
const class4Rural = [
  floor("2020-01-01", 532, GD2020),
  floor("2022-04-29", 579, GD2022),
  floor("2023-01-01", 600, GD2023),
  floor("2024-01-01", 645, GD2024),
];
const class4 = { "dibao.standard.urban": class4Urban, "dibao.standard.rural": class4Rural };

const rigid = { discretionary: true, onlyRegisteredPoor: false };

export const jiangmen: Pack = {
  id: "jiangmen",
  name: "江门市",
  version: "2026.1",
  figuresConfirmedOn: "2024-01-01",
  coverage: { from: "2017-05-27", to: "2024-01-01" },
  documents: [
    {
      id: SEED,
      title: "江门市加快推进城乡低保制度与扶贫开发政策有效衔接的实施方案",
      issued: "2017-05-27",
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
      id: "广东省最低生活保障制度实施办法",
      title: "广东省最低生活保障制度实施办法（2019-09-01施行）",
      issued: "2019-09-01",
      basis: "supplementary",
    },
  ],
  programs: ["dibao", "dibao_single", "temporary_aid"],
  assumptions: [
    {
      param: "dibao.standard.urban",
      note: "Provincial floors are taken from 1 January of their year; the 2022 floor from its notice, 2022-04-29.",
    },
    { param: "tekun.ratioToStandard", note: "粤民函〔2024〕135号 is taken to apply from 2024-01-01." },
  ],
  gaps: [
    {
      param: "dibao.averageTopUpTarget.urban",
      from: "2019-01-01",
      note: "二(三) sets the average top-up target for 2018 only.",
    },
    {
      param: "dibao.averageTopUpTarget.rural",
      from: "2019-01-01",
      note: "二(三) sets the average top-up target for 2018 only.",
    },
    {
      param: "dibao.standard.urban",
      from: "2017-05-27",
      to: "2019-12-31",
      note: "江府办〔2017〕23号 gives no standard, and Guangdong's 2019 floors are unconfirmed.",
    },
    {
      param: "dibao.standard.rural",
      from: "2017-05-27",
      to: "2019-12-31",
      note: "江府办〔2017〕23号 gives no standard, and Guangdong's 2019 floors are unconfirmed.",
    },
  ],
  params: {
    "dibao.standard.urban": class3,
    "dibao.standard.rural": class3,
    "dibao.averageTopUpTarget.urban": [
      {
        from: "2018-01-01",
        to: "2018-12-31",
        value: 0.75,
        kind: "floor",
        basis: "seed",
        source: `${SEED} 二(三)`,
      },
    ],
    "dibao.averageTopUpTarget.rural": [
      {
        from: "2018-01-01",
        to: "2018-12-31",
        value: 0.5,
        kind: "floor",
        basis: "seed",
        source: `${SEED} 二(三)`,
      },
    ],
    "income.exclude.pensionBasic": [
      { from: "2017-05-27", value: {}, basis: "seed", source: `${SEED} 二(二)` },
    ],
    "income.deduct.medical": [{ from: "2017-05-27", value: rigid, basis: "seed", source: `${SEED} 二(二)` }],
    "income.deduct.care": [{ from: "2017-05-27", value: rigid, basis: "seed", source: `${SEED} 二(二)` }],
    "income.deduct.rehabilitation": [
      { from: "2017-05-27", value: rigid, basis: "seed", source: `${SEED} 二(二)` },
    ],
    "dibao.transition": [
      {
        from: "2017-05-27",
        value: {
          trigger: "povertyExitedOn",
          startsNextMonth: false,
          months: 6,
          incomeCeilingMultiple: null,
          requiresRegisteredPoor: false,
          amount: "current",
          discretionary: true,
        },
        basis: "seed",
        source: `${SEED} 二(四)`,
      },
    ],
    "dibaoSingle.route.disability": [
      {
        from: "2017-05-27",
        value: {
          disability: [{ grades: [1, 2] }],
          illness: false,
          needsMedicalAid: false,
          adult: true,
          unemployed: true,
          dependsOnFamily: true,
          cannotLiveAlone: true,
          assetsWithinLimits: false,
          incomeTest: "unstated",
          incomeMultiple: 1,
          amount: "standard_minus_own_income",
          discretionary: true,
        },
        basis: "seed",
        source: `${SEED} 二(一)`,
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
      {
        from: "2024-01-01",
        value: 1.6,
        kind: "floor",
        basis: "supplementary",
        source: "粤民函〔2024〕135号",
      },
    ],
  },
  counties: {
    taishan: { name: "台山市", params: class4 },
    kaiping: { name: "开平市", params: class4 },
    enping: { name: "恩平市", params: class4 },
  },
};
