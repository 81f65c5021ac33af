// A correction made through the interview keeps what the stored facts knew more precisely. The
// interview asks some facts coarsely — an age as a band ("60 岁及以上"), a disability by its grade — so
// facts turned back into answers and rebuilt would lose "78" or "肢体". Where the corrected fact still
// agrees with the earlier, more precise one (78 lies in the band, the grade is the same, the income's
// total is unchanged, the emergency is still there), the earlier precision is kept; where the agent
// changed it, the change wins.

import type { Situation } from "../schema/situation.ts";
import { bandHolds } from "./age-bands.ts";

type Member = Situation["members"][number];

function member(before: Member | undefined, after: Member): Member {
  if (!before) return after;
  const kept: Member = { ...after };
  if (
    before.age !== undefined &&
    after.age === undefined &&
    after.ageBand &&
    bandHolds(after.ageBand, before.age)
  ) {
    kept.age = before.age;
    delete kept.ageBand;
  }
  if (before.birthDate !== undefined && kept.birthDate === undefined && kept.age === before.age)
    kept.birthDate = before.birthDate;
  // Income given as the same monthly total keeps its kinds (a basic pension stays a pension).
  const total = (m: Member) => (m.income ?? []).reduce((n, i) => n + i.monthly, 0);
  if (before.income && after.income && total(before) === total(after)) kept.income = before.income;
  const was = before.disability;
  const now = after.disability;
  if (was && now && now.grade === was.grade && now.category === undefined && was.category !== undefined)
    kept.disability = { ...now, category: was.category };
  return kept;
}

/** The corrected situation with the earlier precision kept where it still agrees (same roster only). */
export function keepEarlierPrecision(before: Situation, after: Situation): Situation {
  // An emergency still there keeps what the interview does not ask (its kind, its date).
  const emergency =
    before.emergency && after.emergency ? { ...before.emergency, ...after.emergency } : after.emergency;
  const merged = emergency === undefined ? after : { ...after, emergency };
  if (before.members.length !== after.members.length) return merged;
  return { ...merged, members: after.members.map((m, i) => member(before.members[i], m)) };
}
