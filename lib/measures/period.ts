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

/** The whole calendar months inside a period, as their first and last days, or null when it holds none. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const first = start.getUTCDate() === 1 ? start : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const endsMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() + 1)).getUTCDate() === 1;
  const last = endsMonth ? end : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 0));
  return first <= last ? { first: toIsoDate(first), last: toIsoDate(last) } : null;
}

/** The day after (days 1) or before (days -1) an ISO date. */
export function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  return toIsoDate(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + days)));
}

/** The last day of the date's month. */
export function monthLastDay(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  return toIsoDate(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)));
}

/** The period of the same number of days that ends the day before this one starts: what the dashboard compares with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: shiftDate(from, -days), to: shiftDate(from, -1) };
}
