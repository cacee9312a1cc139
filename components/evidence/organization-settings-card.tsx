import { Card } from "@/components/ui/card";
import { DEFAULT_ADHERENCE_THRESHOLD_PERCENT } from "@/lib/ladder/adequacy";
import { DEFAULT_PT_VISIT_LIMIT } from "@/lib/ladder/assessment-schema";
import type { ClinicalSettings } from "@/lib/organizations/organization-data";

const PROFILES = { us: "us: ACP 2017 and CDC 2022", uk: "uk: NICE NG59" } as const;
// The engine's defaults, for saying which settings this organization changed.
const DEFAULTS: ClinicalSettings = { guidelineProfile: "us", profileSwitchAllowed: true, ptVisitLimit: DEFAULT_PT_VISIT_LIMIT, adherenceThresholdPercent: DEFAULT_ADHERENCE_THRESHOLD_PERCENT };

/** The organization's settings every recommendation here runs under, each marked as the organization's own or the default. */
export function OrganizationSettingsCard({ settings }: { settings: ClinicalSettings }) {
  const rows: { key: keyof ClinicalSettings; label: string; value: string; effect: string }[] = [
    { key: "guidelineProfile", label: "Guideline profile", value: PROFILES[settings.guidelineProfile], effect: "every new visit starts with it" },
    {
      key: "profileSwitchAllowed",
      label: "Profile per visit",
      value: settings.profileSwitchAllowed ? "clinicians may choose the other" : "fixed",
      effect: settings.profileSwitchAllowed ? "a visit may be signed under either profile" : "a visit under the other profile is refused at signing",
    },
    { key: "ptVisitLimit", label: "Covered PT visits a year", value: String(settings.ptVisitLimit), effect: "every new visit starts with it; a clinician may change it for a patient's own cover" },
    { key: "adherenceThresholdPercent", label: "Adherence threshold", value: `${settings.adherenceThresholdPercent}%`, effect: "an exercise program kept up less than this was not really tried" },
  ];
  return (
    <Card title="This organization's settings">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Settings the recommendations run under</caption>
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-1">Setting</th>
            <th scope="col" className="py-1">Value</th>
            <th scope="col" className="py-1">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-line align-top">
              <th scope="row" className="py-1 font-normal">
                {row.label}
                <span className="block text-xs text-muted">{row.effect}</span>
              </th>
              <td className="py-1 font-medium">{row.value}</td>
              <td className="py-1 text-xs text-muted">{settings[row.key] === DEFAULTS[row.key] ? "Backstep's default" : "this organization's setting"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted">Administrators change these; each change is in the audit trail.</p>
    </Card>
  );
}
