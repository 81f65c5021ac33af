// Debian's Chromium driven by playwright-core, for the portal's end-to-end suites. Where Chromium is
// absent the suites skip with a banner — unless REQUIRE_BROWSER=1 (CI), where that is a failure.

import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_BROWSER = existsSync(CHROMIUM);
export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");
/** Full-page screenshots of every page checked, under test-artifacts/ (SCREENSHOTS=1 npm run test:browser). */
export const SCREENSHOTS = process.env.SCREENSHOTS === "1";

if (!HAVE_BROWSER) {
  const banner = `\n*** Chromium not found at ${CHROMIUM}: the portal's browser suites are skipped. ***\n`;
  if (process.env.REQUIRE_BROWSER === "1")
    throw new Error(`${banner}REQUIRE_BROWSER=1: install Debian's chromium.`);
  console.warn(banner);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
