// Edits to earlier messages are cosmetic (removing spent buttons, showing the answer given). Telegram
// refuses some with 400 — "message is not modified", a message too old or deleted — and that must not
// stop the conversation: such refusals are ignored, anything else still fails.

import { GrammyError } from "grammy";

export async function quietly(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
  }
}
