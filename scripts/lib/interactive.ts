// The interview in a terminal, so anyone can try the product without Telegram: one question at a time,
// options by number, "?" for "I don't know" (0 is a real answer: no income, a baby's age), "b" to go
// back, "a" to see the answers so far.

import { createInterface } from "node:readline/promises";
import { buildSituation } from "../../core/interview/build.ts";
import { answer, back, next, type RawAnswer, start, summary } from "../../core/interview/index.ts";
import { householdRelations } from "../../core/interview/roster.ts";
import type { PolicySet } from "../../core/policies/index.ts";
import { isUrgent } from "../../core/sla.ts";
import { createI18nSync, isLang, type Lang } from "../../locales/i18n.ts";
import { renderIssue, renderQuestion } from "../../locales/render.ts";
import { bringText, chatResult, closedText, residentResult, whyText } from "../../locales/result.ts";

export async function runInteractive(options: {
  policies: PolicySet;
  lang: string;
  today: string;
}): Promise<void> {
  if (!isLang(options.lang)) {
    process.stderr.write(`--lang: "${options.lang}" is not one of zh-CN, zh-Hant, en\n`);
    process.exit(2);
  }
  const t = createI18nSync(options.lang as Lang);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    process.stdout.write(prompt);
    const line = await lines.next();
    return line.done ? null : line.value;
  };

  let state = start(options.today);
  for (;;) {
    const step = next(state, { policies: options.policies });
    if (step.done) {
      const helping =
        state.answers.helping &&
        "value" in state.answers.helping &&
        state.answers.helping.value === "helping";
      if (step.screening) {
        // The terminal shows everything at once: the answer first, then what the chat keeps behind buttons.
        const situation = buildSituation(state);
        const view = residentResult(t, step.screening, {
          subject: helping ? "helping" : "self",
          relations: householdRelations(state),
          urgent: situation !== null && isUrgent(situation),
        });
        const { summary, details, closing } = chatResult(t, view);
        const more = [whyText(t, view), bringText(t, view), closedText(t, view)].filter((x) => x !== "");
        process.stdout.write(`\n${[summary, details, closing, ...more].filter(Boolean).join("\n\n")}\n`);
      }
      break;
    }
    const q = renderQuestion(t, step.question);
    const lines_: string[] = [`\n${q.text}`];
    if (q.help) lines_.push(`  ${q.help}`);
    for (const [i, o] of q.options.entries()) lines_.push(`  ${i + 1}. ${o.label}`);
    const many = q.kind === "roster" || q.kind === "members" || q.kind === "multi";
    if (many) lines_.push(`  ${t(q.kind === "roster" ? "common:roster.cliHint" : "common:pick.cliHint")}`);
    if (q.canSkip) lines_.push(`  ?. ${t("common:dontKnow")}`);
    lines_.push(
      `  b. ${t("common:back")}   a. ${t("common:changeAnswers")}   (${t("common:progress.left", { count: step.progress.left })})`,
    );
    const input = await ask(`${lines_.join("\n")}\n> `);
    if (input === null) break;
    const text = input.trim();
    if (text === "b") {
      state = back(state);
      continue;
    }
    if (text === "a") {
      for (const a of summary(state))
        process.stdout.write(`  ${a.key} = ${"value" in a.answer ? a.answer.value : t("common:dontKnow")}\n`);
      continue;
    }
    let raw: RawAnswer = text;
    if (text === "?" && q.canSkip) raw = { unknown: true };
    else if (many && text === "0") raw = q.kind === "roster" ? "alone" : "none";
    else if (many && /^\d+([,，\s]+\d+)*$/.test(text)) {
      // Numbers as listed: the roster's relations (one number per person), or the ones picked.
      const picks = text.split(/[,，\s]+/).map((n) => q.options[Number(n) - 1]?.value ?? n);
      raw = picks.join(",");
    } else if (
      q.options.length > 0 &&
      /^\d+$/.test(text) &&
      step.question.kind !== "number" &&
      step.question.kind !== "money"
    ) {
      raw = q.options[Number(text) - 1]?.value ?? text;
    }
    const r = answer(state, step.question.key, raw, { policies: options.policies });
    if (r.ok) state = r.state;
    else process.stdout.write(`${renderIssue(t, r.issue)}\n`);
  }
  rl.close();
}
