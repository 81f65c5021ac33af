// /start: what the bot does and does not do, and the privacy notice. Sensitive questions come only
// after the person agrees; declining stores nothing. /language changes the chat's language.

import { Composer, InlineKeyboard } from "grammy";
import { start } from "../../core/interview/state.ts";
import { shanghaiDate } from "../../core/sla.ts";
import { isLang, LANGS } from "../../locales/i18n.ts";
import { PRIVACY_NOTICE_VERSION } from "../../locales/notice.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { askCurrent } from "../flow.ts";
import { forgetAllButLanguage, initialSession } from "../session.ts";

/** The first message: what the bot does and does not do, and the notice to agree to. A fresh session. */
export async function greet(ctx: BotContext): Promise<void> {
  const lang = ctx.session.lang;
  ctx.session = { ...initialSession(), ...(lang ? { lang } : {}) };
  const keyboard = new InlineKeyboard()
    .text(ctx.t("common:privacy.agree"), "consent:yes")
    .text(ctx.t("common:privacy.decline"), "consent:no");
  await ctx.reply(
    [
      ctx.t("common:bot.greeting"),
      ctx.t("common:bot.notADecision"),
      `${ctx.t("common:privacy.title")}: ${ctx.t("common:privacy.notice")}`,
    ].join("\n\n"),
    { reply_markup: keyboard },
  );
}

export function consent(deps: BotDeps) {
  const c = new Composer<BotContext>();

  // "/start" with answers not yet sent asks first (commands.ts).
  c.command("start", greet);

  c.callbackQuery("consent:yes", async (ctx) => {
    if (ctx.session.phase !== "consent") return; // pressed twice: spent
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    ctx.session.consentAt = deps.now().toISOString();
    ctx.session.noticeVersion = PRIVACY_NOTICE_VERSION;
    ctx.session.interview = start(shanghaiDate(deps.now()));
    await askCurrent(ctx, deps);
  });

  c.callbackQuery("consent:no", async (ctx) => {
    // "No thanks" on an old greeting, once the person has agreed, wipes nothing: spent.
    if (ctx.session.phase !== "consent") return;
    await ctx.pressed();
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    forgetAllButLanguage(ctx);
    await ctx.reply(ctx.t("common:bot.declined"));
  });

  c.command("language", async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const lang of LANGS) keyboard.text(ctx.t(`common:bot.languageNames.${lang}`), `lang:${lang}`).row();
    await ctx.reply(ctx.t("common:bot.chooseLanguage"), { reply_markup: keyboard });
  });

  c.callbackQuery(/^lang:(.+)$/, async (ctx) => {
    const lang = ctx.match[1];
    if (!isLang(lang)) return;
    await ctx.pressed();
    ctx.session.lang = lang;
    ctx.lang = lang;
    ctx.t = deps.words(lang);
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    await ctx.reply(ctx.t("common:bot.languageSet"));
    if (ctx.session.phase === "interview") await askCurrent(ctx, deps);
  });

  return c;
}
