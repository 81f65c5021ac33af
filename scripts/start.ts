// npm start: until the service exists ("Queue 1/2"), screens the example household of each jurisdiction
// (tests/fixtures/) and prints what each may get.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createPolicies } from "../core/policies/index.ts";
import { screenInput } from "../core/screen.ts";
import { todayInShanghai } from "./lib/today.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const policies = createPolicies();
const examples = ["neijiang-dongxing", "wuxi", "jiangmen", "puning", "jilin"];

for (const id of examples) {
  const situation = JSON.parse(readFileSync(here(`../tests/fixtures/${id}.json`), "utf8"));
  const result = screenInput(situation, { policies, today: todayInShanghai() });
  if (!result.ok) throw new Error(`example ${id} is invalid`);
  const s = result.screening;
  console.log(`\n${id} (as of ${s.asOf}, ${situation.members.length} member(s))`);
  for (const r of s.results) {
    if (r.outcome === "unlikely") continue;
    const who = r.member === null ? "household" : `member ${r.member}`;
    const money =
      r.monthly !== null
        ? `${r.monthly} yuan/month`
        : r.oneOff
          ? `one-off ${r.oneOff.min}–${r.oneOff.max ?? "…"} yuan`
          : "amount not published";
    console.log(
      `  ${r.outcome.padEnd(8)} ${r.program} (${who}): ${money}${r.until ? `, until ${r.until}` : ""}`,
    );
  }
}
