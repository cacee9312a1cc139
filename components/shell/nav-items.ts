import type { Role } from "@/lib/access/policy";

// What each role finds in the navigation; the pages themselves check access again.
export const NAV_ITEMS: { href: string; label: string; roles: readonly Role[] }[] = [
  { href: "/patients", label: "Patients", roles: ["clinician", "auditor"] },
  { href: "/referrals", label: "Referrals", roles: ["clinician", "physical_therapist", "auditor"] },
  { href: "/referrals/schedule", label: "Schedule", roles: ["physical_therapist"] },
  { href: "/referrals/figures", label: "Clinic figures", roles: ["physical_therapist"] },
  { href: "/measures", label: "Measures", roles: ["auditor"] },
  { href: "/reviews", label: "Case reviews", roles: ["clinician", "auditor"] },
  { href: "/audit", label: "Audit trail", roles: ["auditor", "admin"] },
  { href: "/admin/organization", label: "Organization", roles: ["admin"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
  { href: "/admin/patients", label: "Import patients", roles: ["admin"] },
  { href: "/evidence", label: "Evidence", roles: ["clinician", "physical_therapist", "auditor", "admin"] },
];
