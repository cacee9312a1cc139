import { describe, expect, it } from "vitest";
import { ACTIONS, can, RESOURCES, ROLES } from "./policy";

// The whole access table, written out independently of policy.ts: everything listed is allowed,
// every other role x action x resource combination is denied.
const ALLOWED = new Set([
  "clinician read patient",
  "clinician create patient",
  "clinician update patient",
  "clinician read encounter",
  "clinician create encounter",
  "clinician update encounter",
  "clinician sign encounter",
  "clinician read recommendation",
  "clinician evaluate recommendation",
  "clinician read decision",
  "clinician create decision",
  "clinician read order",
  "clinician create order",
  "clinician read referral",
  "clinician create referral",
  "clinician read pt-visit",
  "clinician read evidence",
  "clinician read pt-note",
  "clinician update pt-note",
  "clinician read case-review",
  "clinician update case-review",

  "physical_therapist read patient",
  "physical_therapist read referral",
  "physical_therapist update referral",
  "physical_therapist read pt-visit",
  "physical_therapist create pt-visit",
  "physical_therapist update pt-visit",
  "physical_therapist read pt-note",
  "physical_therapist create pt-note",
  "physical_therapist evaluate recommendation",
  "physical_therapist read evidence",

  "auditor read patient",
  "auditor read encounter",
  "auditor read recommendation",
  "auditor evaluate recommendation",
  "auditor read decision",
  "auditor read order",
  "auditor read referral",
  "auditor read pt-visit",
  "auditor read pt-note",
  "auditor read measure",
  "auditor export measure",
  "auditor read case-review",
  "auditor create case-review",
  "auditor export case-review",
  "auditor read audit-trail",
  "auditor export audit-trail",
  "auditor read evidence",

  "admin import patient",
  "admin read user",
  "admin create user",
  "admin update user",
  "admin read organization",
  "admin update organization",
  "admin read audit-trail",
  "admin read evidence",
  "admin read system-health",
]);

const combinations = ROLES.flatMap((role) => ACTIONS.flatMap((action) => RESOURCES.map((resource) => [role, action, resource] as const)));

describe("can()", () => {
  it("covers every role, action and resource", () => {
    expect(combinations).toHaveLength(ROLES.length * ACTIONS.length * RESOURCES.length);
    for (const entry of ALLOWED) {
      const [role, action, resource] = entry.split(" ");
      expect(ROLES).toContain(role);
      expect(ACTIONS).toContain(action);
      expect(RESOURCES).toContain(resource);
    }
  });

  it.each(combinations)("%s may %s %s only when the table says so", (role, action, resource) => {
    expect(can(role, action, resource)).toBe(ALLOWED.has(`${role} ${action} ${resource}`));
  });

  it("never lets an auditor write clinical data", () => {
    const clinical = ["patient", "encounter", "recommendation", "decision", "order", "referral", "pt-visit", "pt-note"] as const;
    for (const resource of clinical) {
      for (const action of ["create", "update", "sign"] as const) expect(can("auditor", action, resource)).toBe(false);
    }
  });

  it("keeps administrators out of clinical records", () => {
    for (const resource of ["patient", "encounter", "referral", "pt-visit", "order"] as const) expect(can("admin", "read", resource)).toBe(false);
  });
});
