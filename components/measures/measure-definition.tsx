import type { MeasureSummary } from "@/lib/measures/measure-dto";

/** A measure's written definition: what it counts, out of what, what it leaves out, and over which period. */
export function MeasureDefinition({ measure }: { measure: Pick<MeasureSummary, "definition" | "better"> }) {
  const { definition } = measure;
  const rows: [string, string | string[]][] = [
    ["Population", definition.population],
    ["Denominator", definition.denominator],
    ["Numerator", definition.numerator],
    ["Exclusions", definition.exclusions.length ? definition.exclusions : "None."],
    ["Period", definition.period],
    ["Reading it", measure.better === "lower" ? "Lower is better." : "Higher is better."],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
      {rows.map(([term, text]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-muted">{term}</dt>
          <dd>
            {Array.isArray(text) ? (
              <ul className="list-disc pl-5">
                {text.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : (
              text
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
