// The answers given so far, as the check page lists them under "change my answers" (and the agent's
// correction page): each question in words and its answer as the options name it.

import type { TFunction } from "i18next";
import { summary } from "../core/interview/answer.ts";
import { ask, type InterviewOptions } from "../core/interview/next.ts";
import type { InterviewState } from "../core/interview/state.ts";
import { renderQuestion } from "./render.ts";

export interface AnswerSoFar {
  key: string;
  text: string;
  shown: string;
}

export function answersSoFar(t: TFunction, state: InterviewState, options: InterviewOptions): AnswerSoFar[] {
  return summary(state).map((a) => {
    const q = renderQuestion(t, ask(state, a.key, options));
    const value = "unknown" in a.answer ? null : String(a.answer.value);
    const shown =
      value === null ? t("common:dontKnow") : (q.options.find((o) => o.value === value)?.label ?? value);
    return { key: a.key, text: q.text, shown };
  });
}
