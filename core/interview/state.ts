// The interview's state: plain, versioned JSON that the bot keeps per chat and the portal per draft.

// 2: the household roster ("household") replaced the household size, ages became bands.
export const STATE_VERSION = 2 as const;

/** A given answer, or "I don't know" (the fact stays unknown). */
export type Answer = { value: string | number } | { unknown: true };

export interface InterviewState {
  version: typeof STATE_VERSION;
  /** The date the estimate is for, fixed when the interview starts. */
  asOf: string;
  /** Answers by question key: the question id, or `id@member` for a member's question. */
  answers: Record<string, Answer>;
  /** Keys in the order they were answered: for going back and for showing the answers so far. */
  order: string[];
}

/** A state kept from an older version of the interview cannot be continued: the person starts again. */
export function isCurrent(state: { version?: unknown } | null | undefined): state is InterviewState {
  return state?.version === STATE_VERSION;
}

export function start(asOf: string): InterviewState {
  return { version: STATE_VERSION, asOf, answers: {}, order: [] };
}

export function keyOf(id: string, member: number | null): string {
  return member === null ? id : `${id}@${member}`;
}

export function parseKey(key: string): { id: string; member: number | null } {
  const at = key.lastIndexOf("@");
  return at < 0 ? { id: key, member: null } : { id: key.slice(0, at), member: Number(key.slice(at + 1)) };
}

export function answerOf(state: InterviewState, key: string): string | number | undefined {
  const a = state.answers[key];
  return a && "value" in a ? a.value : undefined;
}

export function isAnswered(state: InterviewState, key: string): boolean {
  return state.answers[key] !== undefined;
}
