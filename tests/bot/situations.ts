// Example households for the bot's transcripts (made up, no real person), and the few answers a person
// gives that a situation does not hold: who the check is for, and a helper's own details.

import type { TFunction } from "i18next";
import type { AskedQuestion } from "../../core/interview/next.ts";
import type { Situation } from "../../core/schema/situation.ts";
import { type Lang, pickLang } from "../../locales/i18n.ts";
import { renderQuestion } from "../../locales/render.ts";
import type { BotHarness, Resident } from "./driver.ts";
import type { ChatMessage } from "./fake-telegram.ts";

/**
 * A 35-year-old in 无锡, employed, earning 20000 a month, no disability, no illness, no emergency; the
 * household's standing known (local hukou, no property over the limits, no benefits now).
 */
export const wellOff: Situation = {
  schemaVersion: 1,
  jurisdiction: "wuxi",
  area: "urban",
  localHukou: true,
  registeredPoor: false,
  povertyExitedOn: null,
  incomeAboveStandardSince: null,
  assets: "within_limits",
  members: [
    {
      relation: "self",
      age: 35,
      workCapacity: "full",
      employed: true,
      income: [{ kind: "wage", monthly: 20000 }],
      disability: null,
      illness: null,
    },
  ],
  monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0 },
  currentBenefits: { dibao: null, tekun: false, orphanAllowance: false },
  emergency: null,
};

/**
 * 无锡 publishes its standard each July; from 2026-07-01 on, the 2025 figure is only a floor, and the
 * screening cannot rule 低保 out on income. A check on this day uses the exact 2025 standard (1167).
 */
export const WUXI_STANDARD_KNOWN = "2026-03-02T02:00:00Z";

/** A 78-year-old woman living alone in rural 吉林, with 300 yuan a month; her daughter applies for her. */
export const jilinMother: Situation = {
  schemaVersion: 1,
  jurisdiction: "jilin",
  area: "rural",
  localHukou: true,
  registeredPoor: false,
  povertyExitedOn: null,
  incomeAboveStandardSince: null,
  assets: "within_limits",
  members: [
    {
      relation: "self",
      age: 78,
      workCapacity: "none",
      employed: false,
      income: [{ kind: "pension_basic", monthly: 300 }],
      disability: null,
      illness: null,
      supportersAble: false,
    },
  ],
  monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0 },
  currentBenefits: { dibao: null, tekun: false, orphanAllowance: false },
  emergency: null,
};

/** The daughter who helps her mother: what she gives at the send step. */
export const daughter = {
  relationship: "child",
  name: "李秀兰",
  phone: "13900001111",
  personName: "王桂芳",
} as const;

/** A 67-year-old alone in 无锡 whose sudden illness puts basic living at risk (urgent). */
export const suddenIllness: Situation = {
  schemaVersion: 1,
  jurisdiction: "wuxi",
  area: "urban",
  localHukou: true,
  members: [{ relation: "self", age: 67, income: [], disability: null, illness: null }],
  emergency: { kind: "sudden_illness", category: "urgent", date: "2026-11-10", basicLivingAtRisk: true },
};

/**
 * Six people in rural 吉林 who know little of their standing: grandparents, their son with a
 * disability, and three grandchildren whose mother is missing. Many programs stay "possible".
 */
export const bigFamily: Situation = {
  schemaVersion: 1,
  jurisdiction: "jilin",
  area: "rural",
  members: [
    {
      relation: "self",
      age: 68,
      income: [{ kind: "pension_basic", monthly: 150 }],
      illness: { serious: true },
    },
    { relation: "spouse", age: 66, income: [] },
    { relation: "child", age: 42, disability: { grade: 2, category: "physical" }, income: [] },
    { relation: "grandchild", age: 12, parents: ["severe_disability", "missing"] },
    { relation: "grandchild", age: 9, parents: ["severe_disability", "missing"] },
    { relation: "grandchild", age: 5, parents: ["severe_disability", "missing"] },
  ],
};

/**
 * A family of four in rural 吉林: a couple in their thirties earning 900 and 600 a month, and two
 * children of 12 and 8 living with them; no disability, illness or emergency, nothing on benefits.
 */
export const familyOfFour: Situation = {
  schemaVersion: 1,
  jurisdiction: "jilin",
  area: "rural",
  localHukou: true,
  assets: "within_limits",
  registeredPoor: false,
  povertyExitedOn: null,
  incomeAboveStandardSince: null,
  emergency: null,
  monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0 },
  currentBenefits: { dibao: null, tekun: false, orphanAllowance: false },
  members: [
    {
      relation: "self",
      age: 38,
      income: [{ kind: "wage", monthly: 900 }],
      disability: null,
      illness: null,
      employed: true,
      supportersAble: true,
    },
    {
      relation: "spouse",
      age: 36,
      income: [{ kind: "farming", monthly: 600 }],
      disability: null,
      illness: null,
      employed: true,
      supportersAble: true,
    },
    {
      relation: "child",
      age: 12,
      income: [],
      disability: null,
      illness: null,
      parents: ["present", "present"],
      supportersAble: true,
    },
    {
      relation: "child",
      age: 8,
      income: [],
      disability: null,
      illness: null,
      parents: ["present", "present"],
      supportersAble: true,
    },
  ],
};

/** The language the bot picks for Telegram's language_code. */
export const langOf = (code: string): Lang => pickLang(code);

/** The option's label as the bot shows it, for a question and one of its values. */
export function optionLabel(t: TFunction, q: AskedQuestion, value: string): string {
  const option = renderQuestion(t, q).options.find((o) => o.value === value);
  if (!option) throw new Error(`no option ${value} for ${q.key}`);
  return option.label;
}

/** Answers as a helper would: the check is for someone else; every other answer from the situation. */
export async function answerAsHelper(r: Resident, s: Situation, t: TFunction): Promise<ChatMessage[]> {
  const q = await r.question();
  if (!q) throw new Error("no question is open");
  if (q.id === "helping") return r.press(optionLabel(t, q, "helping"));
  return r.answerFrom(s);
}

/** Answers as a helper until the result; returns the question keys in the order asked. */
export async function finishAsHelper(r: Resident, s: Situation, t: TFunction): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 200; i++) {
    const q = await r.question();
    if (!q) return asked;
    asked.push(q.key);
    await answerAsHelper(r, s, t);
  }
  throw new Error("the interview did not end");
}

/**
 * The send step as a helper goes through it: "Send", their relationship, their name, the person's
 * name, their own number (typed, or shared), the person's own number if given, the person's agreement;
 * then the summary.
 * Returns the summary message.
 */
export async function sendAsHelper(
  r: Resident,
  t: TFunction,
  helper: {
    relationship: string;
    name: string;
    phone: string;
    personName: string;
    personPhone?: string;
    basis?: "person_agreed" | "guardian";
    /** Share the number with Telegram's contact button (as Telegram sends it) instead of typing it. */
    shared?: boolean;
  },
): Promise<ChatMessage> {
  await r.press(t("common:bot.sendToHotline"));
  await r.press(t(`common:applicant.relationship.${helper.relationship}`));
  await r.send(helper.name);
  await r.send(helper.personName);
  if (helper.shared) await r.contact(helper.phone);
  else await r.send(helper.phone);
  if (helper.personPhone) {
    await r.press(t("common:bot.addPersonPhone"));
    await r.send(helper.personPhone);
  } else await r.press(t("common:bot.noPersonPhone"));
  // On what basis the helper sends the person's answers.
  await r.press(
    t(helper.basis === "guardian" ? "common:portal.consentGuardian" : "common:portal.consentHelper"),
  );
  const summary = [...r.messages()].reverse().find((m) => m.text.startsWith(t("common:bot.confirmIntro")));
  if (!summary) throw new Error("no summary to confirm");
  return summary;
}

/** The rows in a table (bot_sessions, requests …). */
export function rows(b: BotHarness, table: "bot_sessions" | "requests"): Promise<number> {
  return b.h.count(table);
}

/** A callback for a button as it was on an earlier message (a client showing an old keyboard). */
export function staleCallback(
  r: Resident,
  updateId: number,
  messageId: number,
  data: string,
  languageCode: string,
): Record<string, unknown> {
  const from = { id: r.chatId, is_bot: false, first_name: "居民", language_code: languageCode };
  const chat = { id: r.chatId, type: "private", first_name: "居民" };
  return {
    update_id: updateId,
    callback_query: {
      id: `stale-${updateId}`,
      from,
      chat_instance: String(r.chatId),
      data,
      message: { message_id: messageId, date: 0, chat, text: "" },
    },
  };
}
