// Telegram takes at most 4,096 characters a message: a long result is split at line ends, never cut.

export const MAX_MESSAGE = 4096;

export function splitMessage(text: string, max = MAX_MESSAGE): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const pieces = line.length > max ? (line.match(new RegExp(`[\\s\\S]{1,${max}}`, "g")) ?? [line]) : [line];
    for (const piece of pieces) {
      const joined = current === "" ? piece : `${current}\n${piece}`;
      if (joined.length > max) {
        parts.push(current);
        current = piece;
      } else current = joined;
    }
  }
  if (current.trim() !== "") parts.push(current);
  return parts;
}
