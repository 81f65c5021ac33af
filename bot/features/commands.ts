// The commands a person can type, and what the bot says about them: /help lists them (as Telegram's
// menu does, set at start), an unknown command gets the same list (junk.ts), and /start or /restart
// typed while answers are not yet sent asks before wiping them — "不，继续" picks up where it stood.

import { Composer, InlineKeyboard } from "grammy";
import type { TFunction } from "i18next";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { askCurrent, startAgain } from "../flow.ts";
import { greet } from "./consent.ts";
import { askConfirm, askSend } from "./submit.ts";

/** The commands, in the order a person needs them. */
export const COMMANDS = ["start", "restart", "status", "web", "language", "forget", "help"] as const;

/** Each command with its description, as Telegram's menu shows them (setMyCommands). */
export function commandMenu(t: TFunction): { command: string; description: string }[] {
  return COMMANDS.map((command) => ({ command, description: t(`common:bot.commands.${command}`) }));
}

/** The commands as a list to read: "/start 重新开始…", one a line. */
export function commandList(t: TFunction): string {
  return [t("common:bot.commandsIntro"), ...commandMenu(t).map((c) => `/${c.command} ${c.description}`)].join(
    "\n",
  );
}

/** Answers given and not sent: what /start or /restart would wipe. */
function unsentAnswers(ctx: BotContext): number {
  const phase = ctx.session.phase;
  const answered = ctx.session.interview?.order.length ?? 0;
  return phase === "interview" || phase === "result" || phase === "send" || phase === "confirm"
    ? answered
    : 0;
}

/** Back to where the chat stood: the open question, the send step, the summary, or the result's button. */
export async function resume(ctx: BotContext, deps: BotDeps): Promise<void> {
  const phase = ctx.session.phase;
  if (phase === "interview") return askCurrent(ctx, deps);
  if (phase === "send" && ctx.session.send?.step) return askSend(ctx, ctx.session.send.step);
  if (phase === "confirm") return askConfirm(ctx);
  if (phase === "result")
    return void (await ctx.reply(ctx.t("common:bot.resultKept"), {
      reply_markup: new InlineKeyboard().text(ctx.t("common:bot.sendToHotline"), "send"),
    }));
  if (phase === "consent") return void (await ctx.reply(ctx.t("common:bot.needConsent")));
  await ctx.reply(ctx.t("common:bot.done"));
}

export function commands(deps: BotDeps) {
  const c = new Composer<BotContext>();

  c.command(["start", "restart"], async (ctx, next) => {
    const count = unsentAnswers(ctx);
    if (count === 0) return next();
    const which = ctx.msg.text?.startsWith("/restart") ? "restart" : "start";
    await ctx.reply(ctx.t("common:bot.wipeAsk", { count }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("common:bot.wipeYes"), `wipe:${which}`)
        .row()
        .text(ctx.t("common:bot.wipeNo"), "wipe:no"),
    });
  });

  c.callbackQuery(/^wipe:(start|restart|no)$/, async (ctx) => {
    if (unsentAnswers(ctx) === 0) return; // already wiped, or sent since: spent
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    const choice = ctx.match[1];
    if (choice === "start") return greet(ctx);
    if (choice === "restart") return startAgain(ctx, deps);
    await ctx.reply(ctx.t("common:bot.wipeKept"));
    await resume(ctx, deps);
  });

  c.command("help", async (ctx) => {
    await ctx.reply(commandList(ctx.t));
    await resume(ctx, deps);
  });

  return c;
}
