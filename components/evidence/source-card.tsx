import type { EvidenceSource } from "@/lib/evidence/sources";
import { Badge } from "@/components/ui/badge";

export function SourceCard({ source, rules }: { source: EvidenceSource; rules: { id: string; title: string; version: number }[] }) {
  return (
    <article id={source.id} aria-labelledby={`${source.id}-title`} className="rounded-lg border border-line bg-white p-5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={source.kind === "patient-education article" ? "warning" : "info"}>{source.kind}</Badge>
        <span className="font-mono text-xs text-muted">{source.id}</span>
      </div>
      <h2 id={`${source.id}-title`} className="mt-2 font-semibold">
        {source.url ? (
          <a href={source.url} className="text-brand underline-offset-2 hover:underline" rel="noreferrer" target="_blank">
            {source.title}
          </a>
        ) : (
          source.title
        )}
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-muted">Authors</dt>
        <dd>{source.authors}</dd>
        <dt className="text-muted">Published in</dt>
        <dd>
          {source.publisher}, {source.year}
        </dd>
        <dt className="text-muted">Released</dt>
        <dd>{source.released ?? "not stated"}</dd>
        <dt className="text-muted">Last revised</dt>
        <dd>{source.revised ?? "no revision"}</dd>
        <dt className="text-muted">Strength of evidence</dt>
        <dd>{source.strength}</dd>
        <dt className="text-muted">Cited by</dt>
        <dd>
          {rules.length ? (
            <ul className="list-inside list-disc">
              {rules.map((rule) => (
                <li key={rule.id}>
                  {rule.title} <span className="font-mono text-xs text-muted">({rule.id} v{rule.version})</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-muted">cited in suggestion and alert texts only</span>
          )}
        </dd>
      </dl>
    </article>
  );
}
