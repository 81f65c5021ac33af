// Public references a person can read out on the phone: a jurisdiction prefix and 8 random characters
// from an alphabet without 0/O/1/I, e.g. WX-7KQ4-9M2P (32^8 ≈ 10^12 possibilities).

import { randomInt } from "node:crypto";
import type { Jurisdiction } from "../core/schema/enums.ts";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export const REFERENCE_PREFIX: Record<Jurisdiction, string> = {
  wuxi: "WX",
  jiangmen: "JM",
  puning: "PN",
  jilin: "JL",
  "neijiang-dongxing": "DX",
};

export const REFERENCE_PATTERN = /^(WX|JM|PN|JL|DX)-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

export function newReference(jurisdiction: Jurisdiction): string {
  let body = "";
  for (let i = 0; i < 8; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return `${REFERENCE_PREFIX[jurisdiction]}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** What a person reads out or types: lower case, spaces, missing or other dashes. (0/O/1/I never occur.) */
export function normalizeReference(input: string): string | null {
  const t = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-–—_]/g, "");
  if (!/^[A-Z0-9]{10}$/.test(t)) return null;
  const ref = `${t.slice(0, 2)}-${t.slice(2, 6)}-${t.slice(6)}`;
  return REFERENCE_PATTERN.test(ref) ? ref : null;
}
