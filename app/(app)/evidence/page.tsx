import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { EVIDENCE_SOURCES } from "@/lib/evidence/sources";
import { rulesBySource, RULESET_VERSION } from "@/lib/ladder/rule-registry";
import { DEFAULT_ADHERENCE_THRESHOLD_PERCENT, TRIAL_THRESHOLDS } from "@/lib/ladder/adequacy";
import { getClinicalSettings } from "@/lib/organizations/organization-data";
import { MME_FACTORS, MME_FACTOR_TABLE } from "@/lib/ladder/mme";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SourceCard } from "@/components/evidence/source-card";
import { OrganizationSettingsCard } from "@/components/evidence/organization-settings-card";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage() {
  const actor = await requireActor();
  if (!can(actor.role, "read", "evidence")) forbidden();
  const citing = rulesBySource();
  const settings = await getClinicalSettings(actor);
  const threshold = settings.adherenceThresholdPercent;
  return (
    <>
      <PageHeader
        title="Evidence"
        subtitle={`Every source the stepped-care rules cite (rule set ${RULESET_VERSION}), what kind of source it is, how strong its evidence is, and the rules that rely on it.`}
      />
      <div className="mb-8 grid gap-6 md:grid-cols-2">
        <OrganizationSettingsCard settings={settings} />
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
              {Object.entries(TRIAL_THRESHOLDS).map(([therapy, rule]) => (
                <tr key={therapy} className="border-t border-line">
                  <td className="py-1">{therapy}</td>
                  <td className="py-1">
                    {rule.minWeeks} weeks{rule.minSessions ? ` or ${rule.minSessions} sessions` : ""}
                    {rule.adherence ? `, adherence ${threshold}%` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-muted">
            A trial below {threshold}% adherence keeps the patient on the same step with adherence support. The threshold is this organization&apos;s setting
            (Backstep&apos;s default is {DEFAULT_ADHERENCE_THRESHOLD_PERCENT}%), not a guideline figure: the default is drawn from the patient-education
            article&apos;s report that people who kept up about 63% of their program cut their pain by 40-50%.
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
