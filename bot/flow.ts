// Moving a chat along: ask the current question, or show the result when none is left.

import { InlineKeyboard } from "grammy";
import { householdRelations } from "../core/interview/roster.ts";
import { answerOf } from "../core/interview/state.ts";
import { renderScreening, screeningText } from "../locales/render.ts";
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

export async function showResult(ctx: BotContext, deps: BotDeps): Promise<void> {
  const state = ctx.session.interview;
  if (!state) return;
  const step = currentStep(state, deps.policies);
  if (!step.done || !step.screening) return;
  ctx.session.phase = "result";
  const subject = answerOf(state, "helping") === "helping" ? "helping" : "self";
  const relations = householdRelations(state);
  const text = screeningText(ctx.t, renderScreening(ctx.t, step.screening, subject, relations));
  const parts = splitMessage(text);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(
      part,
      last
        ? {
            reply_markup: new InlineKeyboard()
              .text(ctx.t("common:bot.sendToHotline"), "send")
              .row()
              .text(ctx.t("common:restart"), "restart"),
          }
        : {},
    );
  }
}
