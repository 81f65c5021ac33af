// Whole conversations with the bot, as a resident has them in Telegram: each test is a worked example
// of what a person sends and what the bot answers, read back from the Bot API stand-in, and what the
// store holds afterwards.

import type { TFunction } from "i18next";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createNotifier } from "../../bot/notify.ts";
import { MAX_MESSAGE } from "../../bot/split.ts";
import { next } from "../../core/interview/next.ts";
import { householdRelations } from "../../core/interview/roster.ts";
import { screen } from "../../core/screen.ts";
import { createOutbox } from "../../db/outbox.ts";
import { REFERENCE_PATTERN } from "../../db/reference.ts";
import { callbackBy } from "../../locales/deadline.ts";
import { createI18nSync, type Lang, pickLang, QUESTION_T_OPTIONS, questionKey } from "../../locales/i18n.ts";
import { reasonWords, renderQuestion, whoIs } from "../../locales/render.ts";
import { chatResult, residentResult } from "../../locales/result.ts";
import { staffClient } from "../api/harness.ts";
import { type BotHarness, botHarness, type Resident, realWords } from "./driver.ts";
import type { ChatMessage } from "./fake-telegram.ts";
import {
  bigFamily,
  daughter,
  familyOfFour,
  finishAsHelper,
  jilinMother,
  rows,
  sendAsHelper,
  staleCallback,
  suddenIllness,
  WUXI_STANDARD_KNOWN,
  wellOff,
} from "./situations.ts";

/** Each language with the language_code a Telegram client reports for it. */
const LANGUAGES: [Lang, string][] = [
  ["zh-CN", "zh-hans"],
  ["zh-Hant", "zh-hk"],
  ["en", "en-US"],
];

let b: BotHarness;
beforeEach(async () => {
  b = await botHarness();
});
afterEach(() => b.close());

const words = (lang: Lang): TFunction => createI18nSync(lang);
const texts = (messages: ChatMessage[]) => messages.map((m) => m.text);
/** The labels of a message's inline buttons, row by row. */
const buttonsOf = (m: ChatMessage | undefined) =>
  m?.reply_markup?.inline_keyboard?.flat().map((k) => k.text) ?? [];
const only = (messages: ChatMessage[]): ChatMessage => {
  expect(messages).toHaveLength(1);
  return messages[0] as ChatMessage;
};

/** /start and "I agree": the first question comes. */
async function agree(r: Resident, t: TFunction): Promise<ChatMessage[]> {
  const hello = await r.send("/start");
  expect(only(hello).text).toContain(t("common:bot.greeting"));
  return r.press(t("common:privacy.agree"));
}

/** The messages that show the result: from the last summary (an emergency's line, or the first line). */
function resultMessages(r: Resident, t: TFunction): ChatMessage[] {
  const all = r.messages();
  const openings = [
    t("common:result.urgent"),
    ...["likely", "possible"].map(
      (k) => t(`common:result.${k}`, { list: "" }).split("：")[0]?.split(":")[0] ?? "",
    ),
    t("common:result.none"),
  ];
  const opening = all.filter((m) => openings.some((o) => o !== "" && m.text.startsWith(o))).at(-1);
  const from = opening ? all.indexOf(opening) : -1;
  expect(from).toBeGreaterThanOrEqual(0);
  return all.slice(from);
}

/** What the chat shows before anything is opened, in characters: the issue's budget is 2,500. */
const RESULT_BUDGET = 2500;
const SUMMARY_BUDGET = 600;

/** "Send this to the hotline", a name, a shared contact, "Yes, send it": the bot's reply to the last press. */
async function sendToHotline(r: Resident, t: TFunction, phone = "+86 138 1234 5678"): Promise<ChatMessage> {
  await r.press(t("common:bot.sendToHotline"));
  await r.send("王建国");
  await r.contact(phone);
  return only(await r.press(t("common:bot.confirmYes")));
}

/** Beijing time as the bot writes it: 2026-11-30 10:00. */

interface QueueItem {
  reference: string;
  channel: string;
  urgent: boolean;
}

async function queueOf(name: string, jurisdiction: string): Promise<QueueItem[]> {
  const agent = await staffClient(b.h, name, "agent", jurisdiction);
  const res = await agent.get("/api/staff/queue");
  expect(res.status).toBe(200);
  return (await res.json()).items;
}

const answered = async (r: Resident) => (await r.session())?.interview?.order.length ?? 0;

describe("languages", () => {
  it.each(LANGUAGES)("Telegram's language code for %s (%s) picks its words", async (lang, code) => {
    expect(pickLang(code)).toBe(lang);
    const r = b.user(7, code);
    const hello = only(await r.send("/start"));
    expect(hello.text.startsWith(words(lang)("common:bot.greeting"))).toBe(true);
    expect(hello.reply_markup?.inline_keyboard?.flat().map((k) => k.text)).toEqual([
      words(lang)("common:privacy.agree"),
      words(lang)("common:privacy.decline"),
    ]);
  });
});

describe("a self-check that ends in 'unlikely' for every program", { timeout: 30_000 }, () => {
  it.each(LANGUAGES)("%s: a 35-year-old in 无锡 earning 20000 a month hears why", async (lang, code) => {
    const t = words(lang);
    // On 2026-03-02 the 2025 standard (1167 yuan) is in force: income can be compared with it.
    b.h.clock.now = new Date(WUXI_STANDARD_KNOWN);
    const expected = screen(wellOff, { policies: b.h.deps.policies, today: "2026-03-02" });
    expect(expected.results.every((x) => x.outcome === "unlikely")).toBe(true);

    const r = b.user(1001, code);
    const first = await agree(r, t);
    expect(only(first).text.startsWith(t(questionKey("jurisdiction", "text_self"), QUESTION_T_OPTIONS))).toBe(
      true,
    );
    await r.finish(wellOff);
    expect((await r.session())?.phase).toBe("result");

    // The answer first: nothing to get, in one line, then where to turn.
    const shown = resultMessages(r, t);
    expect(shown[0]?.text.split("\n")[0]).toBe(t("common:result.none"));
    expect(shown[0]?.text.length).toBeLessThanOrEqual(SUMMARY_BUDGET);
    expect(texts(shown).join("").length).toBeLessThanOrEqual(RESULT_BUDGET);
    // Eight programs that cannot apply: one line, not eight blocks.
    expect(texts(shown).join("\n")).not.toContain("■");
    const closedLine = shown
      .at(-1)
      ?.text.split("\n")
      .find((l) => l.startsWith(t("common:result.notApplicable", { list: "" }).slice(0, 3)));
    expect(closedLine).toBeDefined();

    // "What does not apply": each program with its first reason; a certain one says "does not apply".
    const closed = texts(await r.press(t("common:result.closedButton"))).join("\n");
    const lines = closed.split("\n");
    for (const result of expected.results) {
      const who = result.member === null ? "" : t("common:whoNote", { who: whoIs(t, result.member, "self") });
      const outcome = t(result.certain ? "common:outcomes.unlikelyCertain" : "common:outcomes.unlikely");
      const heading = `■ ${t("common:resultHeading", { title: t(`programs:${result.program}.name`), who, outcome })}`;
      const at = lines.findIndex(
        (l) => l.replace(/（/g, "(").replace(/）/g, ")") === heading.replace(/（/g, "(").replace(/）/g, ")"),
      );
      expect(at, `${result.program}: ${heading}`).toBeGreaterThanOrEqual(0);
      const why = result.reasons[0];
      expect(why).toBeDefined();
      expect(lines[at + 1]).toBe(`  · ${reasonWords(t, why as NonNullable<typeof why>, "self")}`);
    }
    const all = texts(shown).join("\n");
    expect(all).not.toContain(t("common:outcomes.likely"));
    expect(all).not.toContain(t("common:outcomes.possible"));
    // "Why": the clauses, each once per program.
    const why = texts(await r.press(t("common:result.why"))).join("\n");
    expect(why).toContain(t("common:clause", { clause: "" }).trim().slice(0, 2));
    // The last part offers to send it on, or to start again.
    expect(
      shown
        .at(-1)
        ?.reply_markup?.inline_keyboard?.flat()
        .map((k) => k.text),
    ).toEqual([
      t("common:result.why"),
      t("common:result.closedButton"),
      t("common:bot.sendToHotline"),
      t("common:restart"),
    ]);
  });
});

describe("a family of four checks for itself", { timeout: 30_000 }, () => {
  it.each(LANGUAGES)(
    "%s: the household asked once, people named by relation, 15 questions",
    async (lang, code) => {
      const t = words(lang);
      const r = b.user(2100, code);
      await agree(r, t);
      const asked: string[] = [];
      for (let i = 0; i < 60 && (await r.question()); i++) {
        asked.push((await r.question())?.key ?? "");
        await r.answerFrom(familyOfFour);
      }
      expect((await r.session())?.phase).toBe("result");
      // One roster, one income total, "who…?" lists: no one's own age or income asked one by one.
      expect(asked).toContain("household");
      expect(asked).toContain("householdIncome");
      expect(asked.filter((k) => k.startsWith("member.income") || k.startsWith("member.ageBand"))).toEqual(
        [],
      );
      expect(asked.length).toBeLessThanOrEqual(16);
      // Nobody is "household member 3": every question names people by relation.
      const member3 = t("common:who.member", { n: 3 });
      expect(r.messages().some((m) => m.text.includes(member3))).toBe(false);
      const child = t("common:who.yours.child_minor");
      // A "who…?" answered shows its people by relation ("your child under 18 (no. 1)").
      expect(r.messages().some((m) => m.text.includes(child))).toBe(true);
      // The result is the core's for the same facts.
      const today = (await r.session())?.interview?.asOf ?? "";
      const expected = screen(familyOfFour, { policies: b.h.deps.policies, today });
      const shown = resultMessages(r, t);
      // The answer first: 低保 is only possible for this family, and that is the summary's first line.
      expect(expected.results[0]?.outcome).toBe("possible");
      expect(shown[0]?.text.split("\n")[0]).toContain(t("programs:dibao.label"));
      expect(shown[0]?.text.length).toBeLessThanOrEqual(SUMMARY_BUDGET);
      expect(texts(shown).join("").length).toBeLessThanOrEqual(RESULT_BUDGET);
      // Behind the buttons: every reason with its clauses, and what to bring for 低保.
      const why = texts(await r.press(t("common:result.why"))).join("\n");
      expect(why.startsWith(t("common:result.whyTitle"))).toBe(true);
      expect(why).toContain(t("common:clause", { clause: "" }).trim());
      const bring = texts(await r.press(t("common:result.bringButton"))).join("\n");
      expect(bring).toContain(t("programs:documents.dibao"));
    },
  );
});

/** A helper in English applying for the 吉林 mother: the summary they confirm, and the reference. */
async function helperSends(
  chatId: number,
  code: string,
  details: Parameters<typeof sendAsHelper>[2],
): Promise<{ summary: string; reference: string }> {
  const t = words("en");
  const r = b.user(chatId, code);
  await agree(r, t);
  await finishAsHelper(r, jilinMother, t);
  const summary = (await sendAsHelper(r, t, details)).text;
  const sent = only(await r.press(t("common:bot.confirmYes")));
  return { summary, reference: /[A-Z]{2}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.text)?.[0] ?? "" };
}

describe("a daughter applies for her mother", { timeout: 30_000 }, () => {
  it.each(LANGUAGES)("%s: 吉林, rural, 78 and low income, to the hotline's queue", async (lang, code) => {
    const t = words(lang);
    const r = b.user(2002, code);
    await agree(r, t);
    const asked = await finishAsHelper(r, jilinMother, t);
    // Only what the rules need: no helper's details in the interview, and few questions for one person.
    expect(asked.some((k) => k.startsWith("applicant."))).toBe(false);
    expect(asked).toHaveLength(12);
    // The mother's questions speak of "the person you are helping".
    const ageQuestion = t(questionKey("member.ageBand", "text_helping"), QUESTION_T_OPTIONS);
    expect(r.messages().some((m) => m.text.startsWith(ageQuestion))).toBe(true);

    // The send step: four answers (relationship, her name, her mother's name, her own number), one offer.
    const summary = await sendAsHelper(r, t, daughter);
    const place = t("jurisdiction::option::jilin", QUESTION_T_OPTIONS);
    expect(summary.text).toBe(
      [
        t("common:bot.confirmIntro"),
        t("common:bot.confirmFor", { name: daughter.personName }),
        t("common:bot.confirmHelper", {
          name: daughter.name,
          relationship: t(`common:applicant.relationship.${daughter.relationship}`),
        }),
        t("common:bot.confirmPhone", { phone: daughter.phone }),
        t("common:bot.confirmNotUrgent", { days: 3 }),
        t("common:bot.confirmPlace", { place }),
        t("common:bot.confirmQuestion"),
      ].join("\n"),
    );
    // One message with its buttons: no second message whose whole text is a button's label.
    expect(buttonsOf(summary)).toEqual([t("common:bot.confirmYes"), t("common:bot.confirmNo")]);
    expect(r.messages().filter((m) => m.text === t("common:bot.sendToHotline"))).toEqual([]);
    const sent = only(await r.press(t("common:bot.confirmYes")));

    const reference = /[A-Z]{2}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.text)?.[0] ?? "";
    expect(reference).toMatch(/^JL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(reference).toMatch(REFERENCE_PATTERN);
    const stored = await b.h.deps.requests.byReference(reference);
    expect(stored).not.toBeNull();
    expect(sent.text).toBe(
      t("common:bot.sent", { reference, due: callbackBy(t, stored?.slaDueAt ?? "", false) }),
    );
    // Filed on a working day: "12月2日（周三）下班前" in words (the words' own cases: locales/deadline.test.ts).
    expect(sent.text).toMatch(
      /(12月2日（周三）下班前|12月2日（週三）下班前|before the end of the working day on Wednesday 2 December)/,
    );
    expect(stored).toMatchObject({
      channel: "bot",
      jurisdiction: "jilin",
      applicant: {
        kind: "helper",
        name: daughter.name,
        relationship: daughter.relationship,
        phone: daughter.phone,
      },
      person: { name: daughter.personName },
      // One call-back number: the helper's own, as she gave it once.
      contactPhone: daughter.phone,
      chatId: "2002",
      lang,
      basis: { kind: "consent", basis: "person_agreed" },
    });
    // 吉林's rules turn at 60 and 70: "70 or over" is all the rules need of 78.
    expect(stored?.situation.members[0]?.ageBand).toEqual({ from: 70 });
    expect((await r.session())?.phase).toBe("sent");
    expect((await r.session())?.references).toEqual([reference]);

    const queue = await queueOf("zhang", "jilin");
    expect(queue.find((i) => i.reference === reference)).toMatchObject({ channel: "bot", urgent: false });
  });

  it("a son abroad gives his own number in E.164 and his mother's mainland number; either finds the request", async () => {
    const t = words("en");
    const { summary, reference } = await helperSends(2003, "en-GB", {
      relationship: "child",
      name: "Li Wei",
      phone: "+44 20 7946 0018",
      personName: "Wang Guifang",
      personPhone: "139 0000 2222",
    });
    expect(summary).toContain(t("common:bot.confirmAbroad"));
    expect(summary).toContain(t("common:bot.confirmPersonPhone", { phone: "13900002222" }));
    expect(await b.h.deps.requests.byReference(reference)).toMatchObject({
      contactPhone: "+442079460018",
      applicant: { phone: "+442079460018" },
      person: { name: "Wang Guifang", phone: "13900002222" },
    });
    // A status lookup takes the reference with either number on the request, never another.
    expect(await b.h.deps.requests.statusFor(reference, "0044 20 7946 0018")).not.toBeNull();
    expect(await b.h.deps.requests.statusFor(reference, "13900002222")).not.toBeNull();
    expect(await b.h.deps.requests.statusFor(reference, "13900003333")).toBeNull();
  });

  it("a daughter in the US shares her number with Telegram's button: read as +1, never as a mainland mobile", async () => {
    const t = words("en");
    // Telegram sends a shared contact's number with its country code and no "+": 1 312 555 0123.
    const { summary, reference } = await helperSends(2005, "en-US", {
      relationship: "child",
      name: "Li Mei",
      phone: "13125550123",
      personName: "Wang Guifang",
      basis: "guardian",
      shared: true,
    });
    expect(summary).toContain(t("common:bot.confirmAbroad"));
    expect(await b.h.deps.requests.byReference(reference)).toMatchObject({
      contactPhone: "+13125550123",
      basis: { kind: "consent", basis: "guardian" },
    });
    // The same digits as a mainland mobile are another number: no status for them.
    expect(await b.h.deps.requests.statusFor(reference, "131 2555 0123")).toBeNull();
    expect(await b.h.deps.requests.statusFor(reference, "+1 312 555 0123")).not.toBeNull();
  });

  it("a helper's number that is neither a mainland mobile nor E.164 is asked again, and nothing is sent", async () => {
    const t = words("zh-CN");
    const r = b.user(2004, "zh-hans");
    await agree(r, t);
    await finishAsHelper(r, jilinMother, t);
    await r.press(t("common:bot.sendToHotline"));
    await r.press(t("common:applicant.relationship.child"));
    await r.send("李秀兰");
    await r.send("王桂芳");
    const again = await r.send("12345");
    expect(texts(again)[0]).toBe(t("common:reask.not_a_phone_abroad"));
    expect(texts(again)[1]).toBe(t("common:bot.askHelperPhone"));
    expect(await rows(b, "requests")).toBe(0);
    expect((await r.session())?.send).toMatchObject({
      personName: "王桂芳",
      helperName: "李秀兰",
      step: "phone",
    });
  });
});

describe("an emergency that puts basic living at risk", { timeout: 30_000 }, () => {
  it("is filed as urgent and the bot says so (zh-Hant)", async () => {
    const t = words("zh-Hant");
    const r = b.user(3003, "zh-hk");
    await agree(r, t);
    await r.finish(suddenIllness);
    const order = (await r.session())?.interview?.order ?? [];
    expect(order).toEqual(expect.arrayContaining(["emergency", "emergency.basicLivingAtRisk"]));
    // The result opens with what to do now: call 12345; 110 / 119 / 120 where life is in danger.
    const first = resultMessages(r, t)[0]?.text ?? "";
    expect(first.split("\n")[0]).toBe(t("common:result.urgent"));
    expect(first).toMatch(/12345[\s\S]*110[\s\S]*119[\s\S]*120/);
    const sent = await sendToHotline(r, t);
    const reference = /WX-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.text)?.[0] ?? "";
    const stored = await b.h.deps.requests.byReference(reference);
    expect(stored?.urgent).toBe(true);
    expect(sent.text).toBe(
      t("common:bot.sentUrgent", { reference, due: callbackBy(t, stored?.slaDueAt ?? "", true) }),
    );
    const queue = await queueOf("li", "wuxi");
    expect(queue[0]).toMatchObject({ reference, channel: "bot", urgent: true });
  });
});

describe("the call-back number and the confirmation", { timeout: 30_000 }, () => {
  const t = words("en");

  async function atResult(r: Resident) {
    await agree(r, t);
    await r.finish(wellOff);
    expect((await r.session())?.phase).toBe("result");
  }

  it("a resident gives their name, then the number: one that is not a mainland mobile is asked again", async () => {
    const r = b.user(4004, "en-US");
    await atResult(r);
    const askName = only(await r.press(t("common:bot.sendToHotline")));
    expect(askName.text).toBe(`${t("common:applicant.name")}\n${t("common:applicant.nameHelp")}`);
    const askPhone = only(await r.send("Wang Jianguo"));
    expect(askPhone.text).toBe(t("common:bot.askPhone"));
    expect(JSON.stringify(askPhone.reply_markup)).toContain(t("common:bot.sharePhone"));
    // A resident's own call-back number is a mainland mobile: a number abroad is for a helper abroad.
    expect(texts(await r.send("+1 415 555 0134"))).toEqual([
      t("common:reask.not_a_phone"),
      t("common:bot.askPhone"),
    ]);
    expect(texts(await r.send("12345"))).toEqual([t("common:reask.not_a_phone"), t("common:bot.askPhone")]);
    // A shared contact from a Hong Kong phone: not a mainland mobile either.
    expect(texts(await r.contact("+852 6123 4567"))).toEqual([
      t("common:reask.not_a_phone"),
      t("common:bot.askPhone"),
    ]);
    expect((await r.session())?.phase).toBe("send");
    expect(await rows(b, "requests")).toBe(0);
    // A typed mainland number with dashes is taken.
    // The summary, in one message with its buttons: for whom, who applies, the number, how soon.
    const check = only(await r.send("138-1234-5678"));
    expect(check.text).toBe(
      [
        "Please check before sending:",
        "For: Wang Jianguo",
        "Applying: the person themselves",
        "Call-back number: 13812345678",
        "Urgent: no, the hotline calls back within 3 working days",
        `Area: ${t("jurisdiction::option::wuxi", QUESTION_T_OPTIONS)}`,
        "Send this to the hotline?",
      ].join("\n"),
    );
    expect(buttonsOf(check)).toEqual(["Yes, send it", "No, not now"]);
    expect((await r.session())?.phase).toBe("confirm");
  });

  it("'No, not now' files nothing and keeps the answers for later", async () => {
    const r = b.user(4005, "en-US");
    await atResult(r);
    const order = (await r.session())?.interview?.order;
    await r.press(t("common:bot.sendToHotline"));
    await r.send("Wang Jianguo");
    await r.contact("+8613812345678");
    const no = only(await r.press(t("common:bot.confirmNo")));
    expect(no.text).toBe(t("common:bot.notSent"));
    expect(await rows(b, "requests")).toBe(0);
    expect((await r.session())?.phase).toBe("result");
    expect((await r.session())?.interview?.order).toEqual(order);
    // Later, the same answers go to the hotline.
    const sent = await sendToHotline(r, t);
    expect(sent.text).toMatch(/WX-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(await rows(b, "requests")).toBe(1);
  });

  it("pressing 'Yes, send it' twice files one request", async () => {
    const r = b.user(4006, "en-US");
    await atResult(r);
    await r.press(t("common:bot.sendToHotline"));
    await r.send("Wang Jianguo");
    await r.contact("+86 138 1234 5678");
    const holder = r
      .messages()
      .filter((m) => m.text.startsWith(t("common:bot.confirmIntro")))
      .at(-1);
    const data = holder?.reply_markup?.inline_keyboard
      ?.flat()
      .find((k) => k.text === t("common:bot.confirmYes"))?.callback_data as string;
    expect(data).toMatch(/^confirm:/);
    const first = only(await r.press(t("common:bot.confirmYes")));
    // The second press (a new update from a client that still shows the button).
    const again = await r.deliver(staleCallback(r, 700_001, holder?.message_id ?? 0, data, "en-US"));
    expect(again).toEqual([]);
    expect(await rows(b, "requests")).toBe(1);
    expect((await b.h.deps.requests.byChat("4006")).map((x) => x.reference)).toEqual([
      /WX-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(first.text)?.[0],
    ]);
  });

  it("two presses of 'Yes, send it' arriving together file one request", async () => {
    const r = b.user(4007, "en-US");
    await atResult(r);
    await r.press(t("common:bot.sendToHotline"));
    await r.send("Wang Jianguo");
    await r.contact("+86 138 1234 5678");
    const holder = r
      .messages()
      .filter((m) => m.text.startsWith(t("common:bot.confirmIntro")))
      .at(-1);
    const data = holder?.reply_markup?.inline_keyboard?.flat()[0]?.callback_data as string;
    const id = holder?.message_id ?? 0;
    await Promise.all([
      r.deliver(staleCallback(r, 700_101, id, data, "en-US")),
      r.deliver(staleCallback(r, 700_102, id, data, "en-US")),
    ]);
    expect(await rows(b, "requests")).toBe(1);
    const replies = r.messages().filter((m) => /WX-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(m.text));
    expect(replies).toHaveLength(1);
  });
});

describe("privacy", () => {
  it("declining the notice stores nothing", async () => {
    const t = words("zh-CN");
    const r = b.user(5005, "zh-hans");
    await r.send("/start");
    const declined = only(await r.press(t("common:privacy.decline")));
    expect(declined.text).toBe(t("common:bot.declined"));
    expect(await rows(b, "bot_sessions")).toBe(0);
    expect(await rows(b, "requests")).toBe(0);
    expect(await r.session()).toBeUndefined();
    // The notice's buttons are gone: nothing left to press.
    expect(r.messages()[0]?.reply_markup?.inline_keyboard ?? []).toEqual([]);
  });
});

describe("a conversation that is interrupted", { timeout: 30_000 }, () => {
  it("a restart of the bot in the middle continues from the same question, answers kept", async () => {
    const t = words("en");
    const r = b.user(6006, "en-US");
    await agree(r, t);
    for (let i = 0; i < 5; i++) await r.answerFrom(wellOff);
    const before = (await r.session())?.interview?.order ?? [];
    const open = (await r.question())?.key;
    expect(before).toHaveLength(5);

    b.restart();

    expect((await r.question())?.key).toBe(open);
    const reply = await r.answerFrom(wellOff);
    expect(reply.length).toBeGreaterThan(0);
    expect((await r.session())?.interview?.order).toEqual([...before, open]);
    await r.finish(wellOff);
    expect((await r.session())?.phase).toBe("result");
  });

  it("the same update delivered twice has no second effect", async () => {
    const t = words("zh-Hant");
    const r = b.user(6007, "zh-hk");
    await agree(r, t);
    await r.answerFrom(wellOff); // a button: where
    const n = await answered(r);
    const count = r.messages().length;
    expect(await r.deliver(r.lastUpdate())).toEqual([]);
    expect(await answered(r)).toBe(n);
    await r.answerFrom(wellOff); // a button: for whom
    await r.answerFrom(wellOff); // typed: how many people
    const typed = await answered(r);
    const shown = r.messages().length;
    expect(await r.deliver(r.lastUpdate())).toEqual([]);
    expect(await answered(r)).toBe(typed);
    expect(r.messages().length).toBe(shown);
    expect(count).toBeLessThan(shown);
  });
});

describe("going back, and buttons that are no longer current", { timeout: 30_000 }, () => {
  it("'Back' takes the last answer back and asks it again", async () => {
    const t = words("en");
    const r = b.user(7007, "en-US");
    await agree(r, t);
    await r.answerFrom(wellOff);
    await r.answerFrom(wellOff);
    await r.answerFrom(wellOff);
    expect((await r.session())?.interview?.order).toEqual(["jurisdiction", "helping", "household"]);
    const who = t(questionKey("household", "text_self"), QUESTION_T_OPTIONS);

    const again = only(await r.press(t("common:back")));

    expect(again.text.startsWith(who)).toBe(true);
    expect((await r.question())?.key).toBe("household");
    expect((await r.session())?.interview?.order).toEqual(["jurisdiction", "helping"]);
    // Answered again, by buttons this time: a spouse and a child under 18, then "That's everyone".
    // Each press edits the same message: what is added so far, and "That's everyone" to finish.
    expect(
      await r.press(t("common:roster.add", { label: t("household::option::spouse", QUESTION_T_OPTIONS) })),
    ).toEqual([]);
    expect(r.last()?.text).toContain(
      t("common:roster.added", { list: t("household::option::spouse", QUESTION_T_OPTIONS) }),
    );
    await r.press(t("common:roster.add", { label: t("household::option::child_minor", QUESTION_T_OPTIONS) }));
    await r.press(t("common:roster.done"));
    expect((await r.session())?.interview?.answers.household).toEqual({ value: "spouse,child_minor" });
    expect((await r.question())?.key).toBe("emergency");
  });

  it("a button on an older message changes nothing", async () => {
    const t = words("en");
    const r = b.user(7008, "en-US");
    await agree(r, t);
    for (let i = 0; i < 3; i++) await r.answerFrom(wellOff);
    expect((await r.question())?.key).toBe("emergency");
    // A sticker: the bot re-asks in a new message, and the older one keeps its buttons.
    await r.other({
      sticker: {
        file_id: "CAACAgIAAxkBAAEB",
        file_unique_id: "AgADsw",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    });
    const asked = r
      .messages()
      .filter((m) => m.reply_markup?.inline_keyboard?.flat().some((k) => k.text === "Yes"));
    expect(asked).toHaveLength(2);
    const older = asked[0] as ChatMessage;
    await r.press(t("common:no")); // on the newest: no emergency
    const order = (await r.session())?.interview?.order;
    const count = r.messages().length;

    const yes = older.reply_markup?.inline_keyboard?.flat().find((k) => k.text === t("common:yes"));
    const late = await r.deliver(
      staleCallback(r, 710_001, older.message_id, yes?.callback_data ?? "", "en-US"),
    );

    expect(late).toEqual([]);
    expect(r.messages().length).toBe(count);
    expect((await r.session())?.interview?.order).toEqual(order);
    expect((await r.session())?.interview?.answers.emergency).toEqual({ value: "no" });

    // The first question's keyboard, from the first message: 无锡 is not changed to 江门.
    const firstAsk = b.fake.calls.find(
      (c) =>
        c.method === "sendMessage" &&
        JSON.stringify(c.params.reply_markup ?? "").includes("a|0|jurisdiction|"),
    );
    const markup = firstAsk?.params.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const jiangmen = markup.inline_keyboard.flat().find((k) => k.callback_data.endsWith("|1"));
    expect(jiangmen?.callback_data).toBe("a|0|jurisdiction|1");
    const where = t(questionKey("jurisdiction", "text_self"), QUESTION_T_OPTIONS);
    const whereMessage = r.messages().find((m) => m.text.startsWith(where));
    const stale = await r.deliver(
      staleCallback(r, 710_002, whereMessage?.message_id ?? 0, jiangmen?.callback_data ?? "", "en-US"),
    );
    expect(stale).toEqual([]);
    expect((await r.session())?.interview?.answers.jurisdiction).toEqual({ value: "wuxi" });
    expect((await r.session())?.interview?.order).toEqual(order);
  });
});

describe("commands", { timeout: 30_000 }, () => {
  it("/restart starts over from the first question, consent kept", async () => {
    const t = words("zh-CN");
    const r = b.user(8001, "zh-hans");
    await agree(r, t);
    for (let i = 0; i < 4; i++) await r.answerFrom(wellOff);
    const consentAt = (await r.session())?.consentAt;
    // Four answers not yet sent: asked first (commands.test.ts has the whole exchange).
    expect(texts(await r.send("/restart"))).toEqual([t("common:bot.wipeAsk", { count: 4 })]);
    const replies = await r.press(t("common:bot.wipeYes"));
    expect(replies[0]?.text).toBe(t("common:bot.restarted"));
    expect(replies[1]?.text.startsWith(t(questionKey("jurisdiction", "text_self"), QUESTION_T_OPTIONS))).toBe(
      true,
    );
    expect((await r.session())?.interview?.order).toEqual([]);
    expect((await r.session())?.consentAt).toBe(consentAt);
    expect((await r.question())?.key).toBe("jurisdiction");
  });

  it("/forget erases the session", async () => {
    const t = words("zh-CN");
    const r = b.user(8002, "zh-hans");
    await agree(r, t);
    for (let i = 0; i < 4; i++) await r.answerFrom(wellOff);
    expect(await rows(b, "bot_sessions")).toBe(1);
    const forgotten = only(await r.send("/forget"));
    expect(forgotten.text).toBe(t("common:bot.forgotten"));
    expect(await rows(b, "bot_sessions")).toBe(0);
    expect(await r.session()).toBeUndefined();
    // The next message is from a stranger again: the notice first.
    expect(only(await r.send("5")).text).toBe(t("common:bot.needConsent"));
  });

  // After /forget, the result's "Start again" button (still on the old message) must not start the
  // questions again without the privacy notice: no answers are kept without consent on record.
  it("after /forget, an old 'Start again' button asks nothing before consent", async () => {
    const t = words("en");
    const r = b.user(8003, "en-US");
    await agree(r, t);
    await r.finish(wellOff);
    await r.send("/forget");
    const replies = await r.press(t("common:restart"));
    expect(texts(replies)).toEqual([t("common:bot.needConsent")]);
    expect((await r.session())?.interview).toBeUndefined();
  });

  it("/language, then 'English': the words change and the open question is asked again", async () => {
    const zh = words("zh-CN");
    const en = words("en");
    const r = b.user(8004, "zh-hans");
    await agree(r, zh);
    await r.answerFrom(wellOff);
    await r.answerFrom(wellOff);
    const q = await r.question();
    expect(q?.key).toBe("household");

    const menu = only(await r.send("/language"));
    expect(menu.text).toBe(zh("common:bot.chooseLanguage"));
    expect(menu.reply_markup?.inline_keyboard?.flat().map((k) => k.text)).toEqual([
      "简体中文",
      "繁體中文",
      "English",
    ]);
    const switched = await r.press(en("common:bot.languageNames.en"));

    expect(switched[0]?.text).toBe(en("common:bot.languageSet"));
    const question = renderQuestion(en, q as NonNullable<typeof q>);
    expect(switched[1]?.text.startsWith(question.text)).toBe(true);
    expect(switched[1]?.text).toContain(en("common:roster.hint"));
    expect((await r.session())?.lang).toBe("en");
    expect((await r.session())?.interview?.order).toEqual(["jurisdiction", "helping"]);
    // The conversation goes on in English, whatever the client's language; a typed "1" is one person.
    const nextAsk = await r.send("1");
    const after = await r.question();
    expect(after?.key).toBe("emergency");
    expect(nextAsk.at(-1)?.text.startsWith(renderQuestion(en, after as NonNullable<typeof after>).text)).toBe(
      true,
    );
    expect(
      nextAsk
        .at(-1)
        ?.reply_markup?.inline_keyboard?.flat()
        .map((k) => k.text),
    ).toEqual([en("common:yes"), en("common:no"), en("common:dontKnow"), en("common:back")]);
  });

  it("/status: none yet, then the reference with its status; by reference and phone", async () => {
    const t = words("en");
    const r = b.user(8005, "en-US");
    expect(only(await r.send("/status")).text).toBe(t("common:bot.statusNone"));
    await agree(r, t);
    await r.finish(wellOff);
    const sent = await sendToHotline(r, t);
    const reference = /WX-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.text)?.[0] ?? "";
    const line = t("common:bot.statusLine", { reference, status: t("common:status.new") });

    expect(only(await r.send("/status")).text).toBe(line);
    expect(only(await r.send(`/status ${reference} 13812345678`)).text).toBe(line);
    // As people type it: lower case, no dashes, the phone with +86.
    const typed = reference.toLowerCase().replace(/-/g, "");
    expect(only(await r.send(`/status ${typed} +8613812345678`)).text).toBe(line);
    expect(only(await r.send(`/status ${reference} 13900000000`)).text).toBe(t("common:api.not_found"));
    // From another chat, with the right phone: the same status; with a wrong one, nothing.
    const other = b.user(8006, "en-US");
    expect(only(await other.send(`/status ${reference} 13812345678`)).text).toBe(line);
    expect(only(await other.send(`/status ${reference} 13812345679`)).text).toBe(t("common:api.not_found"));
  });

  it("/web hands the check to the portal once", async () => {
    const t = words("zh-Hant");
    const r = b.user(8007, "zh-hk");
    expect(only(await r.send("/web")).text).toBe(t("common:bot.webNothing"));
    await agree(r, t);
    for (let i = 0; i < 6; i++) await r.answerFrom(wellOff);
    const open = (await r.question())?.key;

    const link = only(await r.send("/web"));

    const url = /https:\/\/portal\.example\/check\/resume\?token=(\S+)/.exec(link.text);
    expect(url).not.toBeNull();
    expect(link.text).toBe(t("common:bot.webLink", { url: url?.[0] }));
    const token = decodeURIComponent(url?.[1] ?? "");
    const res = await b.h.post("/api/interviews/resume", { token });
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.progress.answered).toBe(6);
    expect(view.question.key).toBe(open);
    expect((await b.h.post("/api/interviews/resume", { token })).status).toBe(410);
    // The chat's own check is still there.
    expect(await answered(r)).toBe(6);
  });
});

describe("status notifications", { timeout: 30_000 }, () => {
  it("a claim by a hotline agent is told to the chat once, in the chat's language", async () => {
    const t = words("zh-Hant");
    const r = b.user(9009, "zh-hk");
    await agree(r, t);
    await r.finish(wellOff);
    const sent = await sendToHotline(r, t);
    const reference = /WX-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.text)?.[0] ?? "";
    const agent = await staffClient(b.h, "chen", "agent", "wuxi");
    expect((await agent.post(`/api/staff/requests/${reference}/claim`)).status).toBe(200);

    const log: string[] = [];
    const notifier = createNotifier({
      api: b.bot.api,
      outbox: createOutbox({ db: b.h.deps.db, now: () => b.h.clock.now }),
      requests: b.h.deps.requests,
      words: realWords,
      log: (line) => log.push(line),
    });
    const before = r.messages().length;
    expect(await notifier.runOnce()).toBe(1);
    const told = r.messages().slice(before);
    expect(texts(told)).toEqual([
      t("common:bot.statusChanged", { reference, status: t("common:status.claimed") }),
    ]);
    expect(await notifier.runOnce()).toBe(0);
    expect(r.messages().length).toBe(before + 1);
    expect(log).toEqual([]);
  });
});

describe("a long result", { timeout: 60_000 }, () => {
  it.each(LANGUAGES)("%s: six people, many programs 'possible', in whole lines", async (lang, code) => {
    const t = words(lang);
    const r = b.user(9100, code);
    await agree(r, t);
    await r.finish(bigFamily);
    const state = (await r.session())?.interview;
    const step = state ? next(state, { policies: b.h.deps.policies }) : null;
    expect(step?.done).toBe(true);
    const screening = step?.done ? step.screening : null;
    expect(screening).not.toBeNull();
    if (!screening) return;
    expect(screening.results.filter((x) => x.outcome === "possible").length).toBeGreaterThanOrEqual(10);
    // The programs that may apply, as the bot lays them out: long ones split at line ends, never cut.
    const view = residentResult(t, screening, { relations: state ? householdRelations(state) : [] });
    const { summary, details, closing } = chatResult(t, view);
    const text = [summary, details ?? "", closing].join("\n");
    const parts = resultMessages(r, t);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(MAX_MESSAGE);
    const shownLines = parts.flatMap((p) => p.text.split("\n"));
    // In order, nothing left out or added.
    const nonBlank = (lines: string[]) => lines.filter((l) => l.trim() !== "");
    expect(nonBlank(shownLines)).toEqual(nonBlank(text.split("\n")));
  });
});
