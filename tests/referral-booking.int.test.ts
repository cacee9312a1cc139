import { beforeEach, describe, expect, it } from "vitest";
import { getReferral, recordVisit, setReferralAuthorization, updateReferral } from "../lib/referrals/referral-workflow-data";
import { getPatient } from "../lib/patients/patients-data";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";
import { signedVisit } from "./support/signed-visits";

// What a referral gives the clinic to book and bill: the patient's contact, the payer's authorization (visits used are
// the attended visits), diagnosis codes and medicines from the referring visit, and the referring doctor's contact.

let clinic: Clinic;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

beforeEach(async () => {
  clinic = await createClinic();
  await testDb().patient.update({ where: { id: clinic.referredPatientId }, data: { phone: "+12015550123", preferredContact: "text" } });
  await testDb().site.update({ where: { id: clinic.practiceId }, data: { phone: "(201) 555-0100" } });
  const encounterId = await signedVisit(clinic.clinician, clinic.referredPatientId, "2026-09-15", {
    assessment: {
      pain: { durationWeeks: 20, intensity: 6, radicular: true },
      conditions: ["anticoagulant-use"],
      medications: [
        { drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 3 },
        { drug: "sertraline", doseMg: 50, dosesPerDay: 1 },
      ],
    },
    orders: [{ kind: "medication", action: "new", medication: { drug: "gabapentin", doseMg: 300, dosesPerDay: 3 } }],
  });
  await testDb().referral.update({ where: { id: clinic.referralId }, data: { encounterId } });
});

describe("the referral's booking and billing details", () => {
  it("carry the patient's contact, the codes and medicines of the referring visit with its MME, precautions, and the referrer", async () => {
    for (const reader of [clinic.therapist, clinic.clinician]) {
      const { booking } = await getReferral(reader, clinic.referralId);
      expect(booking.contact).toEqual({ phone: "+12015550123", email: null, preferred: "text" });
      expect(booking.diagnoses.map((d) => d.code)).toEqual(["M54.16", "G89.29"]);
      expect(booking.medicines.map((m) => [m.drug, m.relevance?.slice(0, 8) ?? null])).toEqual([
        ["oxycodone", "sedating"],
        ["sertraline", null],
        ["gabapentin", "sedating"],
      ]);
      expect(booking.precautions).toEqual(["Takes an anticoagulant: bruising and bleeding risk with manual therapy"]);
      expect(booking.referringClinician).toEqual({ name: clinic.clinician.name, email: clinic.clinician.email, practice: "Fixture Practice", practicePhone: "(201) 555-0100" });
      expect(booking.authorization).toMatchObject({ payer: null, visitsAuthorized: null, visitsUsed: 0, visitsLeft: null });
    }
  });

  it("shows the same MME for a medicine as the doctor's chart, from the signed recommendation", async () => {
    const { booking } = await getReferral(clinic.therapist, clinic.referralId);
    const chart = await getPatient(clinic.clinician, clinic.referredPatientId);
    const oxycodone = booking.medicines.find((m) => m.drug === "oxycodone");
    expect(oxycodone?.mmePerDay).toBe(45);
    expect(chart.chart?.medications.find((m) => m.drug === "oxycodone")?.mmePerDay).toBe(oxycodone?.mmePerDay);
    expect(booking.medicines.map((m) => m.sig)).toEqual(chart.chart?.medications.map((m) => m.sig));
  });
});

describe("the payer's authorization", () => {
  it("is recorded by the clinic, counts attended visits as used, and is audited", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await setReferralAuthorization(clinic.therapist, { referralId: clinic.referralId, payer: "Acme Health", memberId: "AC-889", authorizationNumber: "PA-2026-1", visitsAuthorized: 3, authorizedUntil: "2027-01-31" });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-10-01", attended: true });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-10-03", attended: false });
    const { booking } = await getReferral(clinic.clinician, clinic.referralId);
    expect(booking.authorization).toEqual({ payer: "Acme Health", memberId: "AC-889", authorizationNumber: "PA-2026-1", visitsAuthorized: 3, visitsUsed: 1, visitsLeft: 2, authorizedUntil: "2027-01-31" });
    expect((await auditEventsOf(clinic.therapist.userId)).find((e) => e.action === "referral.authorization")).toMatchObject({ entityId: clinic.referralId, detail: { payer: "Acme Health", visitsAuthorized: 3, authorizedUntil: "2027-01-31" } });
    await setReferralAuthorization(clinic.therapist, { referralId: clinic.referralId, payer: "", visitsAuthorized: null, authorizedUntil: "" });
    expect((await getReferral(clinic.therapist, clinic.referralId)).booking.authorization).toMatchObject({ payer: null, memberId: null, visitsAuthorized: null, visitsLeft: null, authorizedUntil: null });
  });

  it("names bad fields, and refuses other roles and another clinic", async () => {
    const bad = await failure(setReferralAuthorization(clinic.therapist, { referralId: clinic.referralId, payer: "x".repeat(101), visitsAuthorized: -1, authorizedUntil: "someday" }));
    expect(bad?.issues?.map((i) => i.path).sort()).toEqual(["authorizedUntil", "payer", "visitsAuthorized"]);
    for (const who of ["clinician", "auditor", "admin"] as const) expect((await failure(setReferralAuthorization(clinic[who], { referralId: clinic.referralId, payer: "X" })))?.code).toBe("forbidden");
    expect((await failure(setReferralAuthorization(clinic.otherTherapist, { referralId: clinic.referralId, payer: "X" })))?.code).toBe("not-found");
    expect((await auditEventsOf(clinic.otherTherapist.userId))[0]).toMatchObject({ action: "referral.authorization", outcome: "denied", entityId: clinic.referralId });
    expect((await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).payer).toBeNull();
  });
});
