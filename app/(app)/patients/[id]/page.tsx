import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { recordPageData } from "@/lib/http/page-data";
import { getPatient } from "@/lib/patients/patients-data";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import Link from "next/link";
import { can } from "@/lib/access/policy";
import { StartVisitButton } from "@/components/patients/start-visit-button";
import { PatientChartView } from "@/components/patients/patient-chart-view";
import { formatPhone } from "@/lib/patients/phone-format";
import { CONTACT_METHODS } from "@/lib/patients/contact-methods";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const patient = await recordPageData(() => getPatient(actor, id));
  return (
    <>
      <PageHeader
        title={`${patient.givenName} ${patient.familyName}`}
        subtitle={[
          `MRN ${patient.mrn} · ${patient.ageYears} years · ${patient.sex} · born ${patient.birthDate}`,
          patient.contact.phone && `phone ${formatPhone(patient.contact.phone)}`,
          patient.contact.email,
          patient.contact.preferred && `prefers ${CONTACT_METHODS[patient.contact.preferred].toLowerCase()}`,
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <>
            {can(actor.role, "update", "patient") && (
              <Link href={`/patients/${patient.id}/edit`} className="text-sm text-brand underline">
                Correct details
              </Link>
            )}
            {can(actor.role, "create", "encounter") && <StartVisitButton patientId={patient.id} />}
          </>
        }
      />
      {patient.chart && (
        <div className="mb-6">
          <PatientChartView chart={patient.chart} />
        </div>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        {patient.encounters && (
          <Card title="Encounters">
            {patient.encounters.length === 0 ? (
              <p className="text-sm text-muted">No encounters yet.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {patient.encounters.map((encounter) => (
                  <li key={encounter.id} className="flex items-center justify-between py-2">
                    <Link href={`/encounters/${encounter.id}`} className="text-brand underline-offset-2 hover:underline">
                      {encounter.date} · {encounter.clinicianName}
                    </Link>
                    <Badge tone={encounter.status === "signed" ? "ok" : "warning"}>{encounter.status}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        <Card title="Referrals">
          {patient.referrals.length === 0 ? (
            <p className="text-sm text-muted">No referrals.</p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {patient.referrals.map((referral) => (
                <li key={referral.id} className="flex flex-wrap items-center justify-between py-2">
                  <Link href={`/referrals/${referral.id}`} className="text-brand underline-offset-2 hover:underline">
                    {referral.createdAt} · {referral.toSiteName}
                  </Link>
                  <Badge tone="info">{referral.status.replace("_", " ")}</Badge>
                  {referral.discharge && (
                    <p className="w-full text-xs text-muted">
                      Discharged {referral.discharge.outcome.replace("-", " ")}: {referral.discharge.recommendation}
                    </p>
                  )}
                  {referral.latestProgressNote && <p className="w-full text-xs text-muted">Latest progress note {referral.latestProgressNote}</p>}
                  {referral.plansAwaitingCertification > 0 && (
                    <p className="w-full text-xs font-medium text-warning">
                      {referral.plansAwaitingCertification === 1 ? "A plan of care awaits certification" : `${referral.plansAwaitingCertification} plans of care await certification`}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
