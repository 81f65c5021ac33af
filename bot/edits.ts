// Cosmetic calls — an edit that removes spent buttons or shows the answer given, the toast that
// answers a button press — must never stop a conversation. Telegram may refuse one (400: not modified,
// too old, deleted), limit it (429), fail (5xx), or the network may; the update may even lack the
// message to edit, which grammY reports by throwing before any request. Every such failure is logged
// in one line (the call and the error's kind, never a message's text) and skipped.

import { GrammyError, HttpError } from "grammy";

export type Log = (line: string) => void;

function describe(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
  if (error instanceof HttpError) return `network: ${(error.error as Error)?.name ?? "error"}`;
  return (error as Error)?.message?.split("\n")[0] ?? String(error);
}

/** Runs the call; true when it went through, false when it failed (logged and skipped). */
export async function quietly(what: string, call: () => Promise<unknown>, log: Log): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    log(`bot: cosmetic ${what} skipped: ${describe(error)}`);
    return false;
  }
}
