// Guangdong's published figures and provincial rules, shared by the Jiangmen and Puning packs
// (shared/spec/published-figures.md): 低保 floors by city class, the 特困 multiple, and the right of adults
// without work with a severe disability to apply for 低保 alone.

import type { PackDocument } from "./pack.ts";
import type { Dated, ParamValue } from "./params.ts";

const GD2020 = "《2020年全省城乡低保最低标准》";
const GD2022 = "广东省民政厅 2022-04-29 低保最低标准";
const GD2023 = "广东省2023年低保最低标准（转载）";
const GD2024 = "粤民发〔2024〕40号";
const TEKUN = "粤民函〔2024〕135号";
const MEASURES = "广东省最低生活保障制度实施办法";

export const GUANGDONG_DOCUMENTS: PackDocument[] = [
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
  { id: GD2024, title: "粤民发〔2024〕40号 城乡低保最低标准", issued: "2024-01-01", basis: "supplementary" },
  {
    id: TEKUN,
    title: "特困人员基本生活标准不低于低保标准1.6倍",
    issued: "2024-01-01",
    basis: "supplementary",
  },
  {
    id: MEASURES,
    title: "广东省最低生活保障制度实施办法（2019-09-01施行）",
    issued: "2019-09-01",
    basis: "supplementary",
  },
];

export const FLOOR_DATES_NOTE =
  "Provincial floors are taken from 1 January of their year; the 2022 floor from its notice, 2022-04-29.";

const floor = (from: string, value: number, source: string): Dated<number> => ({
  from,
  value,
  kind: "floor",
  basis: "supplementary",
  source,
});

/** 三类 cities (Jiangmen outside 台山/开平/恩平): urban and rural alike. 2021 is unconfirmed, so absent. */
export const CLASS_3_STANDARD = [floor("2020-01-01", 824, GD2020), floor("2022-04-29", 883, GD2022)];

/** 四类 (台山, 开平, 恩平, and Jieyang, so Puning). 2019 and 2021 are unconfirmed, so absent. */
export const CLASS_4_STANDARD = {
  urban: [
    floor("2020-01-01", 772, GD2020),
    floor("2022-04-29", 828, GD2022),
    floor("2023-01-01", 857, GD2023),
    floor("2024-01-01", 860, GD2024),
  ],
  rural: [
    floor("2020-01-01", 532, GD2020),
    floor("2022-04-29", 579, GD2022),
    floor("2023-01-01", 600, GD2023),
    floor("2024-01-01", 645, GD2024),
  ],
};

export const TEKUN_RATIO_NOTE = "粤民函〔2024〕135号 is taken to apply from 2024-01-01.";

/** 特困 basic living at least 1.6 × the local 低保 standard; taken to apply from 2024-01-01. */
export const TEKUN_RATIO: Dated<number> = {
  from: "2024-01-01",
  value: 1.6,
  kind: "floor",
  basis: "supplementary",
  source: TEKUN,
};

/** Adults without work with a severe, or grade 3–4 intellectual or mental, disability may apply alone. */
export const PROVINCIAL_SINGLE_ROUTE: Dated<ParamValue<"dibaoSingle.route.provincial">>[] = [
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
    source: `${MEASURES}（单独申请）`,
  },
];
