// Validation problems as data, like zod's own issues: a code, the field's path, and the values that
// explain it. Words for people come from the caller (the CLI, locales/), never from here.

import type { z } from "zod";
import { formatPath } from "./paths.ts";

export interface FieldIssue {
  path: string;
  code:
    | "unknown_key"
    | "required"
    | "wrong_type"
    | "too_small"
    | "too_big"
    | "not_one_of"
    | "date_format"
    | "date_not_real"
    | "date_after_as_of"
    /** Outside the dates a situation may hold (DATE_RANGE), or an estimate dated too far ahead. */
    | "date_out_of_range"
    | "date_too_far"
    /** A period whose end comes before its start. */
    | "before_from"
    | "first_member_is_self"
    | "only_first_member_is_self"
    | "band_reversed"
    | "part_exceeds_total"
    | "invalid";
  values: Record<string, unknown>;
}

type ZodIssue = z.core.$ZodIssue;

function fromIssue(issue: ZodIssue): FieldIssue[] {
  const path = formatPath(issue.path);
  const params = (issue as { params?: { code?: FieldIssue["code"]; values?: Record<string, unknown> } })
    .params;
  if (params?.code) return [{ path, code: params.code, values: { ...params.values } }];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        code: "unknown_key",
        values: { key },
      }));
    case "invalid_type":
      return issue.input === undefined
        ? [{ path, code: "required", values: {} }]
        : [{ path, code: "wrong_type", values: { expected: issue.expected } }];
    case "too_small":
      return [{ path, code: "too_small", values: { minimum: Number(issue.minimum), origin: issue.origin } }];
    case "too_big":
      return [{ path, code: "too_big", values: { maximum: Number(issue.maximum), origin: issue.origin } }];
    case "invalid_format":
      return [{ path, code: "date_format", values: { format: "YYYY-MM-DD" } }];
    case "invalid_value":
      return [{ path, code: "not_one_of", values: { options: issue.values } }];
    case "invalid_union": {
      // A parent entry is a status or { status, since }: report the closest branch's problem.
      const branches = issue.errors.map((errs) =>
        errs.flatMap((e) => fromIssue({ ...e, path: [...issue.path, ...e.path] })),
      );
      const best = branches.find((b) => b.some((i) => i.code !== "wrong_type")) ?? branches[0];
      return best && best.length > 0 ? best : [{ path, code: "invalid", values: {} }];
    }
    default:
      return [{ path, code: "invalid", values: {} }];
  }
}

export function fieldIssues(error: { issues: readonly z.core.$ZodIssue[] }): FieldIssue[] {
  return error.issues.flatMap(fromIssue);
}
