// Today's answers, kept: 20,000 generated situations (a fixed seed), each screened as the API screens
// untrusted input, and a short digest of each answer — outcomes, amounts, ranges, `until`, reasons,
// `missing`, `certain`, every byte — compared with tests/fixtures/oracle-20000.txt. A faster core must
// give the same answers: this names the first situation whose answer moved. After a deliberate change
// of results (a pack's new figures), write the file again: UPDATE_ORACLE=1 npx vitest run oracle.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { createPolicies } from "../../core/policies/index.ts";
import { screenInput } from "../../core/screen.ts";
import { situationArb } from "./arbitraries.ts";

const FILE = new URL("../fixtures/oracle-20000.txt", import.meta.url);
const N = 20_000;

it("20,000 generated situations get today's answers, byte for byte", () => {
  const policies = createPolicies();
  const inputs = fc.sample(situationArb, { seed: 20261130, numRuns: N });
  const digests = inputs.map((s) => {
    const answer = screenInput(JSON.parse(JSON.stringify(s)), { policies, today: "2026-11-22" });
    return createHash("sha256").update(JSON.stringify(answer)).digest("hex").slice(0, 12);
  });
  if (process.env.UPDATE_ORACLE === "1") writeFileSync(FILE, `${digests.join("\n")}\n`);
  const expected = readFileSync(FILE, "utf8").trimEnd().split("\n");
  expect(expected).toHaveLength(N);
  const moved = digests.findIndex((d, i) => d !== expected[i]);
  expect(moved, moved >= 0 ? `situation ${moved}: ${JSON.stringify(inputs[moved])}` : "").toBe(-1);
});
