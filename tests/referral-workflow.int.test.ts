import { beforeEach, describe, expect, it } from "vitest";
import { dischargeReferral, getReferral, listClinicTherapists, recordVisit, updateReferral } from "../lib/referrals/referral-workflow-data";
import { startEncounter } from "../lib/encounters/encounters-data";
import { recommend } from "../lib/ladder/evaluate";
import { type AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;

beforeEach(async () => {
  clinic = await createClinic();
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

async function visits(count: number, adherencePercent: number, outcome: { peg: number[]; odi: number[] }[] = []) {
  for (let i = 0; i < count; i += 1) {
    const date = new Date(Date.UTC(2026, 8, 1 + i * 4)).toISOString().slice(0, 10);
    const measures = i === 0 ? outcome[0] : i === count - 1 ? outcome[1] : undefined;
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date, attended: true, adherencePercent, painScore: 6, ...(measures ? { peg: measures.peg, odi: measures.odi, outcomePhase: i === 0 ? "intake" : "discharge" } : {}) });
  }
}

describe("the clinic's handling of a referral", () => {
  it("is accepted by a therapist of the clinic, who is assigned, and audited", async () => {
    expect(await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" })).toEqual({ status: "accepted" });
    expect(await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).toMatchObject({ status: "accepted", therapistId: clinic.therapist.userId });
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "referral.update", detail: { from: "new", to: "accepted" } });
  });

  it("cannot be touched by another clinic's therapist, a clinician or an auditor", async () => {
    expect((await failure(updateReferral(clinic.otherTherapist, { referralId: clinic.referralId, action: "accept" })))?.code).toBe("not-found");
    expect((await auditEventsOf(clinic.otherTherapist.userId))[0]).toMatchObject({ action: "referral.update", outcome: "denied" });
    for (const who of ["clinician", "auditor"] as const) {
      expect((await failure(updateReferral(clinic[who], { referralId: clinic.referralId, action: "accept" })))?.code).toBe("forbidden");
    }
    expect((await failure(recordVisit(clinic.otherTherapist, { referralId: clinic.referralId, date: "2026-09-01", attended: true })))?.code).toBe("not-found");
  });

  it("needs a reason to decline, and a declined referral cannot be accepted", async () => {
    expect((await failure(updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "decline" })))?.issues).toEqual([{ path: "reason", message: "A reason is required to decline" }]);
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "decline", reason: "Outside our catchment" });
    expect((await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).declineReason).toBe("Outside our catchment");
    expect((await failure(updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" })))?.code).toBe("conflict");
  });

  it("only assigns a therapist of the same clinic", async () => {
    const error = await failure(updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept", therapistId: clinic.otherTherapist.userId }));
    expect(error?.issues[0]?.path).toBe("therapistId");
  });

  it("records visits, counting them against the covered visits", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    const result = await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-01", attended: true, adherencePercent: 90, painScore: 6, notes: "Intake" });
    expect(result).toMatchObject({ visitsUsed: 1, coveredVisitsLeft: 19 });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-04", attended: false });
    expect((await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).status).toBe("in_progress");
    const bad = await failure(recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "yesterday", attended: true, painScore: 11 }));
    expect(bad?.issues.map((i) => i.path).sort()).toEqual(["date", "painScore"]);
  });

  it("discharges with outcome and score changes against the MCID, and the next visit's ladder moves up after an adequate trial", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await visits(14, 85, [
      { peg: [7, 7, 7], odi: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] },
      { peg: [6, 6, 7], odi: [3, 3, 3, 2, 3, 3, 3, 3, 3, 3] },
    ]);
    const summary = await dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "not-improved", recommendation: "Adequate trial without benefit; consider the next step." });
    expect(summary).toMatchObject({ visitsAttended: 14, adherencePercent: 85, weeks: 7.4, peg: { intake: 7, latest: 6.3, meaningful: false }, odi: { intake: 60, latest: 58, change: -2, meaningful: false } });
    expect(await testDb().treatmentCourse.findFirstOrThrow({ where: { sourceId: clinic.referralId } })).toMatchObject({ therapy: "physical-therapy", status: "completed", sessions: 14, adherencePercent: 85, response: "none" });

    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
    const draft = (await testDb().encounter.findUniqueOrThrow({ where: { id } })).assessment as Record<string, unknown>;
    const next = recommend({ ...draft, pain: { durationWeeks: 30, intensity: 6 } });
    expect(next.ok && next.recommendation.ladder.step).toBe("pharmacologic");
  });

  it("keeps the next visit on the conservative rung when the trial was sunk by low adherence", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await visits(14, 35);
    await dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "not-improved", recommendation: "Home program not done." });
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
    const draft = (await testDb().encounter.findUniqueOrThrow({ where: { id } })).assessment as Record<string, unknown>;
    const next = recommend({ ...draft, pain: { durationWeeks: 30, intensity: 6 } });
    expect(next.ok && next.recommendation.ladder.step).toBe("conservative");
    expect(next.ok && next.recommendation.alerts.map((a) => a.code)).toContain("low-adherence");
  });

  it("refuses adherence out of range, and a discharge without a chosen outcome, with field messages", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    const bad = await failure(recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-01", attended: true, adherencePercent: 150 }));
    expect(bad?.issues).toEqual([{ path: "adherencePercent", message: "Adherence is 0-100%" }]);
    await visits(3, 80);
    const unchosen = await failure(dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "", recommendation: "Done." }));
    expect(unchosen?.issues).toEqual([{ path: "outcome", message: "Choose the outcome: improved, partly improved, not improved or worse" }]);
  });

  it("needs a reason to discharge a course of under a week, and passes it to the referring doctor", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-01", attended: true, adherencePercent: 80 });
    const why = await failure(dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "improved", recommendation: "Goals met." }));
    expect(why?.issues).toEqual([{ path: "shortCourseReason", message: "The attended visits span 0 weeks: say why the course ends so soon (the referring doctor reads it)" }]);
    expect((await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).status).toBe("in_progress");
    const summary = await dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "improved", recommendation: "Goals met.", shortCourseReason: "Moved out of the area" });
    expect(summary).toMatchObject({ weeks: 0, shortCourseReason: "Moved out of the area" });
    expect((await getReferral(clinic.clinician, clinic.referralId)).discharge).toMatchObject({ shortCourseReason: "Moved out of the area" });
  });

  it("cannot discharge a referral that is not in progress", async () => {
    expect((await failure(dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "improved", recommendation: "x" })))?.code).toBe("conflict");
  });
});

describe("getReferral", () => {
  it("shows the clinic only what the referral needs, and audits the read", async () => {
    const referral = await getReferral(clinic.therapist, clinic.referralId);
    expect(referral).toMatchObject({ status: "new", patient: { name: "Rita Referred" }, toSiteName: "Fixture PT", classification: { tbcSubgroup: "specific-exercise-extension" }, visitsUsed: 0 });
    expect(Object.keys(referral.patient).sort()).toEqual(["ageYears", "id", "name", "sex"]);
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "referral.read", entityId: clinic.referralId });
  });

  it("lets the referring organization read it, but not another clinic or an administrator", async () => {
    expect((await getReferral(clinic.clinician, clinic.referralId)).id).toBe(clinic.referralId);
    expect((await failure(getReferral(clinic.otherTherapist, clinic.referralId)))?.code).toBe("not-found");
    expect((await failure(getReferral(clinic.admin, clinic.referralId)))?.code).toBe("forbidden");
  });
});

describe("assigning a therapist", () => {
  it("assigns a therapist of the clinic without changing the status, and lists only that clinic's therapists", async () => {
    expect(await listClinicTherapists(clinic.therapist)).toEqual([{ id: clinic.therapist.userId, name: clinic.therapist.name }]);
    expect(await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "assign", therapistId: clinic.therapist.userId })).toEqual({ status: "new" });
    expect((await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).therapistId).toBe(clinic.therapist.userId);
    expect((await failure(updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "assign" })))?.issues[0]?.path).toBe("therapistId");
  });

  it("is not for clinicians", async () => {
    expect((await failure(listClinicTherapists(clinic.clinician)))?.code).toBe("forbidden");
  });

  it("shows progress against the MCID before discharge", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await visits(3, 80, [
      { peg: [8, 8, 8], odi: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4] },
      { peg: [5, 5, 5], odi: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
    ]);
    const referral = await getReferral(clinic.therapist, clinic.referralId);
    expect(referral.progress).toEqual({ peg: { intake: 8, latest: 5, change: -3, meaningful: true }, odi: { intake: 80, latest: 40, change: -40, meaningful: true } });
    expect(referral.visitsUsed).toBe(3);
  });
});
