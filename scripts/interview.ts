// npm run --silent interview -- --simulate FILE   answers from FILE, prints { asked, screening }
// npm run interview -- [--lang zh-CN|zh-Hant|en]   the same interview, interactively in a terminal

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { simulate } from "../core/interview/index.ts";
import { createPolicies } from "../core/policies/index.ts";
import { fieldIssues } from "../core/schema/issues.ts";
import { situationSchema } from "../core/schema/situation.ts";
import { issueText } from "../portal/server/issue-text.ts";
import { loadParamsFile, ParamsFileError } from "../portal/server/params-file.ts";
import { todayInShanghai } from "./lib/today.ts";

const USAGE =
  "usage: npm run --silent interview -- --simulate FILE | npm run interview -- [--lang zh-CN|zh-Hant|en]";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed: { values: { simulate?: string; lang?: string; params?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { simulate: { type: "string" }, lang: { type: "string" }, params: { type: "string" } },
      allowPositionals: false,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  let deployment = {};
  if (values.params !== undefined) {
    try {
      deployment = loadParamsFile(values.params);
    } catch (error) {
      if (error instanceof ParamsFileError) fail(error.message);
      throw error;
    }
  }
  const policies = createPolicies(deployment);
  if (values.simulate !== undefined) {
    const file = values.simulate;
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
    } catch (error) {
      fail(`${file}: cannot be read as JSON (${(error as Error).message})`);
    }
    const checked = situationSchema.safeParse(input);
    if (!checked.success) fail(fieldIssues(checked.error).map(issueText).join("\n"));
    const { asked, screening } = simulate(checked.data, { policies, today: todayInShanghai() });
    process.stdout.write(`${JSON.stringify({ asked, screening }, null, 2)}\n`);
    return;
  }
  const { runInteractive } = await import("./lib/interactive.ts");
  await runInteractive({ policies, lang: values.lang ?? "zh-CN", today: todayInShanghai() });
}

await main();
