// What a portal page gets from the server (Astro.locals.portal): the person's language and text size,
// the words, the stores to read from, the draft behind the cookie, and a one-time message ("flash")
// left by the form post that redirected here. Pages read; only Hono's form routes write.

import type { TFunction } from "i18next";
import type { Draft } from "../../db/interviews.ts";
import type { Session } from "../../db/staff.ts";
import type { Lang } from "../../locales/i18n.ts";
import type { AppDeps } from "./deps.ts";
import type { WorkspaceView } from "./workspace.ts";

export type Flash =
  /** A refused answer, with what was typed, ticked (`picked`) or counted, shown again as it was. */
  | {
      kind: "answer_error";
      key: string;
      message: string;
      value: string;
      picked?: string[];
      counts?: Record<string, string>;
    }
  /** A refused send: the field to fix, and what was typed, so nothing has to be typed again. */
  | { kind: "apply_error"; field: string; message: string; typed?: Record<string, string> }
  | { kind: "sent"; reference: string; slaDueAt: string; urgent: boolean }
  | {
      kind: "status";
      reference: string;
      phone: string;
      status: string;
      updatedAt: string;
      /** Withdraw was pressed: ask once before withdrawing. */
      confirmWithdraw?: boolean;
    }
  | {
      kind: "status_error";
      message: string;
      /** What was typed, shown again; the field the message is about, when it is one field's. */
      typed?: { reference: string; phone: string };
      field?: "reference" | "phone";
    }
  | { kind: "resume_failed" }
  | { kind: "staff_error"; message: string }
  /** Something done, said once on the next page ("已保存为第 2 版。"). */
  | { kind: "staff_notice"; message: string }
  /** A note kept as typed — the session ended, or it was refused — for the status form or the notes. */
  | { kind: "note_kept"; reference: string; text: string; error?: string; in?: "status" | "notes" };

export interface PortalLocals {
  lang: Lang;
  large: boolean;
  t: TFunction;
  deps: AppDeps;
  draftId: string | null;
  draft: Draft | null;
  flash: Flash | null;
  /** The path and query asked for, for the language and text-size forms to come back to. */
  path: string;
  /** The signed-in hotline staff member, for the workspace's pages. */
  staff: Session | null;
  /** What a workspace page shows, read by the guard's services (workspace.ts); null elsewhere. */
  workspace: WorkspaceView | null;
}
