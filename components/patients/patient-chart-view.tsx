import type { PatientChart } from "@/lib/patients/patient-chart";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { LineChart } from "@/components/charts/line-chart";

const STEP_LABEL: Record<string, string> = { "urgent-evaluation": "Urgent evaluation", conservative: "Conservative care", pharmacologic: "Medication added", interventional: "Interventional" };

export function PatientChartView({ chart }: { chart: PatientChart }) {
  return (
    <div className="space-y-6">
      <Card title="Where the patient stands">
        {chart.currentStep ? (
          <>
            <p className="text-lg font-semibold">{STEP_LABEL[chart.currentStep.step] ?? chart.currentStep.step}</p>
            <p className="text-sm">{chart.currentStep.rationale}</p>
            <p className="mt-1 text-xs text-muted">As of the visit signed {chart.currentStep.date}.</p>
          </>
        ) : (
          <p className="text-sm text-muted">No signed visit yet.</p>
        )}
      </Card>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <LineChart title="Pain (0-10)" points={chart.pain} max={10} />
        <LineChart title="PEG (0-10)" points={chart.peg} max={10} />
        <LineChart title="Opioid MME/day" points={chart.mme} max={50} />
        <LineChart title="Adherence (%)" points={chart.adherence} max={100} unit="%" />
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Treatments tried">
          {chart.treatments.length === 0 ? (
            <p className="text-sm text-muted">None recorded.</p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {chart.treatments.map((t, index) => (
                <li key={`${t.therapy}-${index}`} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <span className="font-medium">{t.therapy.replace(/-/g, " ")}</span>
                  <span className="text-muted">
                    since {t.since} · {t.status}
                    {t.weeks !== null ? ` · ${t.weeks} wk` : ""}
                    {t.adherencePercent !== null ? ` · ${t.adherencePercent}% adherence` : ""}
                  </span>
                  {t.response && <Badge tone={t.response === "good" ? "ok" : t.response === "partial" ? "warning" : "neutral"}>{t.response}</Badge>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Current medications">
          {chart.medications.length === 0 ? (
            <p className="text-sm text-muted">None recorded.</p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {chart.medications.map((m, index) => (
                <li key={`${m.drug}-${index}`} className="flex justify-between py-1.5">
                  <span>
                    <span className="font-medium">{m.drug}</span> {m.sig}
                  </span>
                  {m.mmePerDay !== null && <span className="font-mono text-xs">{m.mmePerDay} MME</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
