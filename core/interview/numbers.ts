// Numbers as people type them: 1200, 1,200, 1200元, １２００ (full-width), 1.2万, ￥1200, 一千二百, 三百六.

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** Chinese numerals below 10^8: 一千二百 = 1200, 三百六 = 360 (a bare last digit counts in the next unit down), 一万二 = 12000. */
function chinese(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(text) || !/[零〇一二两三四五六七八九十]/.test(text))
    return null;
  // Two digits with no unit between them (六五) are no number a person means as one: refused, never 5.
  if (/[一二两三四五六七八九][零〇一二两三四五六七八九]|^[零〇][零〇一二两三四五六七八九]/.test(text))
    return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] as number;
      if (digit === 0) lastUnit = 0;
    } else if (ch in UNITS) {
      const unit = UNITS[ch] as number;
      section += (digit ?? (unit === 10 ? 1 : 0)) * unit;
      if (digit === null && unit !== 10) return null;
      digit = null;
      lastUnit = unit;
    } else if (ch === "万") {
      section += digit ?? 0;
      total += section * 10000;
      section = 0;
      digit = null;
      lastUnit = 10000;
    }
  }
  if (digit !== null) {
    // 三百六: the trailing digit belongs to the next unit down (六十); 一百零六: a digit after 零 is ones.
    section += lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
  }
  return total + section;
}

export function parseNumber(input: string | number): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  let text = toHalfWidth(input).trim().replace(/\s+/g, "");
  // "每月800元", "800元/月", "800元每月": the month is the question's own unit.
  text = text
    .replace(/^(每个?月|一个月|月)/, "")
    .replace(/(\/月|每个?月|一个月|per month|a month|\/month)$/i, "");
  text = text.replace(/^(￥|¥|RMB|rmb|人民币)/, "").replace(/(元整|元|块钱|块|rmb|RMB|yuan)$/i, "");
  // "65岁", "65周岁", "六十五岁", "3人", "3口": the question's own unit.
  text = text.replace(/(周岁|岁|歲|週歲|years?old|years?|口人|个人|個人|人|口|位)$/i, "");
  if (text === "") return null;
  const arabic = /^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(万)?$/.exec(text);
  if (arabic) {
    const value = Number(`${arabic[1]?.replace(/,/g, "")}${arabic[3] ?? ""}`);
    return arabic[4] ? Math.round(value * 10000 * 100) / 100 : value;
  }
  const mixed = /^([0-9]+(\.[0-9]+)?)([千万])$/.exec(text);
  if (mixed) return Number(mixed[1]) * (mixed[3] === "万" ? 10000 : 1000);
  return chinese(text);
}

/** A date as people type it: 2020-07-28, 2020/7/28, 2020.7.28, 2020年7月28日. */
export function parseDate(input: string): string | null {
  const text = toHalfWidth(input).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  return `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`;
}

/** A mainland mobile number: 11 digits starting 1[3-9], with +86, spaces or dashes allowed. */
export function parsePhone(input: string): string | null {
  const digits = toHalfWidth(input)
    .replace(/[\s-]/g, "")
    .replace(/^(\+?86)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/**
 * A helper's own number, which may be abroad: a mainland mobile as parsePhone gives it, or an
 * international number in E.164 ("+44 20 7946 0018", "0044…" → "+442079460018"; ITU-T E.164: a
 * country code and at most 15 digits).
 */
export function parseAnyPhone(input: string): string | null {
  const mainland = parsePhone(input);
  if (mainland) return mainland;
  const text = toHalfWidth(input)
    .trim()
    .replace(/[\s\-().]/g, "");
  const m = /^(?:\+|00)([1-9]\d{6,14})$/.exec(text);
  if (!m) return null;
  // +86 that is not a mainland mobile (a landline) is not a number the hotline can call back.
  return m[1]?.startsWith("86") ? null : `+${m[1]}`;
}

/** An international number (E.164, outside the mainland)? */
export function isInternational(phone: string): boolean {
  return phone.startsWith("+");
}
