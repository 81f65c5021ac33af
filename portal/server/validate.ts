// zod validation at the edge (@hono/zod-validator), failing with the API's error shape: every issue
// with the contract's field path.

import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { fieldIssues } from "../../core/schema/issues.ts";
import { ApiError, invalid } from "./errors.ts";

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  /** 422 for a body that cannot be taken; 400 for a query that cannot be asked (a period of dates). */
  status: 400 | 422 = 422,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const error = invalid(fieldIssues(result.error));
      throw status === 422 || error.status === 400
        ? error
        : new ApiError(status, error.code, error.field, error.issues);
    }
  });
}
