import type { PatientChart } from "@/lib/patients/patient-chart";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { LineChart } from "@/components/charts/line-chart";
import { STEP_LABEL } from "@/lib/ladder/step-labels";
import { MME_LINES, type ChartSafety, type Check } from "@/lib/patients/chart-safety";
import { taperProgressText } from "@/lib/encounters/taper-progress";

export function PatientChartView({ chart }: { chart: PatientChart }) {
  return (
    <div className="space-y-6">
      <Card title="Where the patient stands">
        {chart.currentStep ? (
          <>
            <p className="text-lg font-semibold">{STEP_LABEL[chart.currentStep.step as keyof typeof STEP_LABEL] ?? chart.currentStep.step}</p>
            <p className="text-sm">{chart.currentStep.rationale}</p>
            <p className="mt-1 text-xs text-muted">As of the visit signed {chart.currentStep.date}.</p>
          </>
        ) : (
          <p className="text-sm text-muted">No signed visit yet.</p>
        )}
      </Card>
      {chart.safety && <SafetySummary safety={chart.safety} />}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <LineChart title="Pain (0-10)" points={chart.pain} max={10} />
        <LineChart title="PEG (0-10)" points={chart.peg} max={10} />
        <LineChart title="Opioid MME/day" points={chart.mme} max={50} references={MME_LINES} />
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

const BAND_TONE = { "below 50": "ok", "50 to 89": "warning", "90 or more": "critical", "not computable": "warning" } as const;
const CHECK_TONE = { "up to date": "ok", overdue: "critical", never: "critical", "not recorded": "warning" } as const;

function checkText(check: Check): string {
  if (check.status === "not recorded") return "not recorded";
  if (check.status === "never") return "never done: due now";
  return `last ${check.last}, ${check.status === "overdue" ? "overdue since" : "next due"} ${check.due}`;
}

/** Opioid safety in one line each: what a doctor must see before prescribing. */
function SafetySummary({ safety }: { safety: ChartSafety }) {
  const mme = safety.mmePerDay === null ? `not computable (at least ${safety.mmeFloor})` : `${safety.mmePerDay}`;
  return (
    <Card title="Opioid safety">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" aria-label="Opioid safety">
        <div>
          <dt className="text-muted">MME/day now</dt>
          <dd>
            <span className="font-semibold">{mme}</span> <Badge tone={BAND_TONE[safety.band]}>{safety.band}</Badge>
          </dd>
        </div>
        <div>
          <dt className="text-muted">Sedating or serotonergic combinations</dt>
          <dd>{safety.combinations.length ? safety.combinations.map((c) => <Badge key={c} tone="critical">{c}</Badge>) : "none"}</dd>
        </div>
        <div>
          <dt className="text-muted">Naloxone</dt>
          <dd>
            <Badge tone={safety.naloxone === "on hand" || safety.naloxone === "ordered" ? "ok" : "warning"}>{safety.naloxone}</Badge>
          </dd>
        </div>
        <div>
          <dt className="text-muted">Prescription-monitoring (PDMP) check</dt>
          <dd>
            <Badge tone={CHECK_TONE[safety.pdmp.status]}>{safety.pdmp.status}</Badge> {checkText(safety.pdmp)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Urine drug test</dt>
          <dd>
            <Badge tone={CHECK_TONE[safety.drugTest.status]}>{safety.drugTest.status}</Badge> {checkText(safety.drugTest)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Taper</dt>
          <dd>
            {safety.taper ? taperProgressText(safety.taper) : "none under way"}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
