import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { EVIDENCE_SOURCES } from "@/lib/evidence/sources";
import { rulesBySource, RULESET_VERSION } from "@/lib/ladder/rule-registry";
import { ADHERENCE_THRESHOLD_PERCENT, TRIAL_THRESHOLDS } from "@/lib/ladder/adequacy";
import { MME_FACTORS, MME_FACTOR_TABLE } from "@/lib/ladder/mme";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SourceCard } from "@/components/evidence/source-card";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage() {
  const actor = await requireActor();
  if (!can(actor.role, "read", "evidence")) forbidden();
  const citing = rulesBySource();
  return (
    <>
      <PageHeader
        title="Evidence"
        subtitle={`Every source the stepped-care rules cite (rule set ${RULESET_VERSION}), what kind of source it is, how strong its evidence is, and the rules that rely on it.`}
      />
      <div className="mb-8 grid gap-6 md:grid-cols-2">
        <Card title="When a trial counts as tried">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Adequate-trial thresholds</caption>
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-1">Therapy</th>
                <th scope="col" className="py-1">Minimum</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(TRIAL_THRESHOLDS).map(([therapy, threshold]) => (
                <tr key={therapy} className="border-t border-line">
                  <td className="py-1">{therapy}</td>
                  <td className="py-1">
                    {threshold.minWeeks} weeks{threshold.minSessions ? ` or ${threshold.minSessions} sessions` : ""}
                    {threshold.minAdherence ? `, adherence ${threshold.minAdherence}%` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-muted">
            A trial below {ADHERENCE_THRESHOLD_PERCENT}% adherence keeps the patient on the same step with adherence support. The {ADHERENCE_THRESHOLD_PERCENT}% threshold
            is Backstep&apos;s default, a product setting rather than a guideline figure: it is drawn from the patient-education article&apos;s report that people who
            kept up about 63% of their program cut their pain by 40-50%.
          </p>
        </Card>
        <Card title={`MME conversion factors (${MME_FACTOR_TABLE})`}>
          <ul className="grid grid-cols-2 gap-x-4 text-sm">
            {Object.entries(MME_FACTORS).map(([drug, factor]) => (
              <li key={drug} className="flex justify-between border-t border-line py-1">
                <span>{drug}</span>
                <span className="font-mono">{"perMg" in factor ? `× ${factor.perMg}` : "perMcgPerHour" in factor ? `× ${factor.perMcgPerHour} per mcg/h` : "not converted"}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-muted">
            Buprenorphine or methadone taken for opioid use disorder is never converted: CDC 2022 advises against using MME for decisions about it.
          </p>
        </Card>
      </div>
      <ol className="space-y-4">
        {EVIDENCE_SOURCES.map((source) => (
          <li key={source.id}>
            <SourceCard source={source} rules={citing.get(source.id) ?? []} />
          </li>
        ))}
      </ol>
    </>
  );
}
