// An agent's visit to a request: once the phone is revealed it stays shown while they work that
// request — until they open another page of the workspace or 15 minutes pass — and the reveal is one
// audited event per visit, not one per page load. Kept with the staff session in the store, so that
// every service process behind a proxy sees the same visit.

import type { StaffStore } from "../../db/staff.ts";

export const VISIT_MINUTES = 15;

export function createPhoneVisits(staff: StaffStore, now: () => Date, minutes = VISIT_MINUTES) {
  return {
    /** Is the phone shown on this request for this session's current visit? */
    async shown(sessionId: string, reference: string): Promise<boolean> {
      return (await staff.visit(sessionId)) === reference;
    },
    /** The phone was revealed (an audited event): shown for the rest of the visit. */
    start(sessionId: string, reference: string): Promise<void> {
      return staff.startVisit(sessionId, reference, new Date(now().getTime() + minutes * 60_000));
    },
    /** A page of the workspace other than this request's: the visit ends. */
    leave(sessionId: string, reference: string | null): Promise<void> {
      return staff.endVisit(sessionId, reference);
    },
  };
}

export type PhoneVisits = ReturnType<typeof createPhoneVisits>;
