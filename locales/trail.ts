// A request's trail in words, in the reader's language: "李 查看了申请", "李 显示了电话号码", "王 结案：联系
// 不上", each value worded (a status, an outcome, a call's result), never JSON. Views by one person
// within 30 minutes of each other, with nothing between, fold into one line ("查看了申请（3 次）").

import type { TFunction } from "i18next";
import { beijingTime } from "./time.ts";

export interface TrailEvent {
  at: string;
  kind: string;
  /** A staff member's name, or "resident" / "system" / "staff" (filed by staff). */
  actor: string;
  data: Record<string, unknown> | null;
  /** A note's text, or the note kept with a change. */
  text?: string;
}

export interface TrailLine {
  when: string;
  who: string;
  what: string;
  /** The note's words, shown as typed. */
  note?: string;
}

/** Views by one person this close together are one line. */
const FOLD_VIEWS_MS = 30 * 60_000;

const str = (v: unknown) => (typeof v === "string" ? v : "");

function who(t: TFunction, actor: string): string {
  if (actor === "resident" || actor === "system" || actor === "staff")
    return t(`common:trail.actors.${actor}`);
  return actor;
}

function what(t: TFunction, e: TrailEvent, count: number): string {
  const d = e.data ?? {};
  switch (e.kind) {
    case "created":
      return t(d.urgent === true ? "common:trail.created_urgent" : "common:trail.created", {
        channel: t(`common:staff.channels.${str(d.channel) || "portal"}`),
      });
    case "viewed":
      return count > 1 ? t("common:trail.viewedTimes", { count }) : t("common:trail.viewed");
    case "status_changed":
      return str(d.to) === "closed"
        ? t("common:trail.closed", { outcome: t(`common:staff.closeOutcomes.${str(d.outcome)}`) })
        : t("common:trail.moved", { status: t(`common:staff.statuses.${str(d.to)}`) });
    case "call_attempt":
      return t("common:trail.call_attempt", { result: t(`common:staff.callResults.${str(d.result)}`) });
    case "amended":
      return t("common:trail.amended", { version: Number(d.version ?? 0) });
    case "claimed":
    case "released":
    case "reopened":
    case "withdrawn":
    case "note":
    case "phone_revealed":
    case "anonymized":
      return t(`common:trail.${e.kind}`);
    default:
      return t("common:trail.other", { kind: e.kind });
  }
}

export function trailLines(t: TFunction, events: readonly TrailEvent[]): TrailLine[] {
  const lines: (TrailLine & { kind: string; actor: string; lastAt: number; count: number })[] = [];
  for (const e of events) {
    const at = Date.parse(e.at);
    const last = lines[lines.length - 1];
    if (
      e.kind === "viewed" &&
      last?.kind === "viewed" &&
      last.actor === e.actor &&
      at - last.lastAt <= FOLD_VIEWS_MS
    ) {
      last.count++;
      last.lastAt = at;
      last.what = what(t, e, last.count);
      continue;
    }
    lines.push({
      kind: e.kind,
      actor: e.actor,
      lastAt: at,
      count: 1,
      when: beijingTime(t, e.at),
      who: who(t, e.actor),
      what: what(t, e, 1),
      ...(e.text ? { note: e.text } : {}),
    });
  }
  return lines.map(({ when, who, what, note }) => ({ when, who, what, ...(note ? { note } : {}) }));
}
