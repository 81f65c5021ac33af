// The national base layer: rules local documents assume but do not restate. Amounts are local, so this
// layer gives conditions only; a program screened from it alone has `monthly: null`.

import type { Pack } from "./pack.ts";

const SEVERE_DISABILITY_57 = [
  { grades: [1, 2] },
  { grades: [3], categories: ["intellectual" as const, "mental" as const] },
];

export const national: Pack = {
  id: "national",
  name: "国家规定（基础层）",
  version: "2026.1",
  figuresConfirmedOn: "2026-11-01",
  coverage: { from: "2017-01-01", to: "2026-11-01" },
  documents: [
    {
      id: "社会救助暂行办法",
      title: "社会救助暂行办法（国务院令第649号）",
      issued: "2014-02-21",
      basis: "national",
    },
    {
      id: "特困人员认定办法",
      title: "特困人员认定办法（民发〔2021〕43号）",
      issued: "2021-04-26",
      basis: "national",
    },
    { id: "民发〔2021〕57号", title: "最低生活保障审核确认办法", issued: "2021-06-11", basis: "national" },
    {
      id: "民发〔2019〕62号",
      title: "关于进一步加强事实无人抚养儿童保障工作的意见",
      issued: "2019-06-18",
      basis: "national",
    },
    {
      id: "民发〔2020〕125号",
      title: "关于进一步做好事实无人抚养儿童保障有关工作的通知",
      issued: "2020-12-01",
      basis: "national",
    },
    {
      id: "国办发〔2010〕54号",
      title: "国务院办公厅关于加强孤儿保障工作的意见",
      issued: "2010-11-16",
      basis: "national",
    },
    {
      id: "关于改革完善社会救助制度的意见",
      title: "中共中央办公厅 国务院办公厅《关于改革完善社会救助制度的意见》",
      issued: "2020-08-25",
      basis: "national",
    },
    {
      id: "国发〔2015〕52号",
      title: "国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见",
      issued: "2015-09-22",
      basis: "national",
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
      param: "tekun.eligibility",
      note: "特困人员认定办法 (2021) defines 无劳动能力 by age and disability grade; the same ages apply under 社会救助暂行办法 第十四条 before it, so the definition is used from 2014-05-01.",
    },
    { param: "dibaoSingle.route.national", note: "民发〔2021〕57号 is taken to apply from 2021-07-01." },
    {
      param: "unsupportedChild.definition",
      note: "民发〔2019〕62号 is taken to apply from 2019-07-01, and the statuses 民发〔2020〕125号 adds from 2021-01-01.",
    },
  ],
  gaps: [],
  params: {
    "dibao.eligibility": [
      {
        from: "2014-05-01",
        value: { localHukou: "required", assetsWithinLimits: true },
        basis: "national",
        source: "社会救助暂行办法 第九条、第十一条",
      },
    ],
    "dibaoSingle.route.national": [
      {
        from: "2021-07-01",
        value: {
          disability: SEVERE_DISABILITY_57,
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
        basis: "national",
        source: "民发〔2021〕57号 第十一条（低保边缘家庭中的重残、重病人员）",
      },
    ],
    "dibaoSingle.asDibao": [
      {
        from: "2014-05-01",
        value: true,
        basis: "national",
        source: "社会救助暂行办法 第九条、第十一条",
      },
    ],
    "alternatives.dibaoTekun": [
      {
        from: "2014-05-01",
        value: { preferred: null },
        basis: "national",
        source: "社会救助暂行办法 第九条、第十四条",
      },
    ],
    "alternatives.singleTekun": [
      {
        from: "2014-05-01",
        value: { preferred: null },
        basis: "national",
        source: "社会救助暂行办法 第九条、第十四条",
      },
    ],
    "alternatives.dibaoSingle": [
      {
        from: "2014-05-01",
        value: { preferred: null },
        basis: "national",
        source: "社会救助暂行办法 第九条",
      },
      {
        from: "2021-07-01",
        value: { preferred: "dibao" },
        basis: "national",
        source: "民发〔2021〕57号 第十一条（低保边缘家庭）",
      },
    ],
    "dibaoSingle.excludedWhenFamilyOnDibao": [
      {
        from: "2021-07-01",
        value: true,
        basis: "national",
        source: "民发〔2021〕57号 第十一条（低保边缘家庭）",
      },
    ],
    "tekun.eligibility": [
      {
        from: "2014-05-01",
        value: {
          minAge: 60,
          underAge: 16,
          keepToAge: 18,
          disability: [
            { grades: [1, 2, 3], categories: ["intellectual", "mental"] },
            { grades: [1, 2], categories: ["physical"] },
            { grades: [1], categories: ["visual"] },
          ],
        },
        basis: "national",
        source: "社会救助暂行办法 第十四条；特困人员认定办法 第六条、第七条",
      },
    ],
    "tekun.residence": [
      {
        from: "2014-05-01",
        value: { localHukou: "required" },
        basis: "national",
        source: "特困人员认定办法（向户籍所在地乡镇人民政府、街道办事处申请）",
      },
    ],
    "temporaryAid.eligibility": [
      {
        from: "2014-05-01",
        value: { place: "hukou_or_site_if_urgent" },
        basis: "national",
        source: "社会救助暂行办法 第四十七条、第四十八条",
      },
    ],
    "temporaryAid.firstAid": [
      {
        from: "2020-08-25",
        value: true,
        basis: "national",
        source: "关于改革完善社会救助制度的意见 （急难型先行救助）",
      },
    ],
    "unsupportedChild.definition": [
      {
        from: "2019-07-01",
        to: "2020-12-31",
        value: {
          underAge: 18,
          statuses: [
            "severe_disability",
            "serious_illness",
            "imprisoned",
            "compulsory_rehab",
            "liberty_restricted",
            "unreachable",
          ],
          sixMonthStatuses: ["imprisoned", "compulsory_rehab", "liberty_restricted", "unreachable"],
          termStatuses: ["imprisoned", "compulsory_rehab", "liberty_restricted"],
          deadOrMissing: ["deceased", "missing"],
        },
        basis: "national",
        source: "民发〔2019〕62号 一",
      },
      {
        from: "2021-01-01",
        value: {
          underAge: 18,
          statuses: [
            "severe_disability",
            "serious_illness",
            "imprisoned",
            "compulsory_rehab",
            "liberty_restricted",
            "unreachable",
            "guardianship_revoked",
            "deported",
          ],
          sixMonthStatuses: ["imprisoned", "compulsory_rehab", "liberty_restricted", "unreachable"],
          termStatuses: ["imprisoned", "compulsory_rehab", "liberty_restricted"],
          deadOrMissing: ["deceased", "missing"],
        },
        basis: "national",
        source: "民发〔2020〕125号 一",
      },
    ],
    "orphan.definition": [
      {
        from: "2010-11-16",
        value: { underAge: 18, statuses: ["deceased", "missing"] },
        basis: "national",
        source: "国办发〔2010〕54号 一",
      },
    ],
    "disabilityLiving.eligibility": [
      {
        from: "2016-01-01",
        value: { requiresDibao: true },
        basis: "national",
        source: "国发〔2015〕52号 二(二)",
      },
    ],
    "disabilityCare.eligibility": [
      { from: "2016-01-01", value: { grades: [1, 2] }, basis: "national", source: "国发〔2015〕52号 二(二)" },
    ],
  },
};
