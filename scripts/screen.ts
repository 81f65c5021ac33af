// npm run --silent screen -- [--as-of YYYY-MM-DD] [--params FILE] FILE|-
// Prints one screening as JSON (exit 0); a bad situation exits 2 with what is wrong on stderr.

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isIsoDate } from "../core/dates.ts";
import { createPolicies } from "../core/policies/index.ts";
import { screenInput } from "../core/screen.ts";
import { issueText } from "../portal/server/issue-text.ts";
import { loadParamsFile, ParamsFileError } from "../portal/server/params-file.ts";
import { todayInShanghai } from "./lib/today.ts";

const USAGE = "usage: npm run --silent screen -- [--as-of YYYY-MM-DD] [--params FILE] FILE|-";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(): void {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { "as-of": { type: "string" }; params: { type: "string" } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      options: { "as-of": { type: "string" }, params: { type: "string" } },
      allowPositionals: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail(USAGE);
  const asOf = values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf)) fail(`--as-of: "${asOf}" is not a date written YYYY-MM-DD`);

  let deployment = {};
  if (values.params !== undefined) {
    try {
      deployment = loadParamsFile(values.params);
    } catch (error) {
      if (error instanceof ParamsFileError) fail(error.message);
      throw error;
    }
  }
  const file = positionals[0] as string;
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    fail(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    fail(`${file === "-" ? "standard input" : file}: is not valid JSON (${(error as Error).message})`);
  }
  const result = screenInput(input, {
    policies: createPolicies(deployment),
    today: todayInShanghai(),
    ...(asOf ? { asOf } : {}),
  });
  if (!result.ok) fail(result.issues.map(issueText).join("\n"));
  process.stdout.write(`${JSON.stringify(result.screening, null, 2)}\n`);
}

main();
