import type { AuditFilterOptions, AuditFilters } from "@/lib/audit/audit-dto";
import { buttonClass } from "@/components/ui/button";

const CONTROL = "rounded-md border border-line px-2 py-1";

/** Narrows the trail by person, action, outcome, patient, dates and source address; an empty field means any. */
export function AuditFilterForm({ filters, options }: { filters: AuditFilters; options: AuditFilterOptions }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit trail" className="mb-4 grid gap-3 rounded-lg border border-line bg-white p-4 text-sm sm:grid-cols-4">
      <Choice label="Who" name="user" value={filters.user} any="anyone" options={options.users.map((u) => ({ value: u.id, label: u.name }))} />
      <Choice label="Action" name="action" value={filters.action} any="any action" options={options.actions.map((a) => ({ value: a, label: a }))} />
      <Choice label="Outcome" name="outcome" value={filters.outcome} any="any outcome" options={["success", "failure", "denied"].map((o) => ({ value: o, label: o }))} />
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

/** One filter's pick list, whose empty choice means "any". */
function Choice({ label, name, value, any, options }: { label: string; name: string; value: string | undefined; any: string; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
