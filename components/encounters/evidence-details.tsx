import { SOURCES_BY_ID } from "@/lib/evidence/sources";
import type { EvidenceRef, TraceEntry } from "@/lib/ladder/recommendation";

/** An item's evidence with each source's attributes, and the trace of why its rule fired. */
export function EvidenceDetails({ evidence, trace }: { evidence: EvidenceRef[]; trace?: TraceEntry }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-brand">Evidence and why</summary>
      <ul className="mt-1 space-y-1 border-l-2 border-line pl-3">
        {evidence.map((ref) => {
          const source = SOURCES_BY_ID.get(ref.sourceId);
          return (
            <li key={`${ref.sourceId}-${ref.claim}`}>
              <p>{ref.claim}</p>
              {source && (
                <p className="text-muted">
                  {source.url ? (
                    <a href={source.url} target="_blank" rel="noreferrer" className="underline">
                      {source.title}
                    </a>
                  ) : (
                    source.title
                  )}{" "}
                  — {source.publisher}, {source.year} · {source.kind} · {source.strength}
                </p>
              )}
            </li>
          );
        })}
        {trace && (
          <li className="text-muted">
            Rule <span className="font-mono">{trace.ruleId}</span> v{trace.ruleVersion} {trace.outcome}: {trace.because}
          </li>
        )}
      </ul>
    </details>
  );
}
