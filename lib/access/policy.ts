// Who may do what, as data: one table of role x resource -> actions, and one pure can().
// Row-level scope (which organization, which clinic) is checked by each data-access function.

export const ROLES = ["clinician", "physical_therapist", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ["read", "create", "update", "sign", "export", "evaluate", "import"] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  "patient",
  "encounter",
  "recommendation",
  "decision",
  "order",
  "referral",
  "pt-visit",
  // Progress notes and plans of care from the clinic to the referring doctor, who certifies (updates) a plan of care.
  "pt-note",
  "measure",
  // An auditor's review of a measure case: written by auditors, read by the case's clinician when sent to them.
  "case-review",
  "audit-trail",
  "evidence",
  "user",
  "organization",
  // The running system's details (database latency, migrations, uptime): anyone may learn only whether it is up.
  "system-health",
] as const;
export type Resource = (typeof RESOURCES)[number];

type AccessTable = Record<Role, Partial<Record<Resource, readonly Action[]>>>;

export const ACCESS_TABLE: AccessTable = {
  clinician: {
    patient: ["read", "create", "update"],
    encounter: ["read", "create", "update", "sign"],
    recommendation: ["read", "evaluate"],
    decision: ["read", "create"],
    order: ["read", "create"],
    referral: ["read", "create"],
    "pt-visit": ["read"],
    "pt-note": ["read", "update"],
    evidence: ["read"],
    // Only reviews of their own cases sent to them; update is acknowledging one.
    "case-review": ["read", "update"],
  },
  // Scoped to referrals that reach the therapist's own clinic.
  physical_therapist: {
    patient: ["read"],
    referral: ["read", "update"],
    "pt-visit": ["read", "create", "update"],
    "pt-note": ["read", "create"],
    recommendation: ["evaluate"],
    evidence: ["read"],
  },
  // Auditors read and export; they never write clinical data.
  auditor: {
    patient: ["read"],
    encounter: ["read"],
    recommendation: ["read", "evaluate"],
    decision: ["read"],
    order: ["read"],
    referral: ["read"],
    "pt-visit": ["read"],
    "pt-note": ["read"],
    measure: ["read", "export"],
    "case-review": ["read", "create", "export"],
    "audit-trail": ["read", "export"],
    evidence: ["read"],
  },
  // Administrators run the organization's accounts and settings, not its clinical records.
  // Importing a practice's patient list writes demographics only; it reads nothing back.
  admin: {
    patient: ["import"],
    user: ["read", "create", "update"],
    organization: ["read", "update"],
    "audit-trail": ["read"],
    evidence: ["read"],
    "system-health": ["read"],
  },
};

export function can(role: Role, action: Action, resource: Resource): boolean {
  return ACCESS_TABLE[role][resource]?.includes(action) ?? false;
}
