// /status: the chat's own requests, or one by reference and phone (/status WX-7KQ4-9M2P 13812345678).

import { Composer } from "grammy";
import { normalizeReference } from "../../db/reference.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";

export function status(deps: BotDeps) {
  const c = new Composer<BotContext>();
  c.command("status", async (ctx) => {
    const [ref, phone] = ctx.match.trim().split(/\s+/).filter(Boolean);
    const line = (reference: string, s: string) =>
      ctx.t("common:bot.statusLine", { reference, status: ctx.t(`common:status.${s}`) });
    if (ref && phone) {
      const reference = normalizeReference(ref);
      const found = reference ? await deps.requests.statusFor(reference, phone) : null;
      await ctx.reply(reference && found ? line(reference, found.status) : ctx.t("common:api.not_found"));
      return;
    }
    const mine = await deps.requests.byChat(String(ctx.chat.id));
    await ctx.reply(
      mine.length === 0
        ? ctx.t("common:bot.statusNone")
        : mine.map((r) => line(r.reference, r.status)).join("\n"),
    );
  });
  return c;
}
