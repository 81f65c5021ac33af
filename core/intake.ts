// What every channel does with a finished situation before it is stored: screen it, decide whether it
// is urgent and when the hotline must call back. Pure: the clock's reading is passed in.

import type { PolicySet } from "./policies/index.ts";
import type { Screening } from "./schema/screening.ts";
import type { Situation } from "./schema/situation.ts";
import { screen } from "./screen.ts";
import { callbackDue, isUrgent, type WorkCalendar } from "./sla.ts";

export interface Prepared {
  screening: Screening;
  urgent: boolean;
  slaDueAt: Date;
}

export function prepareRequest(
  situation: Situation,
  options: { policies: PolicySet; now: Date; today: string; calendar: WorkCalendar },
): Prepared {
  const screening = screen(situation, { policies: options.policies, today: options.today });
  const urgent = isUrgent(situation);
  return { screening, urgent, slaDueAt: callbackDue(options.now, urgent, options.calendar) };
}
