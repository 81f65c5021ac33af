import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Three projects, run in this order by npm test: unit (pure: the core, the words, the interview),
// integration (a real SQLite file, a real HTTP port, real processes: db, api, server, bot, cli) and
// browser (the portal in Chromium). npm run test:unit is the quick loop.
//
// Many integration suites start real processes (npm start, the CLI) that compile TypeScript on the way
// up; on a loaded CI machine a start can take several seconds. Time limits here catch hangs, not
// slowness: speed is measured by npm run bench.
const limits = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Two files at a time even on two cores (vitest's default would be one): most of an integration
    // file's time is spent waiting — on a child process, a socket, PostgreSQL — not computing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/core/**/*.test.ts", "tests/locales/**/*.test.ts", "tests/interview/**/*.test.ts"],
          ...limits,
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "tests/db/**/*.test.ts",
            "tests/api/**/*.test.ts",
            "tests/server/**/*.test.ts",
            "tests/bot/**/*.test.ts",
            "tests/cli/**/*.test.ts",
            "tests/discover/**/*.test.ts",
          ],
          ...limits,
        },
      },
      { test: { name: "browser", include: ["tests/portal/**/*.test.ts"], ...limits } },
    ],
  },
});
