// The packs, checked against their schema once when a policy set is made, and a deployment's additions.

import { z } from "zod";
import type { Jurisdiction } from "../schema/enums.ts";
import { formatPath } from "../schema/paths.ts";
import type { DeploymentParams } from "./deployment.ts";
import { jiangmen } from "./jiangmen.ts";
import { jilin } from "./jilin.ts";
import { national } from "./national.ts";
import { neijiangDongxing } from "./neijiang-dongxing.ts";
import type { Pack } from "./pack.ts";
import { datedSchema, type ParamKey, type ParamTable, paramSchemas } from "./params.ts";
import { puning } from "./puning.ts";
import { wuxi } from "./wuxi.ts";

export const PACKS: Record<Jurisdiction, Pack> = {
  wuxi,
  jiangmen,
  puning,
  jilin,
  "neijiang-dongxing": neijiangDongxing,
};
export { national };

export interface PolicySet {
  national: Pack;
  packs: Record<Jurisdiction, Pack>;
  deployment: DeploymentParams;
  /** Short digest of the deployment file, so a screening says which figures it used. */
  deploymentTag: string | null;
}

/** A parameter's list of dated values as a schema, made once per parameter (the packs share most). */
const datedLists = new Map<ParamKey, z.ZodType>();

function datedList(key: ParamKey): z.ZodType {
  let schema = datedLists.get(key);
  if (schema === undefined) {
    schema = z.array(datedSchema(paramSchemas[key]));
    datedLists.set(key, schema);
  }
  return schema;
}

function checkTable(where: string, table: ParamTable): void {
  for (const [key, values] of Object.entries(table)) {
    if (!Object.hasOwn(paramSchemas, key)) throw new Error(`${where}: unknown parameter ${key}`);
    // Each table is checked once, at start: zod's compiled fast path would be built for one use only.
    const parsed = datedList(key as ParamKey).safeParse(values, { jitless: true });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${where}: ${key}${formatPath(issue?.path ?? [])}: ${issue?.message}`);
    }
  }
}

export function checkPack(pack: Pack): void {
  checkTable(pack.id, pack.params);
  for (const [id, county] of Object.entries(pack.counties ?? {}))
    checkTable(`${pack.id}/${id}`, county.params);
}

/** FNV-1a: a stable tag for a deployment file's content, with no I/O or crypto in the core. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

let checked = false;

export function createPolicies(deployment: DeploymentParams = {}): PolicySet {
  if (!checked) {
    checkPack(national);
    for (const pack of Object.values(PACKS)) checkPack(pack);
    checked = true;
  }
  const hasDeployment = Object.keys(deployment).length > 0;
  return {
    national,
    packs: PACKS,
    deployment,
    deploymentTag: hasDeployment ? digest(JSON.stringify(deployment)) : null,
  };
}
