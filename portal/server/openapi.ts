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
import {
  amendSchema,
  loginSchema,
  newAccountSchema,
  noteSchema,
  passwordSchema,
  periodQuerySchema,
  queueQuerySchema,
  statusChangeSchema,
} from "./staff-schemas.ts";

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
      ...staffPaths(),
    },
  };
}

function staffPaths() {
  const session =
    "Needs the staff_session cookie; changes need the X-CSRF-Token header. 401 without a session, 403 outside the role or jurisdiction.";
  const ref = { name: "reference", in: "path", required: true, schema: { type: "string" } };
  const query = (schema: z.ZodObject) =>
    Object.entries(z.toJSONSchema(schema, { io: "input" }).properties ?? {}).map(([name, s]) => ({
      name,
      in: "query",
      required: false,
      schema: s,
    }));
  const ok = {
    "200": { description: "Done" },
    "401": error("No staff session"),
    "403": error("Outside the role or jurisdiction"),
  };
  const action = (summary: string, schema?: z.ZodType) => ({
    post: {
      summary,
      description: session,
      parameters: [ref],
      ...(schema ? { requestBody: body(schema) } : {}),
      responses: {
        ...ok,
        "404": error("No such request"),
        "409": error("Not allowed now (already taken, wrong status)"),
      },
    },
  });
  return {
    "/api/staff/login": {
      post: {
        summary: "Sign in (rate-limited per account and client)",
        requestBody: body(loginSchema),
        responses: {
          "200": { description: "Signed in: the cookie, the CSRF token" },
          "401": error("Wrong name or password"),
          "429": error("Locked or too many tries"),
        },
      },
    },
    "/api/staff/logout": {
      post: {
        summary: "Sign out",
        description: session,
        responses: { "204": { description: "Signed out" } },
      },
    },
    "/api/staff/session": {
      get: { summary: "The session and its CSRF token", description: session, responses: ok },
    },
    "/api/staff/password": {
      post: {
        summary: "Change the password (required after a one-time password)",
        description: session,
        requestBody: body(passwordSchema),
        responses: ok,
      },
    },
    "/api/staff/queue": {
      get: {
        summary: "Open requests: urgent first, then by call-back due time, keyset pages",
        description: session,
        parameters: query(queueQuerySchema),
        responses: ok,
      },
    },
    "/api/staff/requests": {
      post: {
        summary: "File a request for a caller on the phone (channel staff)",
        description: session,
        requestBody: body(submitBodySchema),
        responses: { ...ok, "201": { description: "Filed" } },
      },
    },
    "/api/staff/requests/{reference}": {
      get: {
        summary: "The full record, phones left out (audited)",
        description: session,
        parameters: [ref],
        responses: ok,
      },
    },
    "/api/staff/requests/{reference}/phone": action("Reveal the call-back phones (audited)"),
    "/api/staff/requests/{reference}/claim": action("Claim (atomic: one winner)"),
    "/api/staff/requests/{reference}/release": action("Return to the queue"),
    "/api/staff/requests/{reference}/status": action(
      "contacted / referred / closed (with an outcome)",
      statusChangeSchema,
    ),
    "/api/staff/requests/{reference}/reopen": action("Reopen a closed request (supervisor)"),
    "/api/staff/requests/{reference}/notes": action("Add a note", noteSchema),
    "/api/staff/requests/{reference}/amend": action(
      "Correct the facts: a new version, re-screened",
      amendSchema,
    ),
    "/api/staff/stats": {
      get: {
        summary: "Counts for the dashboard (supervisor)",
        description: session,
        parameters: query(periodQuerySchema),
        responses: ok,
      },
    },
    "/api/staff/export": {
      get: {
        summary: "Work orders as CSV or JSON (supervisor, audited)",
        description: session,
        parameters: query(periodQuerySchema),
        responses: ok,
      },
    },
    "/api/staff/accounts": {
      get: { summary: "Staff accounts (admin)", description: session, responses: ok },
      post: {
        summary: "Create an account: a one-time password (admin)",
        description: session,
        requestBody: body(newAccountSchema),
        responses: ok,
      },
    },
  };
}
