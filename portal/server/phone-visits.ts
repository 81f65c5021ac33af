// An agent's visit to a request: once the phone is revealed it stays shown while they work that
// request — until they open another page of the workspace or 15 minutes pass — and the reveal is one
// audited event per visit, not one per page load. Kept in this process's memory, by staff session.

export const VISIT_MINUTES = 15;

export function createPhoneVisits(now: () => Date, minutes = VISIT_MINUTES) {
  const visits = new Map<string, { reference: string; until: number }>();
  return {
    /** Is the phone shown on this request for this session's current visit? */
    shown(sessionId: string, reference: string): boolean {
      const visit = visits.get(sessionId);
      if (!visit) return false;
      if (visit.until <= now().getTime()) {
        visits.delete(sessionId);
        return false;
      }
      return visit.reference === reference;
    },
    /** The phone was revealed (an audited event): shown for the rest of the visit. */
    start(sessionId: string, reference: string): void {
      visits.set(sessionId, { reference, until: now().getTime() + minutes * 60_000 });
    },
    /** A page of the workspace other than this request's: the visit ends. */
    leave(sessionId: string, reference: string | null): void {
      if (visits.get(sessionId)?.reference !== reference) visits.delete(sessionId);
    },
  };
}

export type PhoneVisits = ReturnType<typeof createPhoneVisits>;
