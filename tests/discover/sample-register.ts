// The made-up sample register in tests/fixtures/register-sample.jsonl: 100 households of the kinds a
// county's low-income register holds (低保边缘, 支出型困难, people who left dibao), in the five places,
// with made-up names and numbers. Written from a seed, so the file can be made again:
// UPDATE_SAMPLE=1 npx vitest run sample-register (the test checks the committed file is this one).

import type { Situation } from "../../core/schema/situation.ts";
import { NOTHING_RECEIVED } from "../core/clauses/dibao-helpers.ts";

/** A small seeded generator (mulberry32): the same households every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  { id: "wuxi", prefix: "WX", counties: [undefined] },
  { id: "jiangmen", prefix: "JM", counties: ["taishan", "kaiping", "enping", undefined] },
  { id: "puning", prefix: "PN", counties: [undefined] },
  { id: "jilin", prefix: "JL", counties: [undefined] },
  { id: "neijiang-dongxing", prefix: "DX", counties: [undefined] },
] as const;

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
];
const GIVEN = [
  "秀英",
  "桂兰",
  "建国",
  "玉兰",
  "志强",
  "淑珍",
  "国华",
  "丽华",
  "德明",
  "春梅",
  "海燕",
  "文军",
];

type Kind = (
  r: () => number,
  pick: <T>(xs: readonly T[]) => T,
) => Omit<Situation, "schemaVersion" | "jurisdiction">;

/** The kinds of household, each as a register would record it (some facts missing, as in real files). */
const KINDS: Kind[] = [
  // An older person living alone on the basic residents' pension.
  (r) => ({
    area: r() < 0.5 ? "rural" : "urban",
    localHukou: true,
    members: [
      {
        relation: "self",
        age: 68 + Math.floor(r() * 20),
        workCapacity: "none",
        income: [{ kind: "pension_basic", monthly: 150 + Math.floor(r() * 200) }],
        ...(r() < 0.5 ? { supportersAble: false } : {}),
      },
    ],
  }),
  // An older couple, one pension, one of them needing care.
  (r) => ({
    area: r() < 0.6 ? "rural" : "urban",
    localHukou: true,
    assets: "within_limits",
    members: [
      { relation: "self", age: 70 + Math.floor(r() * 12), income: [{ kind: "pension_basic", monthly: 200 }] },
      {
        relation: "spouse",
        age: 66 + Math.floor(r() * 12),
        selfCare: r() < 0.5 ? "none" : "partial",
        disability: r() < 0.5 ? { grade: 1 + Math.floor(r() * 2), category: "physical" } : null,
      },
    ],
  }),
  // Parents on low wages with a son with a severe disability.
  (r) => ({
    area: "urban",
    localHukou: true,
    members: [
      {
        relation: "self",
        age: 52,
        employed: true,
        income: [{ kind: "wage", monthly: 900 + Math.floor(r() * 900) }],
      },
      { relation: "spouse", age: 50, employed: false, income: [] },
      {
        relation: "child",
        age: 24,
        workCapacity: "none",
        disability: { grade: 1 + Math.floor(r() * 2), category: r() < 0.5 ? "intellectual" : "mental" },
        income: [],
      },
    ],
  }),
  // A single mother working part time with two children.
  (r) => ({
    area: r() < 0.5 ? "rural" : "urban",
    localHukou: true,
    assets: "within_limits",
    members: [
      {
        relation: "self",
        age: 34 + Math.floor(r() * 8),
        employed: true,
        income: [{ kind: "wage", monthly: 1200 + Math.floor(r() * 1000) }],
      },
      // The father lives elsewhere and pays nothing; both parents are alive.
      { relation: "child", age: 6 + Math.floor(r() * 5), parents: ["present", "present"] },
      { relation: "child", age: 11 + Math.floor(r() * 5), parents: ["present", "present"] },
    ],
  }),
  // A family paying for a serious illness (支出型困难).
  (r) => ({
    area: "rural",
    localHukou: true,
    monthlyExpenses: { medical: 1500 + Math.floor(r() * 2500) },
    members: [
      {
        relation: "self",
        age: 48,
        illness: { serious: true, disease: r() < 0.5 ? "malignant_tumor" : "leukemia", medicalAid: false },
        workCapacity: "none",
        income: [],
      },
      {
        relation: "spouse",
        age: 46,
        employed: true,
        income: [{ kind: "farming", monthly: 1500 + Math.floor(r() * 800) }],
      },
      { relation: "child", age: 17 },
    ],
  }),
  // A child living with a grandmother: one parent dead, the other missing or in prison.
  (r) => ({
    area: "rural",
    localHukou: true,
    members: [
      { relation: "self", age: 71, income: [{ kind: "pension_basic", monthly: 180 }] },
      {
        relation: "grandchild",
        age: 4 + Math.floor(r() * 12),
        parents: ["deceased", r() < 0.5 ? "missing" : "imprisoned"],
      },
    ],
  }),
  // A household whose home burned down last month.
  (r) => ({
    area: "rural",
    localHukou: true,
    emergency: {
      kind: "fire",
      category: "urgent",
      date: "2026-11-03",
      basicLivingAtRisk: r() < 0.7,
      outOfPocket: 8000 + Math.floor(r() * 20000),
      inJurisdiction: true,
    },
    members: [
      { relation: "self", age: 45, employed: true, income: [{ kind: "farming", monthly: 1300 }] },
      { relation: "spouse", age: 43, income: [{ kind: "farming", monthly: 900 }] },
      { relation: "parent", age: 75, income: [{ kind: "pension_basic", monthly: 200 }] },
    ],
  }),
  // People who left dibao when their income rose (渐退), and now earn a little above the line.
  (r) => ({
    area: "urban",
    localHukou: true,
    incomeAboveStandardSince: "2026-08-01",
    members: [
      {
        relation: "self",
        age: 41,
        employed: true,
        income: [{ kind: "wage", monthly: 2000 + Math.floor(r() * 800) }],
      },
      { relation: "child", age: 9, parents: ["present", "present"] },
    ],
  }),
  // A household already on dibao with a member with a disability (the subsidies may be missing).
  (r) => ({
    area: "urban",
    localHukou: true,
    currentBenefits: { dibao: { since: "2024-03-01", monthlyAmount: 600 }, disabilitySubsidies: false },
    members: [
      { relation: "self", age: 58, disability: { grade: 2, category: "visual" }, income: [] },
      { relation: "spouse", age: 57, income: [{ kind: "wage", monthly: 800 + Math.floor(r() * 400) }] },
    ],
  }),
  // A working family comfortably above the line: screened, not listed.
  (r) => ({
    area: "urban",
    localHukou: true,
    assets: r() < 0.5 ? "over_limits" : "within_limits",
    members: [
      {
        relation: "self",
        age: 38,
        employed: true,
        income: [{ kind: "wage", monthly: 6000 + Math.floor(r() * 4000) }],
      },
      { relation: "spouse", age: 36, employed: true, income: [{ kind: "wage", monthly: 5000 }] },
      { relation: "child", age: 8, parents: ["present", "present"] },
    ],
  }),
];

/**
 * What a civil-affairs register knows of every household it holds: the benefits paid, the poverty
 * record, assets checked, and whether a member has a disability certificate or a listed illness. The
 * kinds above give only what differs; the rest is known "none".
 */
function asRegistered(s: Situation): Situation {
  return {
    registeredPoor: false,
    assets: "within_limits",
    emergency: null,
    ...s,
    currentBenefits: { ...NOTHING_RECEIVED, ...s.currentBenefits },
    members: s.members.map((m) => ({ disability: null, illness: null, ...m })),
  };
}

export interface SampleHousehold {
  id: string;
  situation: Situation;
  contact: { name: string; phone: string };
}

export function sampleRegister(count = 100, seed = 20261130): SampleHousehold[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
    const county = pick(place.counties);
    const kind = KINDS[Math.floor(i / PLACES.length) % KINDS.length] as Kind;
    const situation = asRegistered({
      schemaVersion: 1 as const,
      jurisdiction: place.id,
      ...(county ? { county } : {}),
      ...kind(r, pick),
    } as Situation);
    return {
      id: `${place.prefix}-2026-${String(i + 1).padStart(4, "0")}`,
      situation,
      contact: {
        name: `${pick(SURNAMES)}${pick(GIVEN)}`,
        phone: `13${String(800000000 + i * 7919).padStart(9, "0")}`,
      },
    };
  });
}
