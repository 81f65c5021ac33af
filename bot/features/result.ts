// The result's buttons: "Why" sends every reason and the clauses each program rests on (each once),
// "What to bring" each program's documents, and "What does not apply" the programs that cannot apply,
// each with its first reason. Both re-read the finished
// interview, so a press after the check was sent or restarted changes nothing.

import { Composer } from "grammy";
import { bringText, closedText, whyText } from "../../locales/result.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { resultView } from "../flow.ts";
import { splitMessage } from "../split.ts";

export function result(deps: BotDeps) {
  const c = new Composer<BotContext>();
  const texts = { why: whyText, bring: bringText, closed: closedText } as const;
  const titles = {
    why: "common:result.whyTitle",
    bring: "common:nextSteps.bring",
    closed: "common:result.closedTitle",
  } as const;
  c.callbackQuery(["why", "bring", "closed"], async (ctx) => {
    const view = ctx.session.phase === "result" ? resultView(ctx, deps) : null;
    if (!view) return; // the check was sent or started again: spent
    await ctx.pressed();
    const which = ctx.callbackQuery.data as keyof typeof texts;
    const text = `${ctx.t(titles[which])}\n${texts[which](ctx.t, view)}`;
    for (const part of splitMessage(text)) await ctx.reply(part);
  });
  return c;
}
