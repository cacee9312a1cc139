import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../lib/errors";
import { addAddendum, getEncounter, replayEncounter, saveDraft, signEncounter, startEncounter } from "../lib/encounters/encounters-data";
import { createPatient, getPatient, listPatients, updatePatient } from "../lib/patients/patients-data";
import { importPatients } from "../lib/patients/patient-import-data";
import { dischargeReferral, getReferral, recordVisit, updateReferral } from "../lib/referrals/referral-workflow-data";
import { bookAppointment, listClinicAppointments, recordNoShow } from "../lib/referrals/appointments-data";
import { createUser, resetUserPassword, resetUserTwoStep, setUserActive, unlockUser, updateUserAccess } from "../lib/users/users-data";
import { changeOwnPassword } from "../lib/users/own-password";
import { setPasswordWithLink } from "../lib/users/password-links";
import { createSite, updateOrganizationSettings, updateSite } from "../lib/organizations/organization-data";
import { exportMeasureCsv, getMeasure, getMeasureReport, getPrescriberReport, listMeasures } from "../lib/measures/measures-data";
import { exportAuditCsv, listAuditEvents } from "../lib/audit/audit-data";
import { evaluateForActor } from "../lib/recommendations/evaluate-data";
import type { Actor } from "../lib/access/actor";
import { createClinic, type Clinic } from "./support/fixtures";

// Every entry point behind a page, a server action or a route handler, given what an attacker would send: any JSON-like
// value, with the strings that broke things before (NUL bytes, direction overrides, huge values, numbers past any
// id). Each must answer as the user's mistake (4xx) or do the work; never fail as the server's (500).
const HOSTILE: unknown[] = ["Ames\u0000", "Ames\u202Egnp.exe", "\uFEFF", "99999999999999999999999", "-1", "1e309", "not-a-uuid", "00000000-0000-4000-8000-000000000000", "'; DROP TABLE patient; --", "x".repeat(70_000), -1, 1e309, 2 ** 63, NaN, [], {}, null, true];
const hostileString = fc.oneof({ weight: 1, arbitrary: fc.string() }, { weight: 3, arbitrary: fc.constantFrom(...HOSTILE.filter((v): v is string => typeof v === "string")) });
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(hostileString, tie("value"), { maxKeys: 5 })),
})).value;
// Shaped like the real inputs, so validation gets past the first field and meets the hostile ones deeper in.
const FIELDS = ["id", "patientId", "encounterId", "referralId", "userId", "version", "assessment", "orders", "decisions", "text", "q", "page", "name", "email", "role", "siteId", "kind", "csv", "mode", "from", "to", "before", "token", "password", "confirm", "current", "action", "reason", "outcome", "recommendation"];
const hostileInput = fc.oneof(hostileValue, fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 8 }));

/** An entry point: who may call it, the fields it reads (each is tried with every hostile value), and the call. */
type Entry = [string, keyof Pick<Clinic, "clinician" | "therapist" | "auditor" | "admin">, string[], (actor: Actor, input: unknown) => Promise<unknown>];
const ENTRIES: Entry[] = [
  ["listPatients", "clinician", ["q", "page"], listPatients],
  ["getPatient", "clinician", [], getPatient],
  ["createPatient", "clinician", ["mrn", "givenName", "familyName", "birthDate", "sex"], createPatient],
  ["updatePatient", "clinician", ["id", "mrn", "givenName", "familyName", "birthDate", "sex"], updatePatient],
  ["startEncounter", "clinician", ["patientId"], startEncounter],
  ["getEncounter", "clinician", [], getEncounter],
  ["saveDraft", "clinician", ["encounterId", "version", "assessment", "orders", "decisions"], saveDraft],
  ["signEncounter", "clinician", ["encounterId", "version", "assessment", "orders", "decisions"], signEncounter],
  ["addAddendum", "clinician", ["encounterId", "text"], addAddendum],
  ["replayEncounter", "auditor", [], replayEncounter],
  ["evaluateForActor", "clinician", ["asOf", "patient", "pain", "redFlags", "medications", "orders", "settings"], evaluateForActor],
  ["getReferral", "therapist", [], getReferral],
  ["updateReferral", "therapist", ["referralId", "action", "reason", "therapistId"], updateReferral],
  ["recordVisit", "therapist", ["referralId", "date", "attended", "notes", "adherencePercent"], recordVisit],
  ["dischargeReferral", "therapist", ["referralId", "outcome", "recommendation", "shortCourseReason"], dischargeReferral],
  ["bookAppointment", "therapist", ["referralId", "date", "time", "therapistId", "minutes"], bookAppointment],
  ["listClinicAppointments", "therapist", ["date", "view"], listClinicAppointments],
  ["recordNoShow", "therapist", ["appointmentId", "followUp"], recordNoShow],
  ["importPatients", "admin", ["csv", "mode"], importPatients],
  ["createUser", "admin", ["name", "email", "role", "siteId"], createUser],
  ["setUserActive", "admin", ["userId", "active", "reason"], setUserActive],
  ["updateUserAccess", "admin", ["userId", "role", "siteId"], updateUserAccess],
  ["resetUserPassword", "admin", ["userId"], resetUserPassword],
  ["unlockUser", "admin", ["userId"], unlockUser],
  ["resetUserTwoStep", "admin", ["userId"], resetUserTwoStep],
  ["changeOwnPassword", "clinician", ["current", "password", "confirm"], changeOwnPassword],
  ["setPasswordWithLink", "admin", ["token", "password", "confirm"], (_actor, input) => setPasswordWithLink(input)],
  ["updateOrganizationSettings", "admin", ["name", "guidelineProfile", "profileSwitchAllowed", "ptVisitLimit", "adherenceThresholdPercent"], updateOrganizationSettings],
  ["createSite", "admin", ["name", "kind", "phone", "address"], createSite],
  ["updateSite", "admin", ["id", "name", "phone", "address", "retired"], updateSite],
  ["listMeasures", "auditor", ["from", "to"], listMeasures],
  ["getMeasure", "auditor", ["id", "from", "to", "show", "clinician", "site", "month", "category", "pseudonymized"], getMeasure],
  ["exportMeasureCsv", "auditor", ["id", "from", "to", "show", "clinician", "site", "month", "category", "pseudonymized"], exportMeasureCsv],
  ["getMeasureReport", "auditor", ["from", "to", "pseudonymized"], getMeasureReport],
  ["getPrescriberReport", "auditor", ["clinician", "from", "to"], getPrescriberReport],
  ["listAuditEvents", "auditor", ["before", "user", "action", "outcome", "patient", "from", "to", "address"], listAuditEvents],
  ["exportAuditCsv", "auditor", ["user", "action", "outcome", "patient", "from", "to", "address"], exportAuditCsv],
];

/** The call answered as a user's mistake (4xx) or did the work. */
async function answersAsUserError(call: () => Promise<unknown>, input: unknown): Promise<void> {
  try {
    await call();
  } catch (error) {
    expect(error, `for ${JSON.stringify(input)?.slice(0, 200)}`).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeGreaterThanOrEqual(400);
    expect((error as AppError).status).toBeLessThan(500);
  }
}

describe("hostile input to every entry point", () => {
  it.each(ENTRIES)("%s answers a 4xx or does the work, never a 500", async (_name, role, fields, entry) => {
    const clinic = await createClinic();
    const actor = clinic[role];
    // Each field it reads, alone, with each value that broke something before; then anything at all.
    for (const field of fields) for (const value of HOSTILE) await answersAsUserError(() => entry(actor, { [field]: value }), { [field]: value });
    for (const value of HOSTILE) await answersAsUserError(() => entry(actor, value), value);
    await fc.assert(
      fc.asyncProperty(hostileInput, (input) => answersAsUserError(() => entry(actor, input), input)),
      { numRuns: 60, seed: 20261201 },
    );
  }, 60_000);
});
