// The guided interview shared by the bot, the portal and the hotline: questions bound to situation
// fields, asked only while some result still hinges on them.

export {
  type AnswerIssue,
  type AnswerResult,
  type AnswerSummary,
  answer,
  back,
  forget,
  type RawAnswer,
  summary,
} from "./answer.ts";
export { buildSituation } from "./build.ts";
export { type AskedQuestion, type InterviewOptions, next, type Progress, type Step } from "./next.ts";
export { parseDate, parseNumber, parsePhone } from "./numbers.ts";
export { QUESTIONS, type QuestionDef } from "./questions.ts";
export { answerFrom, type Simulation, simulate } from "./simulate.ts";
export { type Answer, type InterviewState, STATE_VERSION, start } from "./state.ts";
