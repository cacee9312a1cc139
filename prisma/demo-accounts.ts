// The demo organization's sign-ins, one per role; printed when the app starts in demo mode.
export const DEMO_PASSWORD = "backstep-demo";

export const DEMO_ACCOUNTS = [
  { role: "clinician", email: "clinician@backstep.test", name: "Dr. Maya Okafor", site: "primary_care" },
  { role: "physical_therapist", email: "therapist@backstep.test", name: "Sam Lindqvist, DPT", site: "pt_clinic" },
  { role: "auditor", email: "auditor@backstep.test", name: "Priya Raman", site: null },
  { role: "admin", email: "admin@backstep.test", name: "Jordan Ellis", site: null },
] as const;

// A therapist at a second clinic that receives no referrals: shows that clinics only see their own.
export const OTHER_CLINIC_THERAPIST = { role: "physical_therapist", email: "northside.therapist@backstep.test", name: "Alex Moreno, PT", site: "other_pt_clinic" } as const;

// A clinician at a second practice, so the auditors' measures have more than one clinician and site to compare.
export const OTHER_PRACTICE_CLINICIAN = { role: "clinician", email: "eastside.clinician@backstep.test", name: "Dr. Tomas Herrera", site: "other_primary_care" } as const;

// Administrators always sign in in two steps, so the demo administrator comes with an authenticator key, published
// like the password: add it to an authenticator app, or print the current code with `npm run --silent demo:code`.
export const DEMO_ADMIN_TOTP_SECRET = "KBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const DEMO_ORGANIZATION = { slug: "riverside-demo", name: "Riverside Health (demo)" } as const;
