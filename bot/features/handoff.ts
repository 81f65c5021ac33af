// /web: the unfinished check as a draft in the store, and a single-use 30-minute link that opens it in
// the portal (/check/resume?token=…). /forget erases the chat's unsent answers and its session (all but
// the language the person chose, so the next words are still in it).

import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { forgetAllButLanguage } from "../session.ts";

export function handoff(deps: BotDeps) {
  const c = new Composer<BotContext>();
  c.command("web", async (ctx) => {
    const state = ctx.session.interview;
    if (!state || !ctx.session.consentAt) {
      await ctx.reply(ctx.t("common:bot.webNothing"));
      return;
    }
    const id = await deps.interviews.create({ state, lang: ctx.lang }, "bot");
    const handed = await deps.interviews.handoff(id);
    if (!handed) return;
    const url = `${deps.publicUrl}/check/resume?token=${encodeURIComponent(handed.token)}`;
    await ctx.reply(ctx.t("common:bot.webLink", { url }));
  });
  c.command("forget", async (ctx) => {
    forgetAllButLanguage(ctx);
    await ctx.reply(ctx.t("common:bot.forgotten"));
  });
  return c;
}
