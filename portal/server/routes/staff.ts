// /api/staff/*: the hotline staff's API. Until staff sessions exist ("Queue 2/2"), every call is 401.

import { Hono } from "hono";
import type { AppEnv } from "../deps.ts";
import { ApiError } from "../errors.ts";

export function staffRoutes() {
  return new Hono<AppEnv>().all("*", () => {
    throw new ApiError(401, "unauthorized");
  });
}
