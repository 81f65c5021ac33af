// API errors as data: a code, the field it concerns (the contract's path), and values for the words.
// `app.onError` turns them into `{ error: { code, message, field } }` in the caller's language.

import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldIssue } from "../../core/schema/issues.ts";

export interface ApiIssue {
  code: string;
  field: string | null;
  values: Record<string, unknown>;
  /** Words already chosen for the person (an interview's re-ask); otherwise locales/ words the code. */
  message?: string;
}

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    readonly field: string | null = null,
    readonly issues: ApiIssue[] = [],
    readonly headers: Record<string, string> = {},
    /** Values for the code's words (minutes to wait, a minimum length …). */
    readonly values: Record<string, unknown> = {},
  ) {
    super(status, { message: code });
  }
}

/** Field issues (zod's, through the core's mapping) under a body prefix such as "situation". */
/** Dates no calendar question can hold (before 1900, after 2200, an estimate years ahead): 400. */
const DATE_BOUNDS = new Set(["date_out_of_range", "date_too_far"]);

/** 400 when every issue is a date out of bounds (a request that cannot be asked); else 422. */
export function statusFor(issues: readonly { code: string }[]): 400 | 422 {
  return issues.length > 0 && issues.every((i) => DATE_BOUNDS.has(i.code)) ? 400 : 422;
}

export function invalid(issues: FieldIssue[], prefix = ""): ApiError {
  const mapped = issues.map((i) => ({
    code: i.code,
    field: prefix && i.path ? `${prefix}.${i.path}` : prefix || i.path,
    values: i.values,
  }));
  return new ApiError(statusFor(mapped), "invalid", mapped[0]?.field ?? null, mapped);
}

export function fieldError(status: ContentfulStatusCode, field: string, code: string): ApiError {
  return new ApiError(status, "invalid", field, [{ code, field, values: {} }]);
}
