// Words typed for the interview's own buttons: "不知道" is "I don't know", "返回" is "Back". A channel
// that takes typed answers checks these first, so a person never has to find the button.

const DONT_KNOW = new Set([
  "不知道",
  "不清楚",
  "不晓得",
  "不曉得",
  "不确定",
  "不確定",
  "唔知",
  "说不清",
  "說不清",
  "don't know",
  "dont know",
  "i don't know",
  "i dont know",
  "not sure",
  "unknown",
  "?",
  "？",
]);
const BACK = new Set(["返回", "上一步", "上一题", "上一題", "后退", "後退", "back", "go back"]);

export type TypedIntent = "unknown" | "back";

export function typedIntent(text: string): TypedIntent | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[。.!！]+$/, "");
  if (DONT_KNOW.has(t)) return "unknown";
  if (BACK.has(t)) return "back";
  return null;
}
