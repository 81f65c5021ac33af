// The OpenAPI document, generated from the same zod schemas that validate the requests.

import { z } from "zod";
import pkg from "../../package.json" with { type: "json" };
import {
  answerBodySchema,
  errorSchema,
  handoffSchema,
  healthSchema,
  resumeBodySchema,
  screeningSchema,
  situationSchema,
  startInterviewSchema,
  statusBodySchema,
  statusReplySchema,
  stepSchema,
  submitBodySchema,
  submittedSchema,
} from "./schemas.ts";

const json = (schema: z.ZodType, io: "input" | "output") => ({
  "application/json": {
    schema: z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }),
  },
});
const body = (schema: z.ZodType) => ({ required: true, content: json(schema, "input") });
const reply = (description: string, schema: z.ZodType) => ({ description, content: json(schema, "output") });
const error = (description: string) => reply(description, errorSchema);
const lang = {
  name: "lang",
  in: "query",
  required: false,
  description: "zh-CN (default), zh-Hant or en; else Accept-Language decides",
  schema: { type: "string", enum: ["zh-CN", "zh-Hant", "en"] },
};
const interviewId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const common = {
  "400": error("Malformed JSON"),
  "413": error("Body over 64 KB"),
  "415": error("Not application/json"),
  "422": error("A field is not valid: `field` names it with the contract's path"),
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Safety-net screener API",
      version: pkg.version,
      description:
        "Pre-screening for social assistance (低保, 特困, 临时救助 …) and requests to the 12345 / 12349 hotline. " +
        "Errors are `{ error: { code, message, field } }` in the caller's language.",
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Database reachable and migration level",
          responses: { "200": reply("Healthy", healthSchema) },
        },
      },
      "/api/screen": {
        post: {
          summary: "Screen a situation",
          parameters: [lang],
          requestBody: body(situationSchema),
          responses: { "200": reply("The screening", screeningSchema), ...common },
        },
      },
      "/api/requests": {
        post: {
          summary: "File a pre-screened request for a hotline call-back",
          parameters: [
            lang,
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "A retry with the same key and body returns the first reference (200), never a second request",
              schema: { type: "string", minLength: 8, maxLength: 200 },
            },
          ],
          requestBody: body(submitBodySchema),
          responses: {
            "201": reply("Filed", submittedSchema),
            "200": reply("Already filed under this Idempotency-Key", submittedSchema),
            ...common,
          },
        },
      },
      "/api/requests/status": {
        post: {
          summary: "A request's status, for whoever knows its reference and phone",
          parameters: [lang],
          requestBody: body(statusBodySchema),
          responses: {
            "200": reply("The status", statusReplySchema),
            "404": error("No request with this reference and phone (one answer for both)"),
            "429": error("Too many lookups from this client; see Retry-After"),
            ...common,
          },
        },
      },
      "/api/interviews": {
        post: {
          summary: "Start an interview draft",
          parameters: [lang],
          requestBody: body(startInterviewSchema),
          responses: {
            "201": reply("The first question; `id` is the draft's secret", stepSchema),
            ...common,
          },
        },
      },
      "/api/interviews/resume": {
        post: {
          summary: "Take over a draft with a hand-off token (single use, 30 minutes)",
          parameters: [lang],
          requestBody: body(resumeBodySchema),
          responses: {
            "200": reply("The draft under a new id", stepSchema),
            "410": error("Token expired or used"),
          },
        },
      },
      "/api/interviews/{id}": {
        get: {
          summary: "The draft's current step",
          parameters: [interviewId, lang],
          responses: { "200": reply("The step", stepSchema), "404": error("No such draft") },
        },
        delete: {
          summary: "Forget the draft",
          parameters: [interviewId],
          responses: { "204": { description: "Gone" } },
        },
      },
      "/api/interviews/{id}/answers": {
        post: {
          summary: "Answer the question with `key` (or say it is unknown)",
          parameters: [interviewId, lang],
          requestBody: body(answerBodySchema),
          responses: { "200": reply("The next step", stepSchema), "404": error("No such draft"), ...common },
        },
      },
      "/api/interviews/{id}/back": {
        post: {
          summary: "Take back the last answer",
          parameters: [interviewId, lang],
          responses: { "200": reply("The step", stepSchema) },
        },
      },
      "/api/interviews/{id}/result": {
        get: {
          summary: "The screening of a finished interview",
          parameters: [interviewId],
          responses: { "200": reply("The screening", screeningSchema), "409": error("Questions remain") },
        },
      },
      "/api/interviews/{id}/handoff": {
        post: {
          summary: "A single-use link for another channel to continue this draft",
          parameters: [interviewId],
          responses: {
            "201": reply("The token and the portal link", handoffSchema),
            "404": error("No such draft"),
          },
        },
      },
      "/api/staff/{path}": {
        get: {
          summary: "Hotline staff API (needs a staff session)",
          parameters: [{ name: "path", in: "path", required: true, schema: { type: "string" } }],
          responses: { "401": error("No staff session") },
        },
      },
    },
  };
}
