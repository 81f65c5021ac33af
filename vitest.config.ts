import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Many suites start real processes (npm start, the CLI) that compile TypeScript on the way up; on a
    // loaded CI machine a start can take several seconds. Time limits here catch hangs, not slowness:
    // speed is measured by npm run bench.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
