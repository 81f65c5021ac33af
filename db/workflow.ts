// The hotline's workflow: which status may follow which, and why a request was closed.

export const STATUSES = ["new", "claimed", "contacted", "referred", "closed"] as const;
export type Status = (typeof STATUSES)[number];

/** Moves an agent makes on a claimed request (claim, release and reopen are their own actions). */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  new: [],
  claimed: ["contacted"],
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

/** What a resident is told: a request they withdrew reads "withdrawn", not "closed". */
export function residentStatus(status: string, closeOutcome: string | null): string {
  return status === "closed" && closeOutcome === "withdrawn" ? "withdrawn" : status;
}

export const DUPLICATE_WINDOW_DAYS = 30;
