import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { pageData } from "@/lib/http/page-data";
import { getOrganizationSettings } from "@/lib/organizations/organization-data";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { NewSiteForm, SettingsForm, SiteForm } from "@/components/admin/organization-forms";
import { EhrLinkRow, NewEhrLinkForm } from "@/components/admin/ehr-link-forms";
import { listEhrLinks } from "@/lib/organizations/ehr-links-data";
import { listMeasureTargets } from "@/lib/measures/measure-targets-data";
import { MeasureTargetForm } from "@/components/admin/measure-target-form";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const actor = await requireActor();
  const { sites, ...settings } = await pageData(() => getOrganizationSettings(actor));
  const [ehr, targets] = await Promise.all([pageData(() => listEhrLinks(actor)), pageData(() => listMeasureTargets(actor))]);
  return (
    <>
      <PageHeader title="Organization" subtitle="Settings every new visit starts with, and the practices and PT clinics. Each change is kept in the audit trail." />
      <div className="space-y-6">
        <Card title="Settings">
          <SettingsForm settings={settings} />
        </Card>
        <Card title="Sites">
          <p className="mb-2 text-sm text-muted">A retired site takes no new referrals and keeps its history. PT referrals go to the first PT clinic that is not retired.</p>
          {sites.map((site) => (
            <SiteForm key={site.id} site={site} />
          ))}
          <h3 className="mt-4 mb-2 text-sm font-semibold">Add a site</h3>
          <NewSiteForm />
        </Card>
        <Card title="Measure targets">
          <p className="mb-2 text-sm text-muted">The rate each opioid-avoidance measure should reach; the measures show it beside the rate. Leave empty for none.</p>
          {targets.map((measure) => (
            <MeasureTargetForm key={measure.id} measure={measure} />
          ))}
        </Card>
        <Card title="Opening Backstep from the EHR">
          {ehr.configured ? (
            <>
              <p className="mb-2 text-sm text-muted">
                A clinician who opens Backstep from the EHR (SMART launch) is signed in as the Backstep clinician linked to their EHR user here, and only then. Each change is kept in the audit trail.
              </p>
              {ehr.links.map((link) => (
                <EhrLinkRow key={link.id} link={link} />
              ))}
              <h3 className="mt-4 mb-2 text-sm font-semibold">Link an EHR user</h3>
              <NewEhrLinkForm issuers={ehr.issuers} clinicians={ehr.clinicians} />
            </>
          ) : (
            <p className="text-sm text-muted">Not set up on this server: see SMART_ISSUERS in the README.</p>
          )}
        </Card>
      </div>
    </>
  );
}
