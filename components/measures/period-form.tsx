import type { Period } from "@/lib/measures/measure-dto";
import { buttonClass } from "@/components/ui/button";

/** Chooses the period of every figure on the page; a GET form, so the chosen period stays in the address. */
export function PeriodForm({ action, period, keep = {} }: { action: string; period: Period; keep?: Record<string, string> }) {
  return (
    <form method="get" action={action} aria-label="Period" className="no-print mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-4 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-medium">From</span>
        <input type="date" name="from" defaultValue={period.from} required className="rounded-md border border-line px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">To</span>
        <input type="date" name="to" defaultValue={period.to} required className="rounded-md border border-line px-2 py-1" />
      </label>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={buttonClass("secondary")}>
        Show period
      </button>
    </form>
  );
}
