// The audit trail's vocabulary of actions (after FHIR AuditEvent: who did what to which entity, and the outcome).
export const AUDIT_ACTIONS = [
  "auth.sign-in",
  "auth.sign-out",
  "patient.list",
  "patient.read",
  "patient.create",
  "referral.list",
  "referral.read",
  "referral.update",
  "referral.discharge",
  "pt-visit.create",
  "user.list",
  "user.update",
  "audit.list",
  "audit.verify",
  "recommendation.evaluate",
  "encounter.start",
  "encounter.resume",
  "encounter.read",
  "encounter.save-draft",
  "encounter.sign",
  "encounter.addendum",
  "encounter.replay",
  "measure.dashboard",
  "measure.read",
  "measure.export",
  "measure.report",
  "measure.facts-rederive",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = "success" | "failure" | "denied";
