// The Bot API stand-in (tests/bot/fake-telegram.ts) in a process of its own, for the bot bench: prints
// its URL and serves until killed, so the bot's process does not also carry the stand-in's work.

import { startFakeTelegram } from "../../tests/bot/fake-telegram.ts";

const fake = await startFakeTelegram();
console.log(fake.url);
process.on("SIGTERM", () => fake.close().then(() => process.exit(0)));
