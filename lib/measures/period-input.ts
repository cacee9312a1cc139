import { z } from "zod";
import { defaultPeriod, monthsBetween } from "./period";

const isoDate = (field: string) => z.iso.date({ error: `${field} must be a date as YYYY-MM-DD` });
const YEARS = ["", "one year", "two years", "three years", "four years", "five years"];

/** A period from the address (default the last twelve months), in order and at most `years` long. */
export function periodInput(years: 1 | 2 | 3 | 4 | 5) {
  return z.object({ from: isoDate("from").optional(), to: isoDate("to").optional() }).transform((value, ctx) => {
    const fallback = defaultPeriod(new Date());
    const period = { from: value.from ?? fallback.from, to: value.to ?? fallback.to };
    if (period.from > period.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be on or before to" });
    else if (monthsBetween(period.from, period.to).length > years * 12) ctx.addIssue({ code: "custom", path: ["from"], message: `a period is at most ${YEARS[years]}` });
    return period;
  });
}
