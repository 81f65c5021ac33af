// Deployment figures: a JSON file of the packs' own shape that adds effective-dated values (next year's
// standard, say) without touching code. Refused whole, naming the file and the field, if malformed.

import { z } from "zod";
import { JURISDICTIONS } from "../schema/enums.ts";
import { type FieldIssue, fieldIssues } from "../schema/issues.ts";
import { datedSchema, type ParamKey, type ParamTable, paramSchemas } from "./params.ts";

export type DeploymentParams = Partial<Record<(typeof JURISDICTIONS)[number], ParamTable>>;

const deployedValue = <T extends z.ZodType>(value: T) =>
  datedSchema(value)
    .extend({ basis: z.literal("deployment").optional() })
    .refine((v) => v.to === undefined || v.from <= v.to, { path: ["to"], params: { code: "too_small" } });

const packParams = z.strictObject(
  Object.fromEntries(
    Object.entries(paramSchemas).map(([k, s]) => [k, z.array(deployedValue(s)).min(1).optional()]),
  ),
);

export const deploymentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  packs: z.strictObject(Object.fromEntries(JURISDICTIONS.map((id) => [id, packParams.optional()]))),
});

export type DeploymentResult = { ok: true; params: DeploymentParams } | { ok: false; issues: FieldIssue[] };

export function parseDeploymentParams(text: string): DeploymentResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "", code: "invalid", values: { json: (error as Error).message } }] };
  }
  const parsed = deploymentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: fieldIssues(parsed.error) };
  const params: DeploymentParams = {};
  for (const [pack, table] of Object.entries(parsed.data.packs)) {
    if (table === undefined) continue;
    const out: Record<string, unknown[]> = {};
    for (const [key, values] of Object.entries(table as Record<string, unknown[] | undefined>)) {
      if (values) out[key as ParamKey] = values.map((v) => ({ ...(v as object), basis: "deployment" }));
    }
    params[pack as (typeof JURISDICTIONS)[number]] = out as ParamTable;
  }
  return { ok: true, params };
}
