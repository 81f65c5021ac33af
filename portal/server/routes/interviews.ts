// /api/interviews: the shared interview over HTTP for the portal and any other channel. A draft lives
// in the store (sealed); its id is the caller's secret. A hand-off token lets another channel take over.

import { Hono } from "hono";
import { answer, back } from "../../../core/interview/answer.ts";
import { QUESTION_BY_ID } from "../../../core/interview/questions.ts";
import { parseKey, start } from "../../../core/interview/state.ts";
import { shanghaiDate } from "../../../core/sla.ts";
import { renderIssue } from "../../../locales/render.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { answerBodySchema, resumeBodySchema, startInterviewSchema } from "../schemas.ts";
import { stepView } from "../step.ts";
import { validate } from "../validate.ts";

export function interviewRoutes(deps: AppDeps) {
  const load = async (id: string) => {
    const draft = await deps.interviews.get(id);
    if (!draft) throw new ApiError(404, "interview_not_found");
    return draft;
  };
  return new Hono<AppEnv>()
    .post("/", validate("json", startInterviewSchema), async (c) => {
      const lang = c.req.valid("json").lang ?? c.var.lang;
      const draft = { state: start(shanghaiDate(deps.now())), lang };
      const id = await deps.interviews.create(draft, "portal");
      return c.json(stepView(id, draft.state, c.var.t, deps.policies), 201);
    })
    .post("/resume", validate("json", resumeBodySchema), async (c) => {
      const taken = await deps.interviews.resume(c.req.valid("json").token, "portal");
      if (!taken) throw new ApiError(410, "token_invalid", "token");
      return c.json(stepView(taken.id, taken.draft.state, c.var.t, deps.policies));
    })
    .get("/:id", async (c) => {
      const id = c.req.param("id");
      return c.json(stepView(id, (await load(id)).state, c.var.t, deps.policies));
    })
    .post("/:id/answers", validate("json", answerBodySchema), async (c) => {
      const id = c.req.param("id");
      const draft = await load(id);
      const body = c.req.valid("json");
      const raw = "unknown" in body ? { unknown: true as const } : body.value;
      if (!QUESTION_BY_ID.has(parseKey(body.key).id)) {
        throw new ApiError(422, "invalid", "key", [{ code: "not_applicable", field: "key", values: {} }]);
      }
      const result = answer(draft.state, body.key, raw, { policies: deps.policies });
      if (!result.ok) {
        const { code, values } = result.issue;
        const message = renderIssue(c.var.t, result.issue);
        throw new ApiError(422, "invalid", "value", [{ code, field: "value", values, message }]);
      }
      await deps.interviews.save(id, { ...draft, state: result.state });
      return c.json(stepView(id, result.state, c.var.t, deps.policies));
    })
    .post("/:id/back", async (c) => {
      const id = c.req.param("id");
      const draft = await load(id);
      const state = back(draft.state);
      await deps.interviews.save(id, { ...draft, state });
      return c.json(stepView(id, state, c.var.t, deps.policies));
    })
    .get("/:id/result", async (c) => {
      const id = c.req.param("id");
      const view = stepView(id, (await load(id)).state, c.var.t, deps.policies);
      if (!view.done || !view.screening) throw new ApiError(409, "interview_not_done");
      return c.json(view.screening);
    })
    .post("/:id/handoff", async (c) => {
      const handed = await deps.interviews.handoff(c.req.param("id"));
      if (!handed) throw new ApiError(404, "interview_not_found");
      const url = `${deps.publicUrl}/check/resume?token=${encodeURIComponent(handed.token)}`;
      return c.json({ token: handed.token, url, expiresAt: handed.expiresAt }, 201);
    })
    .delete("/:id", async (c) => {
      await deps.interviews.remove(c.req.param("id"));
      return c.body(null, 204);
    });
}
