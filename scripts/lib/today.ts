import { shanghaiDate } from "../../core/sla.ts";

/** Today's date in China (Asia/Shanghai), the default date a screening is for. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}
