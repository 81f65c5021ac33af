// Reasons are data: a code, the values that explain it, and the clause and basis it rests on.
// locales/ turns them into sentences; nothing here is text for people.

import type { Resolved } from "../policies/resolve.ts";
import type { Reason } from "../schema/screening.ts";

export function reason(
  code: string,
  from: Pick<Resolved<unknown>, "source" | "basis">,
  values: Record<string, unknown> = {},
): Reason {
  return { code, source: from.source, basis: from.basis, values };
}
