// An interview step as the API shows it: the next question in the caller's language, or the result.

import type { TFunction } from "i18next";
import { next } from "../../core/interview/next.ts";
import type { InterviewState } from "../../core/interview/state.ts";
import type { PolicySet } from "../../core/policies/index.ts";
import { renderQuestion } from "../../locales/render.ts";

export function stepView(id: string, state: InterviewState, t: TFunction, policies: PolicySet) {
  const step = next(state, { policies });
  if (step.done) {
    return { id, done: true, question: null, progress: step.progress, screening: step.screening };
  }
  const q = step.question;
  return {
    id,
    done: false,
    // `household`: everyone's relation from the roster, so a client can name people as the words do.
    question: { ...renderQuestion(t, q), id: q.id, kind: q.kind, member: q.member, household: q.household },
    progress: step.progress,
    screening: null,
  };
}
