// Moving a chat along: ask the current question, or show the result when none is left; start again.

import { InlineKeyboard } from "grammy";
import { buildSituation } from "../core/interview/build.ts";
import { householdRelations } from "../core/interview/roster.ts";
import { answerOf, start } from "../core/interview/state.ts";
import { isUrgent, shanghaiDate } from "../core/sla.ts";
import { chatResult, type ResidentResult, residentResult } from "../locales/result.ts";
import type { BotContext } from "./context.ts";
import type { BotDeps } from "./deps.ts";
import { currentStep, questionMessage, renderCurrent } from "./question.ts";
import { splitMessage } from "./split.ts";

export async function askCurrent(ctx: BotContext, deps: BotDeps): Promise<void> {
  const state = ctx.session.interview;
  if (!state) return;
  const current = renderCurrent(ctx, state, deps.policies);
  if (!current) return showResult(ctx, deps);
  ctx.session.phase = "interview";
  const { text, keyboard } = questionMessage(ctx, state, current.rendered, current.step.progress.left);
  const sent = await ctx.reply(text, { reply_markup: keyboard });
  ctx.session.questionMessageId = sent.message_id;
}

/** The resident's view of the finished interview in the chat's language, or null before the end. */
export function resultView(ctx: BotContext, deps: BotDeps): ResidentResult | null {
  const state = ctx.session.interview;
  if (!state) return null;
  const step = currentStep(state, deps.policies);
  if (!step.done || !step.screening) return null;
  const situation = buildSituation(state);
  return residentResult(ctx.t, step.screening, {
    subject: answerOf(state, "helping") === "helping" ? "helping" : "self",
    relations: householdRelations(state),
    urgent: situation !== null && isUrgent(situation),
  });
}

/**
 * The result: the summary first (an emergency first of all), then the programs that may apply, then
 * one line for what does not apply, where to apply, and the buttons — "Why" (every reason and clause),
 * "What to bring", "What does not apply", "Send to the hotline", "Start again".
 */
export async function showResult(ctx: BotContext, deps: BotDeps): Promise<void> {
  const view = resultView(ctx, deps);
  if (!view) return;
  ctx.session.phase = "result";
  const { summary, details, closing } = chatResult(ctx.t, view);
  for (const part of splitMessage(summary)) await ctx.reply(part);
  for (const part of details ? splitMessage(details) : []) await ctx.reply(part);
  const keyboard = new InlineKeyboard().text(ctx.t("common:result.why"), "why");
  if (view.open.length > 0) keyboard.text(ctx.t("common:result.bringButton"), "bring");
  if (view.closed.length > 0) keyboard.row().text(ctx.t("common:result.closedButton"), "closed");
  keyboard
    .row()
    .text(ctx.t("common:bot.sendToHotline"), "send")
    .row()
    .text(ctx.t("common:restart"), "restart");
  const parts = splitMessage(closing);
  for (const [i, part] of parts.entries())
    await ctx.reply(part, i === parts.length - 1 ? { reply_markup: keyboard } : {});
}

/** Starting over (/restart, the result's button) needs consent on record, like the first start. */
export async function startAgain(ctx: BotContext, deps: BotDeps): Promise<void> {
  if (!ctx.session.consentAt) {
    await ctx.reply(ctx.t("common:bot.needConsent"));
    return;
  }
  ctx.session.interview = start(shanghaiDate(deps.now()));
  ctx.session.phase = "interview";
  ctx.session.picking = undefined;
  ctx.session.send = undefined;
  await ctx.reply(ctx.t("common:bot.restarted"));
  await askCurrent(ctx, deps);
}
