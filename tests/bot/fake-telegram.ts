// A local stand-in for the Telegram Bot API over real HTTP: POST /bot<token>/<method> with a JSON
// body, answering like Telegram ({ ok, result }). It records every call, keeps the messages each chat
// has, and serves getUpdates (long polling) from updates a test pushes.

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  params: Record<string, unknown>;
  /** When the stand-in received it (ms since the epoch). */
  at: number;
}

export interface ChatMessage {
  message_id: number;
  chat_id: number;
  text: string;
  reply_markup?:
    | { inline_keyboard?: { text: string; callback_data?: string }[][]; keyboard?: unknown }
    | undefined;
}

export interface FakeTelegram {
  /** The apiRoot to give grammY (TELEGRAM_API_ROOT). */
  url: string;
  calls: Call[];
  /** Messages as they stand now in each chat (edits applied). */
  messages: Map<number, ChatMessage[]>;
  push(update: Record<string, unknown>): void;
  webhook: { url: string; secret?: string } | null;
  /**
   * Methods made to fail as Telegram or the network can: an error code (429 flood control, 500 …)
   * answered for every call of that method, or "network" (the connection is dropped unanswered).
   */
  failing: Map<string, number | "network">;
  /**
   * Flood control as Telegram applies it: the next `times` calls of a method are refused with 429 and
   * `retry_after` seconds (nothing is sent); the calls after them go through.
   */
  flood(method: string, times: number, retryAfter: number): void;
  /** Methods answered only after this many milliseconds (a slow network, a busy Bot API). */
  slow: Map<string, number>;
  close(): Promise<void>;
}

export const BOT_INFO = {
  id: 424242,
  is_bot: true as const,
  first_name: "Intake",
  username: "intake_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch {
        resolve({});
      }
    });
  });
}

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: Call[] = [];
  const failing = new Map<string, number | "network">();
  const floods = new Map<string, { times: number; retryAfter: number }>();
  const slow = new Map<string, number>();
  const messages = new Map<number, ChatMessage[]>();
  const updates: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let nextMessageId = 1000;
  const fake: Partial<FakeTelegram> = { webhook: null };

  const find = (chat: number, id: number) => messages.get(chat)?.find((m) => m.message_id === id);

  const handlers: Record<string, (p: Record<string, unknown>) => unknown | Promise<unknown>> = {
    getMe: () => BOT_INFO,
    setMyCommands: () => true,
    sendChatAction: () => true,
    answerCallbackQuery: () => true,
    setWebhook: (p) => {
      fake.webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
      return true;
    },
    deleteWebhook: () => {
      fake.webhook = null;
      return true;
    },
    sendMessage: (p) => {
      const m: ChatMessage = {
        message_id: nextMessageId++,
        chat_id: Number(p.chat_id),
        text: String(p.text),
        reply_markup: p.reply_markup as ChatMessage["reply_markup"],
      };
      messages.set(m.chat_id, [...(messages.get(m.chat_id) ?? []), m]);
      return {
        message_id: m.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: m.chat_id, type: "private" },
        text: m.text,
      };
    },
    editMessageText: (p) => {
      const m = find(Number(p.chat_id), Number(p.message_id));
      if (!m) return { error: 400 };
      m.text = String(p.text);
      m.reply_markup = p.reply_markup as ChatMessage["reply_markup"];
      return { message_id: m.message_id, date: 0, chat: { id: m.chat_id, type: "private" }, text: m.text };
    },
    editMessageReplyMarkup: (p) => {
      const m = find(Number(p.chat_id), Number(p.message_id));
      if (!m) return { error: 400 };
      m.reply_markup = p.reply_markup as ChatMessage["reply_markup"];
      return { message_id: m.message_id, date: 0, chat: { id: m.chat_id, type: "private" }, text: m.text };
    },
    deleteMessage: (p) => {
      const list = messages.get(Number(p.chat_id)) ?? [];
      messages.set(
        Number(p.chat_id),
        list.filter((m) => m.message_id !== Number(p.message_id)),
      );
      return true;
    },
    getUpdates: async (p) => {
      const offset = Number(p.offset ?? 0);
      const pending = () => updates.filter((u) => Number(u.update_id) >= offset);
      if (pending().length === 0 && Number(p.timeout ?? 0) > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(Number(p.timeout) * 1000, 500));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return pending().slice(0, Number(p.limit ?? 100));
    },
  };

  const server: Server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const params = await readJson(req);
    const method = match?.[2] ?? "";
    calls.push({ method, params, at: Date.now() });
    const delay = slow.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const flood = floods.get(method);
    if (flood && flood.times > 0) {
      flood.times--;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${flood.retryAfter}`,
          parameters: { retry_after: flood.retryAfter },
        }),
      );
      return;
    }
    const failure = failing.get(method);
    if (failure === "network") {
      req.socket.destroy();
      return;
    }
    const handler = handlers[method];
    const result =
      failure !== undefined ? { error: failure } : handler ? await handler(params) : { error: 404 };
    res.setHeader("content-type", "application/json");
    const failed = typeof result === "object" && result !== null && "error" in result;
    const code = failed ? (result as { error: number }).error : 200;
    res.end(
      JSON.stringify(
        failed
          ? {
              ok: false,
              error_code: code,
              description:
                code === 429
                  ? "Too Many Requests: retry after 7"
                  : code >= 500
                    ? "Internal Server Error"
                    : `Bad Request: ${method}`,
              ...(code === 429 ? { parameters: { retry_after: 7 } } : {}),
            }
          : { ok: true, result },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    calls,
    messages,
    failing,
    slow,
    flood(method: string, times: number, retryAfter: number) {
      floods.set(method, { times, retryAfter });
    },
    push(update: Record<string, unknown>) {
      updates.push(update);
      for (const wake of waiters.splice(0)) wake();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of waiters.splice(0)) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeTelegram;
}
