// A policy pack: one jurisdiction's documents and the effective-dated parameters taken from them.

import type { Program } from "../schema/enums.ts";
import type { ParamKey, ParamTable } from "./params.ts";

export interface PackDocument {
  /** Short citation every `source` starts with: the document number, or a short name where it has none. */
  id: string;
  title: string;
  issued: string;
  basis: "seed" | "national" | "supplementary";
}

export interface PackGap {
  param: ParamKey;
  from: string;
  to?: string;
  /** Why the documents give no value then. */
  note: string;
}

export interface Pack {
  id: string;
  name: string;
  /** Changes whenever a figure or rule in the pack changes. */
  version: string;
  /** The date its figures were last checked against published sources. */
  figuresConfirmedOn: string;
  /** The span the temporal-coverage test sweeps: its documents' validity through the last confirmation. */
  coverage: { from: string; to: string };
  documents: PackDocument[];
  programs: Program[];
  /** Dates the pack had to assume, and why. */
  assumptions: { param: ParamKey; note: string }[];
  gaps: PackGap[];
  params: ParamTable;
  /** Districts or counties whose figures differ (Jiangmen's 台山/开平/恩平 are a lower provincial class). */
  counties?: Record<string, { name: string; params: ParamTable }>;
}
