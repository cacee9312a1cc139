import { toIsoDate } from "@/lib/dates";

// Measure periods are calendar dates, inclusive at both ends; trends are by calendar month.

/** The default period: the twelve months up to today, from the first day of the month eleven months back. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: toIsoDate(from), to: toIsoDate(today) };
}

/** Every month ("YYYY-MM") that the period touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= last; key = `${year}-${String(month).padStart(2, "0")}`) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
