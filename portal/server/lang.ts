// The caller's language: `?lang=`, else Accept-Language, else zh-CN. Messages and errors use it.

import { createMiddleware } from "hono/factory";
import type { TFunction } from "i18next";
import { createI18nSync, isLang, LANGS, type Lang, memoizeT, pickLang } from "../../locales/i18n.ts";
import type { AppEnv } from "./deps.ts";

const T: Record<Lang, TFunction> = Object.fromEntries(
  LANGS.map((l) => [l, memoizeT(createI18nSync(l))]),
) as Record<Lang, TFunction>;

export function tFor(lang: Lang): TFunction {
  return T[lang];
}

export const language = createMiddleware<AppEnv>(async (c, next) => {
  const query = c.req.query("lang");
  const lang = isLang(query) ? query : pickLang(c.req.header("accept-language")?.split(",")[0]);
  c.set("lang", lang);
  c.set("t", T[lang]);
  await next();
});
