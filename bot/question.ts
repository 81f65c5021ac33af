// The interview's current question as a chat message: its words, progress, and an inline keyboard
// (the options, then "I don't know" and "Back"). Callback data carry the step and the question key,
// so a button pressed twice, or one from an old message, cannot answer a later question.

import { InlineKeyboard } from "grammy";
import { next, type Step } from "../core/interview/next.ts";
import type { InterviewState } from "../core/interview/state.ts";
import type { PolicySet } from "../core/policies/index.ts";
import { type RenderedQuestion, renderQuestion } from "../locales/render.ts";
import type { BotContext } from "./context.ts";

export interface ButtonPress {
  step: number;
  key: string;
  choice: number | "dk" | "back";
}

export function buttonData(step: number, key: string, choice: ButtonPress["choice"]): string {
  return `a|${step}|${key}|${choice}`;
}

export function parseButton(data: string): ButtonPress | null {
  const [tag, step, key, choice, ...rest] = data.split("|");
  if (tag !== "a" || !step || !/^\d+$/.test(step) || !key || choice === undefined || rest.length > 0)
    return null;
  if (choice === "dk" || choice === "back") return { step: Number(step), key, choice };
  return /^\d+$/.test(choice) ? { step: Number(step), key, choice: Number(choice) } : null;
}

// The step for a state is asked for twice in a row (after an answer, to ask the next question; then
// when that question is answered): remembered per policy set, keyed by the state's JSON.
const STEPS = new WeakMap<PolicySet, Map<string, Step>>();
const STEP_LIMIT = 5000;

export function currentStep(state: InterviewState, policies: PolicySet): Step {
  let steps = STEPS.get(policies);
  if (!steps) {
    steps = new Map();
    STEPS.set(policies, steps);
  }
  const key = JSON.stringify(state);
  const known = steps.get(key);
  if (known) return known;
  const step = next(state, { policies });
  if (steps.size >= STEP_LIMIT) steps.clear();
  steps.set(key, step);
  return step;
}

export function questionMessage(
  ctx: BotContext,
  state: InterviewState,
  rendered: RenderedQuestion,
  left: number,
) {
  const step = state.order.length;
  const keyboard = new InlineKeyboard();
  rendered.options.forEach((o, i) => {
    keyboard.text(o.label, buttonData(step, rendered.key, i)).row();
  });
  if (rendered.canSkip) keyboard.text(ctx.t("common:dontKnow"), buttonData(step, rendered.key, "dk"));
  if (step > 0) keyboard.text(ctx.t("common:back"), buttonData(step, rendered.key, "back"));
  const lines = [rendered.text];
  if (rendered.help) lines.push(rendered.help);
  if (rendered.options.length === 0) lines.push(ctx.t("common:bot.typeAnswer"));
  lines.push(ctx.t("common:progress.left", { count: left }));
  return { text: lines.join("\n\n"), keyboard };
}

export function renderCurrent(ctx: BotContext, state: InterviewState, policies: PolicySet) {
  const step = currentStep(state, policies);
  if (step.done) return null;
  return { step, rendered: renderQuestion(ctx.t, step.question) };
}
