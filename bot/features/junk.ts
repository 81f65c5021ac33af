// Anything the bot did not expect — stickers, photos, voice, text where a button is wanted, a command
// that does not exist — gets a short, kind re-ask of where the chat stands, and changes nothing. (A
// stale button is answered by createBot: "这个按钮已经用过了".)

import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { askCurrent } from "../flow.ts";
import { commandList, resume } from "./commands.ts";
import { askSend } from "./submit.ts";

export function junk(deps: BotDeps) {
  const c = new Composer<BotContext>();
  // A button no feature knows (from an older version of the bot): answered as spent by createBot.
  // An edited message is not read again (the answer it held was taken as first sent): say so kindly.
  c.on("edited_message", async (ctx) => {
    if (ctx.session.phase !== "interview") return;
    await ctx.reply(ctx.t("common:bot.junk"));
    return askCurrent(ctx, deps);
  });
  // A command that does not exist ("/stat", "/help me"): the ones that do, then where the chat stood.
  c.on("message:text", async (ctx, next) => {
    const command = /^\/[^\s@]+/.exec(ctx.message.text)?.[0];
    if (!command) return next();
    await ctx.reply(`${ctx.t("common:bot.unknownCommand", { command })}\n\n${commandList(ctx.t)}`);
    await resume(ctx, deps);
  });
  c.on("message", async (ctx) => {
    const phase = ctx.session.phase;
    if (phase === "interview") {
      await ctx.reply(ctx.t("common:bot.junk"));
      return askCurrent(ctx, deps);
    }
    if (phase === "consent") return void (await ctx.reply(ctx.t("common:bot.needConsent")));
    // Mid-send: the same detail is asked again.
    const step = ctx.session.send?.step;
    if (phase === "send" && step) return askSend(ctx, step);
    await ctx.reply(ctx.t("common:bot.done"));
  });
  return c;
}
