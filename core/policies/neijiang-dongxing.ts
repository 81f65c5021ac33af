// 内江市东兴区: 社会救助兜底保障工作机制 (2020, seed), with Neijiang's and Sichuan's published figures.

import type { Pack } from "./pack.ts";
import type { Dated } from "./params.ts";

const SEED = "东兴区工作机制";
const NJ2018 = "内江市2018年低保标准（市新闻）";
const SC2021 = "四川省2021年12月低保最低标准";
const SC2022 = "川民发〔2022〕89号";
const SC2023 = "川民发〔2023〕100号";
const RURAL = ["rural" as const];

const floor = (from: string, value: number, source: string): Dated<number> => ({
  from,
  value,
  kind: "floor",
  basis: "supplementary",
  source,
});

const rigid = { discretionary: true, onlyRegisteredPoor: false };

export const neijiangDongxing: Pack = {
  id: "neijiang-dongxing",
  name: "内江市东兴区",
  version: "2026.1",
  figuresConfirmedOn: "2023-07-01",
  coverage: { from: "2020-01-01", to: "2023-07-01" },
  documents: [
    { id: SEED, title: "内江市东兴区脱贫攻坚社会救助兜底保障工作机制", issued: "2020-01-01", basis: "seed" },
    { id: NJ2018, title: "内江市2018年城乡低保标准", issued: "2018-01-01", basis: "supplementary" },
    {
      id: SC2021,
      title: "四川省城乡低保和特困人员基本生活最低标准（2021年12月）",
      issued: "2021-12-01",
      basis: "supplementary",
    },
    {
      id: SC2022,
      title: "四川省提高城乡低保和特困人员基本生活最低标准",
      issued: "2022-07-01",
      basis: "supplementary",
    },
    {
      id: SC2023,
      title: "四川省提高城乡低保和特困人员基本生活最低标准",
      issued: "2023-07-01",
      basis: "supplementary",
    },
  ],
  programs: [
    "dibao",
    "dibao_single",
    "tekun",
    "temporary_aid",
    "unsupported_child",
    "orphan",
    "disability_living_subsidy",
    "disability_care_subsidy",
  ],
  assumptions: [
    {
      param: "dibao.standard.rural",
      note: "三(一) gives 360 as the current (现) rural standard without a date: taken as exact for 2020, the document's year; 2021's figure is unconfirmed, so from 2021-01-01 the 360 stays in force as a floor (the packs' rule), until the Sichuan floor of 415 from 2021-12-01.",
    },
    {
      param: "tekun.basicLiving.rural",
      note: "三(二)2's 500 (现保障标准) is taken as exact for 2020 and as a floor from 2021-01-01 (the next year's figure is unconfirmed), until Sichuan's 特困 floors from 2021-12-01. It is read as the rural figure although 三(二)1 speaks of 城乡: 500 is above 1.3 × the rural standard of 360 (468), as a 特困 figure is, and below the city's urban dibao standard (510 since 2018), which no 特困 figure may be.",
    },
    {
      param: "dibao.supplement",
      note: "三(一)6's tiers are stated for 2020; from 2021 only the 10% floor remains.",
    },
  ],
  gaps: [
    {
      param: "tekun.basicLiving.urban",
      from: "2020-01-01",
      to: "2021-11-30",
      note: "三(二)2's 500 is not taken for urban residents: it is below the urban dibao standard (510), which a 特困 basic-living figure never is; no urban figure is published before Sichuan's floor of 2021-12-01.",
    },
    {
      param: "disabilityLiving.amount",
      from: "2021-01-01",
      note: "三(四)3 gives the 2020 amount only; the new one is 'notified separately'.",
    },
    {
      param: "disabilityCare.amount.grade1",
      from: "2021-01-01",
      note: "三(四)3 gives the 2020 amount only.",
    },
    {
      param: "disabilityCare.amount.grade2",
      from: "2021-01-01",
      note: "三(四)3 gives the 2020 amount only.",
    },
  ],
  params: {
    "dibao.standard.urban": [
      // The city's 2018 figure; later years' are not published here, so from 2019 it is a floor.
      { from: "2018-01-01", to: "2018-12-31", value: 510, basis: "supplementary", source: NJ2018 },
      floor("2019-01-01", 510, NJ2018),
      floor("2021-12-01", 615, SC2021),
      floor("2022-07-01", 680, SC2022),
      floor("2023-07-01", 740, SC2023),
    ],
    "dibao.standard.rural": [
      { from: "2018-01-01", value: 320, basis: "supplementary", source: NJ2018 },
      { from: "2020-01-01", to: "2020-12-31", value: 360, basis: "seed", source: `${SEED} 三(一)` },
      // 2021's figure is unconfirmed: the 2020 one stays in force as a floor until Sichuan's.
      {
        from: "2021-01-01",
        to: "2021-11-30",
        value: 360,
        kind: "floor",
        basis: "seed",
        source: `${SEED} 三(一)`,
      },
      floor("2021-12-01", 415, SC2021),
      floor("2022-07-01", 480, SC2022),
      floor("2023-07-01", 533, SC2023),
    ],
    "dibao.eligibility": [
      {
        from: "2020-01-01",
        value: { localHukou: "required", assetsWithinLimits: true },
        basis: "seed",
        source: `${SEED} 三(一)`,
      },
    ],
    "income.deduct.medical": [{ from: "2020-01-01", value: rigid, basis: "seed", source: `${SEED} 三(一)4` }],
    "income.deduct.care": [{ from: "2020-01-01", value: rigid, basis: "seed", source: `${SEED} 三(一)4` }],
    "income.deduct.rehabilitation": [
      { from: "2020-01-01", value: rigid, basis: "seed", source: `${SEED} 三(一)4` },
    ],
    "income.deduct.employment": [
      { from: "2020-01-01", value: rigid, basis: "seed", source: `${SEED} 三(一)4` },
    ],
    // Starts from incomeAboveStandardSince: the household's (and its office's) statement that its income
    // rose above the standard.
    "dibao.transition": [
      {
        from: "2020-01-01",
        value: {
          trigger: "incomeAboveStandardSince",
          startsNextMonth: false,
          months: 12,
          triggerBy: "2020-12-31",
          incomeCeilingMultiple: null,
          requiresRegisteredPoor: false,
          amount: "not_stated",
          discretionary: true,
          areas: RURAL,
        },
        basis: "seed",
        source: `${SEED} 三(一)5`,
      },
    ],
    "dibao.supplement": [
      {
        from: "2020-01-01",
        to: "2020-12-31",
        value: {
          categories: [
            { id: "elderly", minAge: 60 },
            { id: "minor" },
            { id: "severe_disability", disability: { grades: [1, 2] } },
            { id: "serious_illness" },
          ],
          tiers: [120, 80, 40],
          ratioFloor: 0.1,
          discretionary: true,
          areas: RURAL,
        },
        basis: "seed",
        source: `${SEED} 三(一)6`,
      },
      {
        from: "2021-01-01",
        value: {
          categories: [
            { id: "elderly", minAge: 60 },
            { id: "minor" },
            { id: "severe_disability", disability: { grades: [1, 2] } },
            { id: "serious_illness" },
          ],
          ratioFloor: 0.1,
          discretionary: true,
          areas: RURAL,
        },
        basis: "seed",
        source: `${SEED} 三(一)6`,
      },
    ],
    "dibaoSingle.route.disability": [
      {
        from: "2020-01-01",
        value: {
          disability: [{ grades: [1, 2] }],
          illness: true,
          needsMedicalAid: false,
          adult: true,
          unemployed: true,
          dependsOnFamily: true,
          cannotLiveAlone: true,
          assetsWithinLimits: false,
          incomeTest: "own_plus_support",
          incomeMultiple: 1,
          amount: "standard_minus_own_income",
          discretionary: false,
        },
        basis: "seed",
        source: `${SEED} 三(一)3`,
      },
    ],
    "dibaoSingle.excludedWhenFamilyOnDibao": [
      { from: "2020-01-01", value: true, basis: "seed", source: `${SEED} 三(一)3` },
    ],
    // 以个人名义单独申请低保: 低保 for one, so 三(一)'s 持有我区户籍 applies to it.
    "dibaoSingle.asDibao": [{ from: "2020-01-01", value: true, basis: "seed", source: `${SEED} 三(一)3` }],
    // 其家庭未享受最低生活保障的: the family applies first; a member alone only when it is not on 低保.
    "alternatives.dibaoSingle": [
      { from: "2020-01-01", value: { preferred: "dibao" }, basis: "seed", source: `${SEED} 三(一)3` },
    ],
    "tekun.basicLiving.urban": [
      // Not the seed's 500 (see the gap above): no urban figure until Sichuan's floor.
      floor("2021-12-01", 800, SC2021),
      floor("2022-07-01", 884, SC2022),
      floor("2023-07-01", 962, SC2023),
    ],
    "tekun.basicLiving.rural": [
      { from: "2020-01-01", to: "2020-12-31", value: 500, basis: "seed", source: `${SEED} 三(二)2` },
      {
        from: "2021-01-01",
        to: "2021-11-30",
        value: 500,
        kind: "floor",
        basis: "seed",
        source: `${SEED} 三(二)2`,
      },
      floor("2021-12-01", 540, SC2021),
      floor("2022-07-01", 624, SC2022),
      floor("2023-07-01", 693, SC2023),
    ],
    "temporaryAid.perPerson": [
      { from: "2020-01-01", value: { min: 360, max: 1080 }, basis: "seed", source: `${SEED} 三(六)2` },
    ],
    "temporaryAid.perPersonCap": [
      { from: "2020-01-01", value: 2160, basis: "seed", source: `${SEED} 三(六)2` },
    ],
    "temporaryAid.firstAid": [{ from: "2020-01-01", value: true, basis: "seed", source: `${SEED} 三(六)3` }],
    "temporaryAid.caseByCase": [
      { from: "2020-01-01", value: true, basis: "seed", source: `${SEED} 三(六)2` },
    ],
    // 现保障标准 900, for 2020: later years' figures are unconfirmed, so it stays as a floor from 2021.
    "orphan.level": [
      { from: "2020-01-01", to: "2020-12-31", value: 900, basis: "seed", source: `${SEED} 三(三)2` },
      { from: "2021-01-01", value: 900, kind: "floor", basis: "seed", source: `${SEED} 三(三)2` },
    ],
    "unsupportedChild.level": [
      { from: "2020-01-01", to: "2020-12-31", value: 900, basis: "seed", source: `${SEED} 三(三)3、4` },
      { from: "2021-01-01", value: 900, kind: "floor", basis: "seed", source: `${SEED} 三(三)3、4` },
    ],
    "disabilityLiving.amount": [
      { from: "2020-01-01", to: "2020-12-31", value: 100, basis: "seed", source: `${SEED} 三(四)1、3` },
    ],
    "disabilityCare.amount.grade1": [
      { from: "2020-01-01", to: "2020-12-31", value: 80, basis: "seed", source: `${SEED} 三(四)2、3` },
    ],
    "disabilityCare.amount.grade2": [
      { from: "2020-01-01", to: "2020-12-31", value: 50, basis: "seed", source: `${SEED} 三(四)2、3` },
    ],
  },
};
