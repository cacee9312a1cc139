import type { EhrSource } from "@/lib/encounters/encounter-dto";
import { Card } from "@/components/ui/card";

/** A visit opened from the EHR says which facts came from the chart and what the clinician still has to add. */
export function EhrSourceNote({ source }: { source: EhrSource }) {
  return (
    <Card title="Filled in from the EHR" className="mb-6">
      <p className="text-sm">
        From the chart: {source.filled.length ? source.filled.join(", ") : "nothing Backstep could use"}. Check them, then complete the rest.
      </p>
      {source.missing.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">The chart did not give</h3>
          <ul className="ml-5 list-disc text-sm">
            {source.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {source.notChecked.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">Medicines to review yourself</h3>
          <ul className="ml-5 list-disc text-sm">
            {source.notChecked.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-3 text-xs text-muted">Mapping {source.mappingVersion}</p>
    </Card>
  );
}
