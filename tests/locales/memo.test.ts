// memoizeT gives the same words as i18next, remembers only calls whose options choose words, and
// never keeps a call that carries a value (a phone, a name) in its memory.

import type { TFunction } from "i18next";
import { expect, it } from "vitest";
import { createI18nSync, memoizeT } from "../../locales/i18n.ts";

it("answers like i18next, and asks i18next once per word-choosing call", () => {
  const real = createI18nSync("en");
  const calls: unknown[][] = [];
  const counting = ((key: unknown, options?: unknown) => {
    calls.push([key, options]);
    return (real as (k: unknown, o?: unknown) => unknown)(key, options);
  }) as unknown as TFunction;
  const t = memoizeT(counting);
  expect(t("common:yes")).toBe("Yes");
  expect(t("common:yes")).toBe("Yes");
  expect(t("common:progress.left", { count: 1 })).toBe("About 1 question left");
  expect(t("common:progress.left", { count: 4 })).toBe("About 4 questions left");
  expect(t("common:progress.left", { count: 4 })).toBe("About 4 questions left");
  expect(calls).toHaveLength(3);
  // A value that is not a word choice is passed through every time and not remembered.
  expect(t("common:bot.statusLine", { reference: "WX-2222-2222", status: "New" })).toBe("WX-2222-2222: New");
  expect(t("common:bot.statusLine", { reference: "WX-3333-3333", status: "New" })).toBe("WX-3333-3333: New");
  expect(calls).toHaveLength(5);
});
