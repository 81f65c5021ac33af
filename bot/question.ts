// The interview's current question as a chat message: its words, progress, and an inline keyboard
// (the options, then "I don't know" and "Back"). Callback data carry the step and the question key,
// so a button pressed twice, or one from an old message, cannot answer a later question.

import { InlineKeyboard } from "grammy";
import { next, type Step } from "../core/interview/next.ts";
import { answerOf, type InterviewState } from "../core/interview/state.ts";
import type { PolicySet } from "../core/policies/index.ts";
import { type RenderedQuestion, renderQuestion } from "../locales/render.ts";
import type { BotContext } from "./context.ts";

/**
 * A press: an option's index, "I don't know", "Back"; for a roster or pick-list, "t<n>" adds a relation
 * or toggles a member, "undo" takes back the last relation added, "none" and "ok" finish it.
 */
export type Choice = number | "dk" | "back" | "undo" | "none" | "ok" | { toggle: number };

export interface ButtonPress {
  step: number;
  key: string;
  choice: Choice;
}

export function buttonData(step: number, key: string, choice: Choice): string {
  return `a|${step}|${key}|${typeof choice === "object" ? `t${choice.toggle}` : choice}`;
}

const WORDS = new Set(["dk", "back", "undo", "none", "ok"]);

export function parseButton(data: string): ButtonPress | null {
  const [tag, step, key, choice, ...rest] = data.split("|");
  if (tag !== "a" || !step || !/^\d+$/.test(step) || !key || choice === undefined || rest.length > 0)
    return null;
  if (WORDS.has(choice)) return { step: Number(step), key, choice: choice as "dk" };
  const toggle = /^t(\d+)$/.exec(choice);
  if (toggle) return { step: Number(step), key, choice: { toggle: Number(toggle[1]) } };
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

/** The roster or pick-list built so far for this question (empty when another question was open). */
export function pickedSoFar(ctx: BotContext, key: string, step: number): string[] {
  const p = ctx.session.picking;
  return p && p.key === key && p.step === step ? p.values : [];
}

export function questionMessage(
  ctx: BotContext,
  state: InterviewState,
  rendered: RenderedQuestion,
  left: number,
) {
  const step = state.order.length;
  const keyboard = new InlineKeyboard();
  const lines = [rendered.text];
  const picked = pickedSoFar(ctx, rendered.key, step);
  if (rendered.kind === "roster") {
    // Each press adds one person; "That's everyone" (or "No one else" before any) finishes.
    rendered.options.forEach((o, i) => {
      keyboard.text(
        ctx.t("common:roster.add", { label: o.label }),
        buttonData(step, rendered.key, { toggle: i }),
      );
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row();
    const subject = answerOf(state, "helping") === "helping" ? "helping" : "self";
    if (picked.length === 0)
      keyboard.text(ctx.t(`common:roster.alone_${subject}`), buttonData(step, rendered.key, "none")).row();
    else {
      const label = (v: string) => rendered.options.find((o) => o.value === v)?.label ?? v;
      lines.push(
        ctx.t("common:roster.added", { list: picked.map(label).join(ctx.t("common:listSeparator")) }),
      );
      keyboard
        .text(ctx.t("common:roster.undo"), buttonData(step, rendered.key, "undo"))
        .text(ctx.t("common:roster.done"), buttonData(step, rendered.key, "ok"))
        .row();
    }
    if (rendered.help) lines.push(rendered.help);
    lines.push(ctx.t("common:roster.hint"));
  } else if (rendered.kind === "members" || rendered.kind === "multi") {
    // Toggles: a tick on each one picked; "No one" (or "None") or "Done" finishes. The number is what
    // a person may type instead ("1,3"): a member's own number, or the option's place.
    rendered.options.forEach((o, i) => {
      const n = rendered.kind === "members" ? o.value : String(i + 1);
      const label = ctx.t("common:pick.numbered", { n, label: o.label });
      const shown = picked.includes(o.value) ? ctx.t("common:pick.picked", { label }) : label;
      keyboard.text(shown, buttonData(step, rendered.key, { toggle: i })).row();
    });
    keyboard.text(
      ctx.t(rendered.kind === "members" ? "common:pick.none" : "common:pick.noneOfThese"),
      buttonData(step, rendered.key, "none"),
    );
    if (picked.length > 0) keyboard.text(ctx.t("common:pick.done"), buttonData(step, rendered.key, "ok"));
    keyboard.row();
    if (rendered.help) lines.push(rendered.help);
    lines.push(ctx.t("common:pick.hint"));
  } else {
    rendered.options.forEach((o, i) => {
      keyboard.text(o.label, buttonData(step, rendered.key, i)).row();
    });
    if (rendered.help) lines.push(rendered.help);
    if (rendered.options.length === 0) lines.push(ctx.t("common:bot.typeAnswer"));
  }
  if (rendered.canSkip) keyboard.text(ctx.t("common:dontKnow"), buttonData(step, rendered.key, "dk"));
  // Required (the place, who it is for, the household): say why there is no "I don't know".
  else lines.push(ctx.t("common:requiredWhy"));
  if (step > 0) keyboard.text(ctx.t("common:back"), buttonData(step, rendered.key, "back"));
  lines.push(ctx.t("common:progress.left", { count: left }));
  // No empty row at the end (Telegram shows it as a gap).
  return {
    text: lines.join("\n\n"),
    keyboard: InlineKeyboard.from(keyboard.inline_keyboard.filter((r) => r.length > 0)),
  };
}

export function renderCurrent(ctx: BotContext, state: InterviewState, policies: PolicySet) {
  const step = currentStep(state, policies);
  if (step.done) return null;
  return { step, rendered: renderQuestion(ctx.t, step.question) };
}
