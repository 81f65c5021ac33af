// The API's bodies and replies as zod schemas: validation at the edge and the OpenAPI document both
// come from here.

import { z } from "zod";
import { APPLICANT_RELATIONSHIPS } from "../../core/interview/questions.ts";
import { screeningSchema } from "../../core/schema/screening.ts";
import { situationSchema } from "../../core/schema/situation.ts";
import { LANGS } from "../../locales/i18n.ts";
import { PRIVACY_NOTICE_VERSIONS } from "../../locales/notice.ts";

const phone = z.string().min(1).max(32);
const name = z.string().trim().min(1).max(60);

export const applicantSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("self"), name: name.optional() }),
  z.strictObject({
    kind: z.literal("helper"),
    name,
    relationship: z.enum(APPLICANT_RELATIONSHIPS),
    phone,
  }),
]);

export const submitBodySchema = z.strictObject({
  situation: situationSchema,
  /**
   * The number the hotline calls back: a mainland mobile, or (a family member abroad) the helper's own
   * international number in E.164, which staff see marked as a call abroad.
   */
  contact: z.strictObject({
    phone: phone.describe(
      "A mainland mobile; or, for a helper abroad, their own number in E.164 (+44…), shown to staff as a call abroad",
    ),
  }),
  applicant: applicantSchema,
  /** The person the request is for: their name, and their own mainland mobile when a helper gives it. */
  person: z
    .strictObject({
      name: name.optional().describe("Whom the request is for: staff must know whom they call about"),
      phone: phone.optional().describe("Their own mainland mobile, when a helper gives it as well"),
    })
    .optional(),
  consent: z.strictObject({
    given: z.literal(true),
    noticeVersion: z.enum(PRIVACY_NOTICE_VERSIONS as [string, ...string[]]),
    basis: z.enum(["self", "person_agreed", "guardian"]),
  }),
  lang: z.enum(LANGS).optional(),
});
export type SubmitBody = z.output<typeof submitBodySchema>;

export const submittedSchema = z.object({
  reference: z.string(),
  status: z.string(),
  statusText: z.string(),
  urgent: z.boolean(),
  slaDueAt: z.string(),
});

export const statusBodySchema = z.strictObject({
  reference: z.string().min(1).max(32),
  phone,
  lang: z.enum(LANGS).optional(),
});

export const statusReplySchema = z.object({
  reference: z.string(),
  status: z.string(),
  statusText: z.string(),
  updatedAt: z.string(),
});

export const startInterviewSchema = z.strictObject({
  lang: z.enum(LANGS).optional(),
});

export const answerBodySchema = z.union([
  z.strictObject({ key: z.string().min(1).max(80), value: z.union([z.string().max(200), z.number()]) }),
  z.strictObject({ key: z.string().min(1).max(80), unknown: z.literal(true) }),
]);

export const resumeBodySchema = z.strictObject({ token: z.string().min(10).max(100) });

const renderedQuestionSchema = z.object({
  key: z.string(),
  id: z.string(),
  kind: z.string(),
  member: z.number().nullable(),
  text: z.string(),
  help: z.string().nullable(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  canSkip: z.boolean(),
});

export const stepSchema = z.object({
  id: z.string(),
  done: z.boolean(),
  question: renderedQuestionSchema.nullable(),
  progress: z.object({ answered: z.number(), left: z.number() }),
  screening: screeningSchema.nullable(),
});

export const handoffSchema = z.object({ token: z.string(), url: z.string(), expiresAt: z.string() });

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().nullable(),
    issues: z
      .array(z.object({ code: z.string(), field: z.string().nullable(), message: z.string() }))
      .optional(),
  }),
});

export const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.literal("ok"),
  migrations: z.object({ applied: z.number(), latest: z.string().nullable(), pending: z.number() }),
  engineVersion: z.string(),
});

export { screeningSchema, situationSchema };
