// Every figure in a pack cites one of that pack's own documents, and every figure the seed documents
// give is in some pack, at the parameter it belongs to, citing the seed clause it comes from.

import { describe, expect, it } from "vitest";
import { national, PACKS } from "../../core/policies/index.ts";
import type { Pack } from "../../core/policies/pack.ts";
import type { Dated, ParamKey, ParamTable } from "../../core/policies/params.ts";

const packs: Pack[] = [...Object.values(PACKS), national];

/** The pack's own table and each county's, with where they are. */
function tables(pack: Pack): { where: string; table: ParamTable }[] {
  return [
    { where: pack.id, table: pack.params },
    ...Object.entries(pack.counties ?? {}).map(([id, c]) => ({ where: `${pack.id}/${id}`, table: c.params })),
  ];
}

function entries(table: ParamTable): { key: ParamKey; value: Dated<unknown> }[] {
  return Object.entries(table).flatMap(([key, values]) =>
    (values as Dated<unknown>[]).map((value) => ({ key: key as ParamKey, value })),
  );
}

describe.each(packs.map((p) => [p.id, p] as const))("pack %s cites its own documents", (_, pack) => {
  it("starts every value's source with the id of a document the pack lists (no borrowed citations)", () => {
    const ids = pack.documents.map((d) => d.id);
    const uncited: string[] = [];
    let checked = 0;
    for (const { where, table } of tables(pack)) {
      for (const { key, value } of entries(table)) {
        checked++;
        if (!ids.some((id) => value.source.startsWith(id)))
          uncited.push(`${where} ${key} from ${value.from}: "${value.source}"`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(uncited).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The seed figures, read off shared/seeds/*.txt when this list was written (never at test time).

interface SeedFigure {
  pack: string;
  param: ParamKey;
  /** Where inside the parameter's value: "" for a plain amount, `months`, `categories[].ratio`, `tiers[]`. */
  at: string;
  value: number | string;
  /** The section of the seed document the figure is in; the value's source must name it. */
  section: string;
  /** The clause, as the document words it. */
  text: string;
  from?: string;
  kind?: "floor" | "exact";
}

const SEED_FIGURES: SeedFigure[] = [
  // 锡民联发〔2019〕4号 (wuxi-2019.txt)
  ...(["dibao.standard.urban", "dibao.standard.rural"] as const).map((param) => ({
    pack: "wuxi",
    param,
    at: "",
    value: 1000,
    from: "2020-07-01",
    kind: "floor" as const,
    section: "二(一)1",
    text: "确保从2020年7月1日起，最低生活保障标准达到每人每月1000元以上",
  })),
  {
    pack: "wuxi",
    param: "dibao.transition",
    at: "incomeCeilingMultiple",
    value: 2,
    section: "二(一)3",
    text: "人均收入超过当地低保标准但在低保标准2倍以内",
  },
  {
    pack: "wuxi",
    param: "dibao.transition",
    at: "months",
    value: 24,
    section: "二(一)3",
    text: "可给予不超过2年的渐退期",
  },
  {
    pack: "wuxi",
    param: "dibaoSingle.route.disability",
    at: "incomeMultiple",
    value: 2,
    section: "二(二)1",
    text: "家庭人均月收入低于当地低保标准2倍的所有靠家庭供养且无法单独立户的一级、二级重度残疾人",
  },
  {
    pack: "wuxi",
    param: "dibaoSingle.route.illness",
    at: "incomeMultiple",
    value: 2,
    section: "二(二)2",
    text: "对家庭人均月收入低于当地低保标准2倍……已经享受医疗救助的大重病患者",
  },
  {
    pack: "wuxi",
    param: "tekun.ratioToStandard",
    at: "",
    value: 1.5,
    section: "二(四)1",
    text: "力争到2020年供养标准大市统一且不低于低保标准的1.5倍",
  },
  // 江府办〔2017〕23号 (jiangmen-2017.txt)
  {
    pack: "jiangmen",
    param: "dibao.transition",
    at: "months",
    value: 6,
    section: "二(四)",
    text: "可继续保留原有低保待遇及补差水平6个月",
  },
  {
    pack: "jiangmen",
    param: "dibao.averageTopUpTarget.urban",
    at: "",
    value: 0.75,
    section: "二(三)",
    text: "2018年，城镇低保补差水平不低于当地低保标准的75%",
  },
  {
    pack: "jiangmen",
    param: "dibao.averageTopUpTarget.rural",
    at: "",
    value: 0.5,
    section: "二(三)",
    text: "农村低保补差水平不低于当地低保标准的50%",
  },
  // 普民〔2021〕77号 (puning-2021.txt)
  {
    pack: "puning",
    param: "dibao.transition",
    at: "months",
    value: 6,
    section: "二(一)",
    text: "对家庭人均收入超过当地低保标准的，给予6个月的救助渐退期",
  },
  {
    pack: "puning",
    param: "tekun.ratioToStandard",
    at: "",
    value: 1.6,
    section: "二(二)",
    text: "特困人员基本生活标准按不低于当地最低生活保障标准的1.6倍",
  },
  ...(
    [
      ["tekun.care.full", 0.02],
      ["tekun.care.partial", 0.3],
      ["tekun.care.none", 0.6],
    ] as const
  ).map(([param, value]) => ({
    pack: "puning",
    param,
    at: "",
    value,
    section: "二(二)",
    text: "全自理、半自理、全护理特困人员照料护理标准分别按不低于当地公布的企业职工最低工资标准的2%、30%、60%确定",
  })),
  // 吉民发〔2018〕12号 (jilin-2018.txt)
  {
    pack: "jilin",
    param: "dibao.supplement",
    at: "categories[].ratio",
    value: 0.6,
    section: "三(三)",
    text: "重特大疾病患者且有持续重大支出的，按不低于当地低保标准60%比例增发补助金",
  },
  {
    pack: "jilin",
    param: "dibao.supplement",
    at: "categories[].ratio",
    value: 0.5,
    section: "三(三)",
    text: "70周岁以上老年人、二级以上……残疾人员……按不低于当地低保标准50%比例增发补助金",
  },
  {
    pack: "jilin",
    param: "dibao.supplement",
    at: "categories[].minAge",
    value: 70,
    section: "三(三)",
    text: "对于低保家庭中的70周岁以上老年人",
  },
  {
    pack: "jilin",
    param: "dibao.transition",
    at: "taperPerYear",
    value: 0.25,
    section: "三(四)",
    text: "在2020年底前逐年递减，年度递减幅度为25%",
  },
  {
    pack: "jilin",
    param: "dibao.transition",
    at: "endsOn",
    value: "2020-12-31",
    section: "三(四)",
    text: "继续享受农村低保待遇到2020年底",
  },
  {
    pack: "jilin",
    param: "dibao.transition",
    at: "incomeCeilingMultiple",
    value: 2,
    section: "三(四)",
    text: "家庭人均可支配收入低于当地低保标准2倍的建档立卡家庭",
  },
  {
    pack: "jilin",
    param: "dibao.expenseRoute",
    at: "coverageMonths",
    value: 12,
    section: "三(二)",
    text: "纳入低保保障范围，享受一年最低生活保障待遇",
  },
  // 内江市东兴区 社会救助兜底保障工作机制 (neijiang-dongxing-2020.txt)
  {
    pack: "neijiang-dongxing",
    param: "dibao.standard.rural",
    at: "",
    value: 360,
    section: "三(一)",
    text: "现农村低保月保障标准为360元",
  },
  ...[120, 80, 40].map((value) => ({
    pack: "neijiang-dongxing",
    param: "dibao.supplement" as const,
    at: "tiers[]",
    value,
    section: "三(一)6",
    text: "2020年农村低保分类救助标准暂按：一档每人每月120元、二档每人每月80元、三档每人每月40元执行",
  })),
  {
    pack: "neijiang-dongxing",
    param: "dibao.supplement",
    at: "ratioFloor",
    value: 0.1,
    section: "三(一)6",
    text: "可以按照不低于我区低保保障标准10%的水平提高救助金额",
  },
  {
    pack: "neijiang-dongxing",
    param: "dibao.transition",
    at: "months",
    value: 12,
    section: "三(一)5",
    text: "渐退期原则上不超过12个月",
  },
  {
    pack: "neijiang-dongxing",
    param: "tekun.basicLiving.rural",
    at: "",
    value: 500,
    section: "三(二)2",
    text: "按时足额发放特困人员供养金，现保障标准为每人每月500元",
  },
  {
    pack: "neijiang-dongxing",
    param: "orphan.level",
    at: "",
    value: 900,
    section: "三(三)2",
    text: "按月发放孤儿基本生活费，现保障标准为每人每月900元",
  },
  {
    pack: "neijiang-dongxing",
    param: "unsupportedChild.level",
    at: "",
    value: 900,
    section: "三(三)3",
    text: "纳入事实无人抚养儿童保障范围。现保障标准为每人每月900元",
  },
  {
    pack: "neijiang-dongxing",
    param: "disabilityLiving.amount",
    at: "",
    value: 100,
    section: "三(四)",
    text: "三(四)3: 2020年困难残疾人生活补贴按每人每月100元的标准发放",
  },
  {
    pack: "neijiang-dongxing",
    param: "disabilityCare.amount.grade1",
    at: "",
    value: 80,
    section: "三(四)",
    text: "三(四)3: 重度残疾人护理补贴按重残一级每人每月80元",
  },
  {
    pack: "neijiang-dongxing",
    param: "disabilityCare.amount.grade2",
    at: "",
    value: 50,
    section: "三(四)",
    text: "三(四)3: 重残二级每人每月50元标准发放",
  },
  {
    pack: "neijiang-dongxing",
    param: "temporaryAid.perPerson",
    at: "min",
    value: 360,
    section: "三(六)2",
    text: "按照360-1080元∕人的标准给予一次性救助",
  },
  {
    pack: "neijiang-dongxing",
    param: "temporaryAid.perPerson",
    at: "max",
    value: 1080,
    section: "三(六)2",
    text: "按照360-1080元∕人的标准给予一次性救助",
  },
  {
    pack: "neijiang-dongxing",
    param: "temporaryAid.perPersonCap",
    at: "",
    value: 2160,
    section: "三(六)2",
    text: "特别困难的给予不超过2160元∕人的一次性救助",
  },
];

/** Every leaf inside a value, with its path (array positions as `[]`). */
function leaves(value: unknown, path = ""): { path: string; leaf: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, `${path}[]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path === "" ? k : `${path}.${k}`));
  return [{ path, leaf: value }];
}

/** The pack values (pack-wide or a county's) that hold this figure where it belongs, citing its clause. */
function holders(figure: SeedFigure): Dated<unknown>[] {
  const pack = packs.find((p) => p.id === figure.pack);
  if (pack === undefined) return [];
  const seedIds = pack.documents.filter((d) => d.basis === "seed").map((d) => d.id);
  return tables(pack)
    .flatMap(({ table }) => (table[figure.param] ?? []) as Dated<unknown>[])
    .filter(
      (v) =>
        v.basis === "seed" &&
        seedIds.some((id) => v.source.startsWith(id)) &&
        v.source.includes(figure.section) &&
        (figure.from === undefined || v.from === figure.from) &&
        (figure.kind === undefined || (v.kind ?? "exact") === figure.kind) &&
        leaves(v.value).some((l) => l.path === figure.at && l.leaf === figure.value),
    );
}

function label(f: SeedFigure): string {
  return `${f.pack} ${f.param}${f.at ? `.${f.at}` : ""} = ${f.value}${f.from ? ` from ${f.from}` : ""} (${f.section}: ${f.text})`;
}

describe("every seed figure is in some pack", () => {
  it.each(SEED_FIGURES.map((f) => [label(f), f] as const))("%s", (_, figure) => {
    expect(holders(figure), label(figure)).not.toEqual([]);
  });

  it("Jiangmen leaves the basic pension (城乡居民基本养老保险基础养老金) out of income (二(二): 暂不计入家庭收入)", () => {
    const rule = (PACKS.jiangmen.params["income.exclude.pensionBasic"] ?? []).filter(
      (v) => v.basis === "seed" && v.source.startsWith("江府办〔2017〕23号") && v.source.includes("二(二)"),
    );
    expect(rule).not.toEqual([]);
  });

  it("does not find a figure the packs do not hold (a 130-yuan Dongxing tier, or 1000 for Wuxi before 2020-07-01)", () => {
    const base = SEED_FIGURES.find((f) => f.param === "dibao.supplement" && f.value === 120) as SeedFigure;
    expect(holders({ ...base, value: 130 })).toEqual([]);
    expect(holders({ ...base, section: "三(一)5" })).toEqual([]);
    const wuxi = SEED_FIGURES[0] as SeedFigure;
    expect(holders(wuxi)).not.toEqual([]);
    expect(holders({ ...wuxi, from: "2019-06-03" })).toEqual([]);
  });
});
