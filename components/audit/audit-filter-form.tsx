import type { AuditFilterOptions, AuditFilters } from "@/lib/audit/audit-dto";
import { buttonClass } from "@/components/ui/button";

const CONTROL = "rounded-md border border-line px-2 py-1";

/** Narrows the trail by person, action, outcome, patient, dates and source address; an empty field means any. */
export function AuditFilterForm({ filters, options }: { filters: AuditFilters; options: AuditFilterOptions }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit trail" className="mb-4 grid gap-3 rounded-lg border border-line bg-white p-4 text-sm sm:grid-cols-4">
      <label className="flex flex-col gap-1">
        <span className="font-medium">Who</span>
        <select name="user" defaultValue={filters.user ?? ""} className={CONTROL}>
          <option value="">anyone</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Action</span>
        <select name="action" defaultValue={filters.action ?? ""} className={CONTROL}>
          <option value="">any action</option>
          {options.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Outcome</span>
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={CONTROL}>
          <option value="">any outcome</option>
          <option value="success">success</option>
          <option value="failure">failure</option>
          <option value="denied">denied</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Patient id</span>
        <input name="patient" defaultValue={filters.patient ?? ""} className={CONTROL} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">From</span>
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={CONTROL} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">To</span>
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={CONTROL} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Source address starts with</span>
        <input name="address" defaultValue={filters.address ?? ""} className={CONTROL} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        <a href="/audit" className="pb-1 text-brand underline">
          Clear
        </a>
      </div>
    </form>
  );
}
