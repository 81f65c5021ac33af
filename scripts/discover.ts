// npm run discover -- REGISTER [--as-of DATE] [--params FILE] [--out DIR] [--workers N] [--format jsonl|csv]
//                     [--checkpoint-every N] [--file-requests [--max-requests N]]
// 主动发现: screens a low-income register (JSON Lines or CSV, possibly gzipped) against every program and
// writes, in DIR (default discover-out/), worklist.jsonl and worklist.csv (households that may get a
// program they do not already receive, most urgent and largest first), rejects.jsonl (bad rows, by
// line) and summary.json (counts). Never stops on a bad row; a killed run resumes. With
// --file-requests, the worklist's households are filed to the hotline's queue as outreach requests.
// Bad arguments exit 2 with one line. See docs/discover.md.

import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { isIsoDate } from "../core/dates.ts";
import type { DeploymentParams } from "../core/policies/deployment.ts";
import { ConfigError, readConfig } from "../portal/server/config.ts";
import { loadParamsFile, ParamsFileError } from "../portal/server/params-file.ts";
import { buildDeps, StartError } from "../portal/server/service.ts";
import { fileRequests } from "./discover/file-requests.ts";
import { formatOf, RegisterError } from "./discover/input.ts";
import { runDiscover } from "./discover/run.ts";
import { todayInShanghai } from "./lib/today.ts";

const USAGE =
  "usage: npm run discover -- REGISTER [--as-of YYYY-MM-DD] [--params FILE] [--out DIR] [--workers N] " +
  "[--format jsonl|csv] [--checkpoint-every N] [--file-requests [--max-requests N]]";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function whole(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    fail(`--${name}: "${text}" must be a whole number from 1 to ${max}`);
  return n;
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      options: {
        "as-of": { type: "string" },
        params: { type: "string" },
        out: { type: "string", default: "discover-out" },
        workers: { type: "string" },
        format: { type: "string" },
        "checkpoint-every": { type: "string" },
        "file-requests": { type: "boolean", default: false },
        "max-requests": { type: "string" },
      },
      allowPositionals: true,
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail(USAGE);
  const register = positionals[0] as string;
  const asOf = values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf)) fail(`--as-of: "${asOf}" is not a date written YYYY-MM-DD`);
  const workers = whole("workers", values.workers, availableParallelism(), 64);
  const segment = whole("checkpoint-every", values["checkpoint-every"], 20_000, 10_000_000);
  const maxRequests = whole("max-requests", values["max-requests"], 500, 1_000_000);
  if (values["max-requests"] !== undefined && !values["file-requests"])
    fail("--max-requests goes with --file-requests");

  let deployment: DeploymentParams = {};
  let paramsText = "";
  if (values.params !== undefined) {
    try {
      deployment = loadParamsFile(values.params);
      paramsText = readFileSync(values.params, "utf8");
    } catch (error) {
      if (error instanceof ParamsFileError) fail(error.message);
      throw error;
    }
  }
  // The store is opened before the long run, so that a bad setting stops it at once, not hours later.
  let deps: Awaited<ReturnType<typeof buildDeps>>["deps"] | null = null;
  if (values["file-requests"]) {
    try {
      const config = readConfig(process.env);
      if (values.params !== undefined) config.POLICY_PARAMS_FILE = values.params;
      deps = (await buildDeps(config, { log: (line) => process.stderr.write(`${line}\n`) })).deps;
    } catch (error) {
      const known = error instanceof ConfigError || error instanceof StartError;
      fail(`Cannot file requests: ${known ? error.message : String(error).split("\n")[0]}`);
    }
  }

  try {
    const format = formatOf(register, values.format);
    const summary = await runDiscover({
      register,
      format,
      out: values.out,
      workers,
      deployment,
      paramsText,
      asOf,
      today: todayInShanghai(),
      segment,
      log: (line) => process.stderr.write(`${line}\n`),
      progress: process.stderr,
    });
    const perSecond = summary.run.householdsPerSecond.toLocaleString("en");
    console.log(
      `Screened ${summary.households.toLocaleString("en")} households (${summary.rejects.toLocaleString("en")} rejected) ` +
        `in ${summary.run.seconds} s, ${perSecond} a second with ${workers} worker(s): ` +
        `${summary.worklist.toLocaleString("en")} on the worklist in ${values.out}/.`,
    );
    if (deps) {
      const filed = await fileRequests({
        out: values.out,
        register,
        format,
        intake: deps.intake,
        requests: deps.requests,
        max: maxRequests,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      console.log(
        `Filed ${filed.created} outreach request(s) to the hotline's queue; ${filed.alreadyFiled} filed before ` +
          `with the same outcomes; ${filed.refused} refused; ${filed.left} left on the worklist (--max-requests ${maxRequests}).`,
      );
    }
  } catch (error) {
    if (error instanceof RegisterError) fail(error.message);
    throw error;
  } finally {
    await deps?.db.close();
  }
}

await main();
