// Reads a deployment params file for the CLI and the server: refused whole, naming the file and field.

import { readFileSync } from "node:fs";
import { type DeploymentParams, parseDeploymentParams } from "../../core/policies/deployment.ts";
import { issueText } from "./issue-text.ts";

export class ParamsFileError extends Error {}

export function loadParamsFile(file: string): DeploymentParams {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ParamsFileError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const result = parseDeploymentParams(text);
  if (!result.ok) throw new ParamsFileError(result.issues.map((i) => `${file}: ${issueText(i)}`).join("\n"));
  return result.params;
}
