// zod validation at the edge (@hono/zod-validator), failing with the API's error shape: every issue
// with the contract's field path.

import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { fieldIssues } from "../../core/schema/issues.ts";
import { invalid } from "./errors.ts";

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw invalid(fieldIssues(result.error));
  });
}
