// The shared interview, one question at a time: buttons for choices, typed numbers, dates and names
// (the interview's own parser), "I don't know" and "Back" on every question, /restart.

import { Composer } from "grammy";
import { answer, back, type RawAnswer } from "../../core/interview/answer.ts";
import { typedIntent } from "../../core/interview/intent.ts";
import { HOUSEHOLD_MAX } from "../../core/interview/questions.ts";
import { renderIssue } from "../../locales/render.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { askCurrent, startAgain } from "../flow.ts";
import { pickByWords } from "../pick-words.ts";
import { type Choice, parseButton, pickedSoFar, questionMessage, renderCurrent } from "../question.ts";

export function interview(deps: BotDeps) {
  const c = new Composer<BotContext>();

  // A refused answer re-asks in words, and nothing changes.
  type Current = NonNullable<ReturnType<typeof renderCurrent>>;

  /** Applies an answer to the current question (already worked out by the caller, to ask next() once). */
  async function apply(ctx: BotContext, current: Current, raw: RawAnswer, shownAs: string) {
    let shown = shownAs;
    const state = ctx.session.interview;
    if (!state) return;
    const result = answer(state, current.rendered.key, raw, { policies: deps.policies });
    if (!result.ok) {
      await ctx.reply(renderIssue(ctx.t, result.issue));
      return askCurrent(ctx, deps);
    }
    ctx.session.interview = result.state;
    // Typed answers are shown as understood ("1,200元" → 1200), which also keeps the echo short.
    const given = result.state.answers[current.rendered.key];
    if (typeof raw === "string" && given && "value" in given) {
      const { kind, options } = current.rendered;
      if (options.length === 0) shown = String(given.value);
      else if (kind === "roster" || kind === "members" || kind === "multi")
        shown = listShown(ctx, current, String(given.value));
    }
    const asked = ctx.session.questionMessageId;
    const chatId = ctx.chat?.id;
    if (asked !== undefined && chatId !== undefined) {
      // The question's message now shows the answer, without buttons: nothing left to press twice.
      ctx.session.questionMessageId = undefined;
      const text = ctx.t("common:bot.answered", { question: current.rendered.text, answer: shown });
      await ctx.quietly("editMessageText", () => ctx.api.editMessageText(chatId, asked, text));
    }
    await askCurrent(ctx, deps);
  }

  c.callbackQuery(/^a\|/, async (ctx) => {
    const press = parseButton(ctx.callbackQuery.data);
    const state = ctx.session.interview;
    if (!state || ctx.session.phase !== "interview") return; // the check is over: spent
    if (!press) {
      // Not a button this bot made: a kind re-ask, like any other junk.
      await ctx.pressed();
      await ctx.reply(ctx.t("common:bot.junk"));
      return askCurrent(ctx, deps);
    }
    const current = renderCurrent(ctx, state, deps.policies);
    // A button from an earlier message, or a second press: the question has moved on (spent).
    if (!current || press.step !== state.order.length || press.key !== current.rendered.key) return;
    await ctx.pressed();
    if (press.choice === "back") {
      await ctx.quietly("editMessageReplyMarkup", () => ctx.editMessageReplyMarkup());
      ctx.session.questionMessageId = undefined;
      ctx.session.interview = back(state);
      return askCurrent(ctx, deps);
    }
    if (press.choice === "dk") return apply(ctx, current, { unknown: true }, ctx.t("common:dontKnow"));
    const { kind } = current.rendered;
    if (kind === "roster" || kind === "members" || kind === "multi") return pick(ctx, current, press.choice);
    if (typeof press.choice !== "number") return;
    const option = current.rendered.options[press.choice];
    if (option) await apply(ctx, current, option.value, option.label);
  });

  /** A roster or pick-list's answer in words: the relations or people or options picked. */
  function listShown(ctx: BotContext, current: Current, value: string): string {
    const { kind, options } = current.rendered;
    const subject = current.step.question.subject === "helping" ? "helping" : "self";
    if (value === "alone") return ctx.t(`common:roster.alone_${subject}`);
    if (value.startsWith("none"))
      return ctx.t(kind === "members" ? "common:pick.none" : "common:pick.noneOfThese");
    const picked = (value.split("|")[0] as string).split(",");
    const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
    return picked.map(label).join(ctx.t("common:listSeparator"));
  }

  /** A press on a roster or pick-list: add or toggle, take back, or finish with what is picked. */
  async function pick(ctx: BotContext, current: Current, choice: Choice) {
    const state = ctx.session.interview as NonNullable<BotContext["session"]["interview"]>;
    const { key, kind, options } = current.rendered;
    const step = state.order.length;
    const values = [...pickedSoFar(ctx, key, step)];
    if (choice === "none" || choice === "ok") {
      ctx.session.picking = undefined;
      if (choice === "none") {
        const raw = kind === "roster" ? "alone" : "none";
        return apply(ctx, current, raw, listShown(ctx, current, raw));
      }
      if (values.length === 0) return;
      return apply(ctx, current, values.join(","), listShown(ctx, current, values.join(",")));
    }
    if (choice === "undo") values.pop();
    else if (typeof choice === "object") {
      const option = options[choice.toggle];
      if (!option) return;
      if (kind === "roster") {
        // A household holds at most HOUSEHOLD_MAX people, the person included: say so, keep the list.
        if (values.length + 1 >= HOUSEHOLD_MAX) {
          await ctx.reply(
            renderIssue(ctx.t, {
              code: "too_big",
              values: { minimum: 1, maximum: HOUSEHOLD_MAX, unit: "people" },
            }),
          );
          return;
        }
        values.push(option.value);
      } else if (values.includes(option.value)) values.splice(values.indexOf(option.value), 1);
      else values.push(option.value);
    } else return;
    ctx.session.picking = { key, step, values: kind === "roster" ? values : inOptionOrder(values, options) };
    // The same message, with its ticks and "Added: …" brought up to date (cosmetic: the picks are kept).
    const { text, keyboard } = questionMessage(ctx, state, current.rendered, current.step.progress.left);
    const edited = await ctx.quietly("editMessageText", () =>
      ctx.editMessageText(text, { reply_markup: keyboard }),
    );
    // Where the edit failed, the same question comes as a new message, so "Done" is there to press.
    if (!edited) {
      const sent = await ctx.reply(text, { reply_markup: keyboard });
      ctx.session.questionMessageId = sent.message_id;
    }
  }

  const inOptionOrder = (values: string[], options: { value: string }[]) =>
    options.map((o) => o.value).filter((v) => values.includes(v));

  c.on("message:text", async (ctx, nextMiddleware) => {
    if (ctx.session.phase !== "interview" || ctx.message.text.startsWith("/")) return nextMiddleware();
    const state = ctx.session.interview;
    const current = state ? renderCurrent(ctx, state, deps.policies) : null;
    if (!current) return nextMiddleware();
    const text = ctx.message.text.trim();
    // "不知道" and "返回" typed instead of pressed.
    const intent = typedIntent(text);
    if (intent === "back" && state) {
      ctx.session.interview = back(state);
      return askCurrent(ctx, deps);
    }
    if (intent === "unknown") return apply(ctx, current, { unknown: true }, ctx.t("common:dontKnow"));
    if (current.rendered.kind === "multi") {
      ctx.session.picking = undefined;
      return apply(ctx, current, text, text);
    }
    if (current.rendered.kind === "members") {
      // "1,3", or the people named as the buttons name them ("妈妈和我").
      ctx.session.picking = undefined;
      const named = pickByWords(text, current.rendered.options, current.step.question.household);
      return apply(ctx, current, named ?? text, text);
    }
    if (current.rendered.kind === "roster") {
      ctx.session.picking = undefined;
      return apply(ctx, current, text, text);
    }
    if (current.rendered.options.length > 0) {
      // Text where a button is expected: a typed label counts, anything else is a kind re-ask.
      const option = current.rendered.options.find((o) => o.label === text);
      if (option) return apply(ctx, current, option.value, option.label);
      await ctx.reply(ctx.t("common:bot.pressButton"));
      return askCurrent(ctx, deps);
    }
    return apply(ctx, current, text, text);
  });

  // "/restart" typed with answers not yet sent asks first (commands.ts); the result's button is a
  // choice made on the finished check, and starts again at once.
  c.command("restart", (ctx) => startAgain(ctx, deps));
  c.callbackQuery("restart", async (ctx) => {
    // The result's button, pressed on an old result while another check is under way: spent.
    const phase = ctx.session.phase;
    if (phase === "interview" || phase === "send" || phase === "confirm") return;
    await ctx.pressed();
    await startAgain(ctx, deps);
  });

  return c;
}
