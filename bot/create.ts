// createBot(deps): the grammY bot. Order matters: a re-delivered update is dropped first; updates of
// one chat run in order (sequentialize in this process, the store's lock across processes, both before
// the session is read); then the session, the chat's language, and the features, each a Composer.

import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, session } from "grammy";
import { isCurrent, start } from "../core/interview/state.ts";
import { shanghaiDate } from "../core/sla.ts";
import { firstDelivery } from "../db/bot-sessions.ts";
import { isLang, pickLang } from "../locales/i18n.ts";
import type { BotContext } from "./context.ts";
import type { BotDeps } from "./deps.ts";
import { quietly } from "./edits.ts";
import { commands } from "./features/commands.ts";
import { consent } from "./features/consent.ts";
import { handoff } from "./features/handoff.ts";
import { interview } from "./features/interview.ts";
import { junk } from "./features/junk.ts";
import { result } from "./features/result.ts";
import { status } from "./features/status.ts";
import { submit } from "./features/submit.ts";
import { keepLimits } from "./limits.ts";
import { initialSession } from "./session.ts";

export const chatKey = (ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined);

export function createBot(deps: BotDeps): Bot<BotContext> {
  const log = deps.log ?? ((line: string) => console.warn(line));
  const apiRoot = deps.apiRoot ?? "https://api.telegram.org";
  // Kept-alive connections, a bounded number: replies to many chats at once reuse sockets instead of
  // opening one per call.
  const agentOptions = { keepAlive: true, maxSockets: 64 };
  const agent = apiRoot.startsWith("https:") ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: { apiRoot, baseFetchConfig: { agent, compress: true } },
  });
  keepLimits(bot.api, deps.limits);

  bot.use(async (ctx, next) => {
    if (!(await firstDelivery(deps.db, ctx.update.update_id, deps.now()))) return;
    await next();
  });
  bot.use(sequentialize(chatKey));
  // Across processes too (webhooks behind a proxy): one update of a chat at a time, by a lock in the
  // store held while the update runs, from before its session is read until after it is written.
  bot.use((ctx, next) => {
    const key = chatKey(ctx);
    return key === undefined ? next() : deps.db.exclusive(`chat:${key}`, next);
  });
  bot.use(session({ initial: initialSession, getSessionKey: chatKey, storage: deps.sessions }));
  bot.use(async (ctx, next) => {
    const chosen = ctx.session?.lang;
    ctx.lang = isLang(chosen) ? chosen : pickLang(ctx.from?.language_code);
    ctx.t = deps.words(ctx.lang);
    ctx.quietly = (what, call) => quietly(what, call, log);
    let answered = false;
    const answer = async (text?: string) => {
      if (answered || !ctx.callbackQuery) return;
      answered = true;
      await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery(text ? { text } : undefined));
    };
    ctx.pressed = () => answer();
    ctx.spent = () => answer(ctx.t("common:bot.buttonUsed"));
    // Answers kept from an older interview (another set of questions) cannot be continued: start again.
    const kept = ctx.session?.interview;
    if (kept && !isCurrent(kept)) {
      ctx.session.interview = start(shanghaiDate(deps.now()));
      ctx.session.picking = undefined;
      if (ctx.session.phase !== "consent") ctx.session.phase = "interview";
    }
    await next();
    // A button press that no feature took is an old or answered button: say so, briefly.
    await ctx.spent();
  });
  // Only private chats: a group would mix several people's answers.
  const privateChats = bot.chatType("private");
  privateChats.use(commands(deps));
  privateChats.use(consent(deps));
  privateChats.use(status(deps));
  privateChats.use(handoff(deps));
  privateChats.use(result(deps));
  privateChats.use(submit(deps));
  privateChats.use(interview(deps));
  privateChats.use(junk(deps));

  bot.catch((error) => {
    // The update's kind and the error's, never the message text (it may hold personal facts).
    const kind = Object.keys(error.ctx.update).find((k) => k !== "update_id") ?? "update";
    console.error(`bot: ${kind} ${error.ctx.update.update_id}: ${(error.error as Error)?.name ?? "Error"}`);
  });
  return bot;
}
