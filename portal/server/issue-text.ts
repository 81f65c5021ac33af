// Field issues in plain English for operators: the command line and the server's start. (People get locales/.)

import type { FieldIssue } from "../../core/schema/issues.ts";

export function issueText(issue: FieldIssue): string {
  const where = issue.path === "" ? "the input" : issue.path;
  const v = issue.values;
  switch (issue.code) {
    case "unknown_key":
      return `${where}: "${String(v.key)}" is not a field of the situation (check the spelling)`;
    case "required":
      return `${where}: is required`;
    case "wrong_type":
      return `${where}: should be ${String(v.expected)}`;
    case "too_small":
      return v.origin === "array"
        ? `${where}: needs at least ${String(v.minimum)} item(s)`
        : `${where}: must be ${String(v.minimum)} or more`;
    case "too_big":
      return v.origin === "array"
        ? `${where}: can have at most ${String(v.maximum)} item(s)`
        : `${where}: must be ${String(v.maximum)} or less`;
    case "not_one_of":
      return `${where}: must be one of ${(v.options as unknown[]).map((o) => JSON.stringify(o)).join(", ")}`;
    case "date_format":
      return `${where}: must be a date written YYYY-MM-DD`;
    case "date_not_real":
      return `${where}: is not a real calendar date`;
    case "date_out_of_range":
      return `${where}: must be between ${String(v.min)} and ${String(v.max)}`;
    case "date_too_far":
      return `${where}: can be at most a year ahead (${String(v.latest)} at the latest)`;
    case "date_after_as_of":
      return `${where}: is after the date of the estimate (${String(v.asOf ?? "asOf")})`;
    case "first_member_is_self":
      return `${where}: the first member is the person the check is about, so their relation must be "self"`;
    case "only_first_member_is_self":
      return `${where}: only the first member can be "self"`;
    case "band_reversed":
      return `${where}: the band's end comes before its start`;
    case "part_exceeds_total":
      return `${where}: the parts are more than the total`;
    default:
      return v.json ? `${where}: is not valid JSON (${String(v.json)})` : `${where}: is not valid`;
  }
}
