// "Send this to the hotline": the call-back number (Telegram's contact button, or typed and checked
// as a mainland mobile), a summary to confirm, then the request in the same queue as the portal's.

import { randomUUID } from "node:crypto";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { IntakeRefusal } from "../../core/intake.ts";
import { parsePhone } from "../../core/interview/numbers.ts";
import { answerOf } from "../../core/interview/state.ts";
import type { Submitted } from "../../db/requests.ts";
import { QUESTION_T_OPTIONS, questionOptionKey } from "../../locales/i18n.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";

/** Beijing time as people read it: 2026-11-28 10:00. */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

export function submit(deps: BotDeps) {
  const c = new Composer<BotContext>();

  async function askPhone(ctx: BotContext) {
    ctx.session.phase = "phone";
    const keyboard = new Keyboard().requestContact(ctx.t("common:bot.sharePhone")).resized().oneTime();
    await ctx.reply(ctx.t("common:bot.askPhone"), { reply_markup: keyboard });
  }

  async function confirm(ctx: BotContext, phone: string) {
    const state = ctx.session.interview;
    if (!state) return;
    ctx.session.phone = phone;
    ctx.session.phase = "confirm";
    ctx.session.submitKey = randomUUID();
    const place = ctx.t(
      questionOptionKey("jurisdiction", String(answerOf(state, "jurisdiction"))),
      QUESTION_T_OPTIONS,
    );
    await ctx.reply(ctx.t("common:bot.confirm", { phone, place }), {
      reply_markup: { remove_keyboard: true },
    });
    await ctx.reply(ctx.t("common:bot.sendToHotline"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("common:bot.confirmYes"), `confirm:${ctx.session.submitKey}`)
        .text(ctx.t("common:bot.confirmNo"), "confirm:no"),
    });
  }

  c.callbackQuery("send", async (ctx) => {
    await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery());
    if (ctx.session.phase !== "result") return;
    await askPhone(ctx);
  });

  c.on("message:contact", async (ctx, next) => {
    if (ctx.session.phase !== "phone") return next();
    const phone = parsePhone(ctx.message.contact.phone_number);
    if (!phone) {
      await ctx.reply(ctx.t("common:reask.not_a_phone"));
      return askPhone(ctx);
    }
    await confirm(ctx, phone);
  });

  c.on("message:text", async (ctx, next) => {
    if (ctx.session.phase !== "phone" || ctx.message.text.startsWith("/")) return next();
    const phone = parsePhone(ctx.message.text);
    if (!phone) {
      await ctx.reply(ctx.t("common:reask.not_a_phone"));
      return askPhone(ctx);
    }
    await confirm(ctx, phone);
  });

  c.callbackQuery("confirm:no", async (ctx) => {
    await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery());
    if (ctx.session.phase !== "confirm") return;
    ctx.session.phase = "result";
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    await ctx.reply(ctx.t("common:bot.notSent"), {
      reply_markup: new InlineKeyboard().text(ctx.t("common:bot.sendToHotline"), "send"),
    });
  });

  c.callbackQuery(/^confirm:(.+)$/, async (ctx) => {
    await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery());
    const key = ctx.match[1];
    const { interview: state, phone, consentAt, noticeVersion } = ctx.session;
    if (ctx.session.phase !== "confirm" || key !== ctx.session.submitKey || !state || !phone || !consentAt)
      return;
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    const helping = answerOf(state, "helping") === "helping";
    let submitted: Submitted;
    try {
      // The same service as the API, the portal's form and staff intake: the same checks, the same record.
      submitted = await deps.intake.fileInterview(
        state,
        { phone, basis: helping ? "person_agreed" : undefined, noticeVersion },
        {
          channel: "bot",
          lang: ctx.lang,
          idempotencyKey: `bot:${key}`,
          chatId: String(ctx.chat?.id),
          consentAt,
        },
      );
    } catch (error) {
      if (!(error instanceof IntakeRefusal)) throw error;
      // Nothing was stored: say what to fix, keep the answers, and offer the step again.
      const issue = error.issues[0];
      if (issue?.field === "contact.phone") {
        await ctx.reply(ctx.t("common:reask.not_a_phone"));
        return askPhone(ctx);
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
    ctx.session.phone = undefined;
    await ctx.reply(
      ctx.t(submitted.urgent ? "common:bot.sentUrgent" : "common:bot.sent", {
        reference: submitted.reference,
        due: beijing(submitted.slaDueAt),
      }),
    );
  });

  return c;
}
