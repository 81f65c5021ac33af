// 江门: 江府办〔2017〕23号 (seed). The document gives no standard; Guangdong's published provincial floors
// (class 三类, and 四类 for 台山/开平/恩平) are the estimate and its lower bound.

import {
  CLASS_3_STANDARD,
  CLASS_4_STANDARD,
  FLOOR_DATES_NOTE,
  GUANGDONG_DOCUMENTS,
  PROVINCIAL_SINGLE_ROUTE,
  TEKUN_RATIO,
  TEKUN_RATIO_NOTE,
} from "./guangdong.ts";
import type { Pack } from "./pack.ts";

const SEED = "江府办〔2017〕23号";
const CLASS_4 = {
  "dibao.standard.urban": CLASS_4_STANDARD.urban,
  "dibao.standard.rural": CLASS_4_STANDARD.rural,
};

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
    ...GUANGDONG_DOCUMENTS,
  ],
  programs: ["dibao", "dibao_single", "temporary_aid"],
  assumptions: [
    { param: "dibao.standard.urban", note: FLOOR_DATES_NOTE },
    { param: "tekun.ratioToStandard", note: TEKUN_RATIO_NOTE },
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
    "dibao.standard.urban": CLASS_3_STANDARD,
    "dibao.standard.rural": CLASS_3_STANDARD,
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
    // Starts from the poverty exit (经市（区）政府确定已脱贫), which by itself says nothing of income against
    // the dibao standard: the office then decides whether to reduce or stop (决定减发或停发).
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
    "dibaoSingle.route.provincial": PROVINCIAL_SINGLE_ROUTE,
    "tekun.ratioToStandard": [TEKUN_RATIO],
  },
  counties: {
    taishan: { name: "台山市", params: CLASS_4 },
    kaiping: { name: "开平市", params: CLASS_4 },
    enping: { name: "恩平市", params: CLASS_4 },
  },
};
