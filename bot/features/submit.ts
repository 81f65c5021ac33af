// "Send this to the hotline": the details asked once, only now that something is sent — who it is for,
// and for a helper their relationship, name and own number (abroad too) with the person's own number
// if they wish; for a resident their name and the call-back number (Telegram's contact button, or
// typed). Then a summary to confirm, and the request in the same queue as the portal's.

import { randomUUID } from "node:crypto";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { IntakeRefusal, SendLimited } from "../../core/intake.ts";
import { buildSituation } from "../../core/interview/build.ts";
import { isInternational, parseAnyPhone, parsePhone } from "../../core/interview/numbers.ts";
import { APPLICANT_RELATIONSHIPS } from "../../core/interview/questions.ts";
import { answerOf } from "../../core/interview/state.ts";
import { CALLBACK, isUrgent } from "../../core/sla.ts";
import type { Submitted } from "../../db/requests.ts";
import { callbackBy } from "../../locales/deadline.ts";
import { QUESTION_T_OPTIONS, questionOptionKey } from "../../locales/i18n.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import type { SendStep } from "../session.ts";

/** The longest name the request takes. */
const NAME_MAX = 60;

/** Is the person sending for someone else (the interview's intro says)? */
function helpingIn(ctx: BotContext): boolean {
  const state = ctx.session.interview;
  return state !== undefined && answerOf(state, "helping") === "helping";
}

/** Asks one of the send step's questions (also to ask it again after something unexpected). */
export async function askSend(ctx: BotContext, step: SendStep) {
  ctx.session.phase = "send";
  ctx.session.send = { ...ctx.session.send, step };
  const helping = helpingIn(ctx);
  const back = new InlineKeyboard().text(ctx.t("common:back"), "send:back");
  switch (step) {
    case "relationship": {
      const keyboard = new InlineKeyboard();
      APPLICANT_RELATIONSHIPS.forEach((r, i) => {
        keyboard.text(ctx.t(`common:applicant.relationship.${r}`), `send:rel:${r}`);
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.row().text(ctx.t("common:back"), "send:back");
      return replyWithButtons(ctx, ctx.t("common:applicant.relationshipQuestion"), keyboard);
    }
    case "helperName":
      return replyWithButtons(
        ctx,
        `${ctx.t("common:applicant.name")}\n${ctx.t("common:applicant.nameHelp")}`,
        back,
      );
    case "personName":
      return replyWithButtons(
        ctx,
        helping
          ? ctx.t("common:bot.askPersonName")
          : `${ctx.t("common:applicant.name")}\n${ctx.t("common:applicant.nameHelp")}`,
        back,
      );
    case "phone": {
      const keyboard = new Keyboard().requestContact(ctx.t("common:bot.sharePhone")).resized().oneTime();
      ctx.session.contactKeyboard = true;
      return void (await ctx.reply(ctx.t(helping ? "common:bot.askHelperPhone" : "common:bot.askPhone"), {
        reply_markup: keyboard,
      }));
    }
    case "personPhoneOffer": {
      const name = ctx.session.send?.personName ?? "";
      return replyWithButtons(
        ctx,
        ctx.t("common:bot.askPersonPhoneOffer", { name }),
        new InlineKeyboard()
          .text(ctx.t("common:bot.addPersonPhone"), "send:personPhone")
          .row()
          .text(ctx.t("common:bot.noPersonPhone"), "send:noPersonPhone"),
      );
    }
    case "basis":
      return replyWithButtons(
        ctx,
        ctx.t("common:portal.consentBasis"),
        new InlineKeyboard()
          .text(ctx.t("common:portal.consentHelper"), "send:basis:person_agreed")
          .row()
          .text(ctx.t("common:portal.consentGuardian"), "send:basis:guardian")
          .row()
          .text(ctx.t("common:back"), "send:back"),
      );
    case "personPhone":
      return replyWithButtons(
        ctx,
        ctx.t("common:bot.askPersonPhone", { name: ctx.session.send?.personName ?? "" }),
        back,
      );
  }
}

/**
 * A message with its inline buttons. While the phone step's contact keyboard is still up, the message
 * takes it away (a message carries one kind of keyboard) and then gets its buttons by an edit: one
 * message either way. Should that edit fail, the buttons follow in a short message of their own.
 */
async function replyWithButtons(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  if (!ctx.session.contactKeyboard) return void (await ctx.reply(text, { reply_markup: keyboard }));
  ctx.session.contactKeyboard = undefined;
  const sent = await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
  const chatId = sent.chat.id;
  const added = await ctx.quietly("editMessageReplyMarkup", () =>
    ctx.api.editMessageReplyMarkup(chatId, sent.message_id, { reply_markup: keyboard }),
  );
  if (!added) await ctx.reply(ctx.t("common:bot.pressButton"), { reply_markup: keyboard });
}

/**
 * The summary before sending, in one message with its buttons: for whom, who is applying, the number
 * the hotline calls back, whether it is urgent (and so how soon the call comes), and the place.
 */
export async function askConfirm(ctx: BotContext): Promise<void> {
  const state = ctx.session.interview;
  const send = ctx.session.send;
  if (!state || !send?.phone) return;
  ctx.session.phase = "confirm";
  ctx.session.submitKey = randomUUID();
  const place = ctx.t(
    questionOptionKey("jurisdiction", String(answerOf(state, "jurisdiction"))),
    QUESTION_T_OPTIONS,
  );
  const lines = [ctx.t("common:bot.confirmIntro"), ctx.t("common:bot.confirmFor", { name: send.personName })];
  lines.push(
    send.helperName && send.relationship
      ? ctx.t("common:bot.confirmHelper", {
          name: send.helperName,
          relationship: ctx.t(`common:applicant.relationship.${send.relationship}`),
        })
      : ctx.t("common:bot.confirmSelf"),
  );
  lines.push(ctx.t("common:bot.confirmPhone", { phone: send.phone }));
  if (isInternational(send.phone)) lines.push(ctx.t("common:bot.confirmAbroad"));
  if (send.personPhone) lines.push(ctx.t("common:bot.confirmPersonPhone", { phone: send.personPhone }));
  const situation = buildSituation(state);
  lines.push(
    situation !== null && isUrgent(situation)
      ? ctx.t("common:bot.confirmUrgent", { hours: CALLBACK.urgentHours })
      : ctx.t("common:bot.confirmNotUrgent", { days: CALLBACK.workingDays }),
  );
  lines.push(ctx.t("common:bot.confirmPlace", { place }), ctx.t("common:bot.confirmQuestion"));
  await replyWithButtons(
    ctx,
    lines.join("\n"),
    new InlineKeyboard()
      .text(ctx.t("common:bot.confirmYes"), `confirm:${ctx.session.submitKey}`)
      .text(ctx.t("common:bot.confirmNo"), "confirm:no"),
  );
}

export function submit(deps: BotDeps) {
  const c = new Composer<BotContext>();

  /** The send step's questions in order: a resident's two, a helper's four (and the person's number). */
  function firstStep(ctx: BotContext): SendStep {
    return helpingIn(ctx) ? "relationship" : "personName";
  }

  const ORDER: SendStep[] = [
    "relationship",
    "helperName",
    "personName",
    "phone",
    "personPhoneOffer",
    "basis",
  ];

  /** The step after this one for this person, or null when everything is in: then the summary. */
  function after(ctx: BotContext, step: SendStep): SendStep | null {
    if (step === "personPhone") return "basis";
    const steps = helpingIn(ctx) ? ORDER : (["personName", "phone"] as SendStep[]);
    return steps[steps.indexOf(step) + 1] ?? null;
  }

  function before(ctx: BotContext, step: SendStep): SendStep | null {
    if (step === "personPhone" || step === "basis") return "personPhoneOffer";
    const steps = helpingIn(ctx) ? ORDER : (["personName", "phone"] as SendStep[]);
    return steps[steps.indexOf(step) - 1] ?? null;
  }

  async function advance(ctx: BotContext, step: SendStep) {
    const nextStep = after(ctx, step);
    return nextStep ? askSend(ctx, nextStep) : askConfirm(ctx);
  }

  c.callbackQuery("send", async (ctx) => {
    if (ctx.session.phase !== "result") return;
    await ctx.pressed();
    ctx.session.send = undefined;
    await askSend(ctx, firstStep(ctx));
  });

  c.callbackQuery("send:back", async (ctx) => {
    const step = ctx.session.send?.step;
    if (ctx.session.phase !== "send" || !step) return;
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    const earlier = before(ctx, step);
    if (earlier) return askSend(ctx, earlier);
    // Back from the first detail: the result again, nothing sent.
    ctx.session.phase = "result";
    await ctx.reply(ctx.t("common:bot.notSent"), {
      reply_markup: new InlineKeyboard().text(ctx.t("common:bot.sendToHotline"), "send"),
    });
  });

  c.callbackQuery(/^send:rel:(.+)$/, async (ctx) => {
    const relationship = APPLICANT_RELATIONSHIPS.find((r) => r === ctx.match[1]);
    if (ctx.session.phase !== "send" || ctx.session.send?.step !== "relationship" || !relationship) return;
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    ctx.session.send = { ...ctx.session.send, relationship };
    await advance(ctx, "relationship");
  });

  c.callbackQuery(/^send:(personPhone|noPersonPhone)$/, async (ctx) => {
    if (ctx.session.phase !== "send" || ctx.session.send?.step !== "personPhoneOffer") return;
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    if (ctx.match[1] === "personPhone") return askSend(ctx, "personPhone");
    await askSend(ctx, "basis");
  });

  // A helper sends another person's answers only on a basis they state: that person agreed, or the
  // helper is their legal guardian (the portal's form asks the same).
  c.callbackQuery(/^send:basis:(person_agreed|guardian)$/, async (ctx) => {
    if (ctx.session.phase !== "send" || ctx.session.send?.step !== "basis") return;
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    ctx.session.send = { ...ctx.session.send, basis: ctx.match[1] as "person_agreed" | "guardian" };
    await askConfirm(ctx);
  });

  /** A phone as given for this step: a helper's own may be abroad; the person's is a mainland mobile. */
  function phoneFor(ctx: BotContext, step: SendStep, text: string): string | null {
    return step === "phone" && helpingIn(ctx) ? parseAnyPhone(text) : parsePhone(text);
  }

  async function takePhone(ctx: BotContext, text: string) {
    const step = ctx.session.send?.step;
    if (step !== "phone" && step !== "personPhone") return false;
    const phone = phoneFor(ctx, step, text);
    if (!phone) {
      await ctx.reply(
        ctx.t(
          step === "phone" && helpingIn(ctx) ? "common:reask.not_a_phone_abroad" : "common:reask.not_a_phone",
        ),
      );
      await askSend(ctx, step);
      return true;
    }
    ctx.session.send = { ...ctx.session.send, step, [step]: phone };
    await advance(ctx, step);
    return true;
  }

  c.on("message:contact", async (ctx, next) => {
    if (ctx.session.phase !== "send") return next();
    // Telegram gives a shared contact's number with its country code, often without the "+":
    // "8613812345678", "13125550123" (a number in the US) — read it as the international number it is.
    const shared = ctx.message.contact.phone_number.trim();
    if (!(await takePhone(ctx, shared.startsWith("+") ? shared : `+${shared}`))) return next();
  });

  c.on("message:text", async (ctx, next) => {
    if (ctx.session.phase !== "send" || ctx.message.text.startsWith("/")) return next();
    const step = ctx.session.send?.step;
    const text = ctx.message.text.trim();
    if (step === "helperName" || step === "personName") {
      if (text === "" || text.length > NAME_MAX) {
        await ctx.reply(
          ctx.t(text === "" ? "common:reask.empty" : "common:apply.nameTooLong", { maximum: NAME_MAX }),
        );
        return askSend(ctx, step);
      }
      ctx.session.send = { ...ctx.session.send, step, [step]: text };
      return advance(ctx, step);
    }
    if (await takePhone(ctx, text)) return;
    // Text where a button is wanted (the relationship, the offer): point at the buttons.
    await ctx.reply(ctx.t("common:bot.pressButton"));
    if (step) await askSend(ctx, step);
  });

  c.callbackQuery("confirm:no", async (ctx) => {
    if (ctx.session.phase !== "confirm") return;
    await ctx.pressed();
    ctx.session.phase = "result";
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    await ctx.reply(ctx.t("common:bot.notSent"), {
      reply_markup: new InlineKeyboard().text(ctx.t("common:bot.sendToHotline"), "send"),
    });
  });

  c.callbackQuery(/^confirm:(.+)$/, async (ctx) => {
    const key = ctx.match[1];
    const { interview: state, send, consentAt, noticeVersion } = ctx.session;
    if (
      ctx.session.phase !== "confirm" ||
      key !== ctx.session.submitKey ||
      !state ||
      !send?.phone ||
      !consentAt
    )
      return; // an old summary's button, or pressed twice: spent
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    const helping = helpingIn(ctx);
    let submitted: Submitted;
    try {
      // The same service as the API, the portal's form and staff intake: the same checks, the same record.
      submitted = await deps.intake.fileInterview(
        state,
        {
          phone: send.phone,
          personName: send.personName,
          helper:
            helping && send.relationship
              ? { name: send.helperName ?? "-", relationship: send.relationship, phone: send.phone }
              : undefined,
          personPhone: send.personPhone,
          basis: helping ? send.basis : undefined,
          noticeVersion,
        },
        {
          channel: "bot",
          lang: ctx.lang,
          idempotencyKey: `bot:${key}`,
          chatId: String(ctx.chat?.id),
          consentAt,
        },
      );
    } catch (error) {
      if (error instanceof SendLimited) {
        // Nothing was stored: say why, keep the answers.
        ctx.session.phase = "result";
        await ctx.reply(ctx.t("common:api.too_many_sends", { context: error.scope }));
        return;
      }
      if (!(error instanceof IntakeRefusal)) throw error;
      // Nothing was stored: say what to fix, keep the answers, and offer the step again.
      const issue = error.issues[0];
      if (issue?.field === "contact.phone" || issue?.field === "applicant.phone") {
        await ctx.reply(ctx.t("common:reask.not_a_phone"));
        return askSend(ctx, "phone");
      }
      ctx.session.phase = "result";
      await ctx.reply(
        ctx.t(`common:reask.${issue?.code ?? "invalid"}`, {
          ...issue?.values,
          defaultValue: ctx.t("common:reask.invalid"),
        }),
      );
      await ctx.reply(ctx.t("common:bot.notSent"), {
        reply_markup: new InlineKeyboard().text(ctx.t("common:bot.sendToHotline"), "send"),
      });
      return;
    }
    ctx.session.phase = "sent";
    ctx.session.references = [...new Set([submitted.reference, ...(ctx.session.references ?? [])])];
    ctx.session.interview = undefined;
    ctx.session.send = undefined;
    await ctx.reply(
      ctx.t(submitted.urgent ? "common:bot.sentUrgent" : "common:bot.sent", {
        reference: submitted.reference,
        due: callbackBy(ctx.t, submitted.slaDueAt, submitted.urgent),
      }),
    );
  });

  return c;
}
