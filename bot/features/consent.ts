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
import { initialSession } from "../session.ts";

export function consent(deps: BotDeps) {
  const c = new Composer<BotContext>();

  c.command("start", async (ctx) => {
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
  });

  c.callbackQuery("consent:yes", async (ctx) => {
    await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery());
    if (ctx.session.phase !== "consent") return; // pressed twice
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    ctx.session.consentAt = deps.now().toISOString();
    ctx.session.noticeVersion = PRIVACY_NOTICE_VERSION;
    ctx.session.interview = start(shanghaiDate(deps.now()));
    await askCurrent(ctx, deps);
  });

  c.callbackQuery("consent:no", async (ctx) => {
    await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery());
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    const lang = ctx.session.lang;
    ctx.session = null as never; // deletes the stored session: nothing is kept
    await ctx.reply(ctx.t("common:bot.declined"));
    if (lang) ctx.lang = lang;
  });

  c.command("language", async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const lang of LANGS) keyboard.text(ctx.t(`common:bot.languageNames.${lang}`), `lang:${lang}`).row();
    await ctx.reply(ctx.t("common:bot.chooseLanguage"), { reply_markup: keyboard });
  });

  c.callbackQuery(/^lang:(.+)$/, async (ctx) => {
    await ctx.quietly("answerCallbackQuery", () => ctx.answerCallbackQuery());
    const lang = ctx.match[1];
    if (!isLang(lang)) return;
    ctx.session.lang = lang;
    ctx.lang = lang;
    ctx.t = deps.words(lang);
    await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
    await ctx.reply(ctx.t("common:bot.languageSet"));
    if (ctx.session.phase === "interview") await askCurrent(ctx, deps);
  });

  return c;
}
