// Status changes for requests filed from a chat: read from the outbox (topic "resident", written with
// the change itself) and sent to the chat in the person's language, with retries like the webhook's.

import type { Api } from "grammy";
import { residentStatus } from "../core/workflow.ts";
import { type Outbox, outboxWorker } from "../db/outbox.ts";
import type { RequestStore } from "../db/requests.ts";
import { isLang, type Lang } from "../locales/i18n.ts";
import type { BotDeps } from "./deps.ts";

export function createNotifier(deps: {
  api: Api;
  outbox: Outbox;
  requests: RequestStore;
  words: BotDeps["words"];
  log: (line: string) => void;
}) {
  async function deliver(): Promise<number> {
    let sent = 0;
    for (const message of await deps.outbox.claim("resident")) {
      const request = await deps.requests.byReference(message.reference);
      if (!request?.chatId) {
        await deps.outbox.delivered(message.id); // nothing to tell, or no one to tell it to any more
        continue;
      }
      const lang: Lang = isLang(request.lang) ? request.lang : "zh-CN";
      const t = deps.words(lang);
      const status = residentStatus(
        String(message.data?.status ?? ""),
        (message.data?.closeOutcome as string) ?? null,
      );
      try {
        await deps.api.sendMessage(
          Number(request.chatId),
          t("common:bot.statusChanged", {
            reference: request.reference,
            status: t(`common:status.${status}`),
          }),
        );
        await deps.outbox.delivered(message.id);
        sent++;
      } catch (error) {
        await deps.outbox.failed(message.id, message.attempts, (error as Error).name);
      }
    }
    return sent;
  }

  return outboxWorker("notifications", deliver, deps.log);
}
