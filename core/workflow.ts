// The hotline's workflow: which status may follow which, why a request was closed, and what a call
// attempt found. Shared by the store (db/queue.ts), the API and the workspace's pages.

export const STATUSES = ["new", "claimed", "contacted", "referred", "closed"] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Where a request came from: a resident's chat or form, an agent taking a call, or the office's own
 * screening of its low-income register (主动发现, `npm run discover -- … --file-requests`).
 */
export const CHANNELS = ["bot", "portal", "staff", "outreach"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Why a request may be processed: the person's consent, given through a channel; or the office's
 * statutory duty to find people in need (社会救助暂行办法, 主动发现), for requests filed from a register.
 */
export const BASIS_KINDS = ["consent", "statutory_duty"] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/**
 * Where a call's outcome may take a request, in one step (claim, release and reopen are their own
 * actions): from claimed straight to referred or closed — a caller never reached can be closed as
 * unreachable without first being marked contacted.
 */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  new: [],
  claimed: ["contacted", "referred", "closed"],
  contacted: ["referred", "closed"],
  referred: ["closed"],
  closed: [],
};

export const CLOSE_OUTCOMES = [
  "referred_for_application",
  "not_eligible",
  "duplicate",
  "unreachable",
  "withdrawn",
] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/**
 * Did the move record a conversation with the caller? Contacted and referred do; a closing does when
 * its outcome could only be known by talking (not for "unreachable" or "duplicate").
 */
export function contactHappened(to: Status, outcome: CloseOutcome | null): boolean {
  if (to === "contacted" || to === "referred") return true;
  return to === "closed" && outcome !== null && outcome !== "unreachable" && outcome !== "duplicate";
}

/** What one call attempt found. */
export const CALL_RESULTS = ["no_answer", "busy", "wrong_number", "reached"] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** Attempts on different working days before "unreachable" may close a request (UNREACHABLE_ATTEMPTS). */
export const UNREACHABLE_ATTEMPTS = 3;

/** What a resident is told: a request they withdrew reads "withdrawn", not "closed". */
export function residentStatus(status: string, closeOutcome: string | null): string {
  return status === "closed" && closeOutcome === "withdrawn" ? "withdrawn" : status;
}

export const DUPLICATE_WINDOW_DAYS = 30;
