import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { certifyPlanOfCare, listPtNotes, setProgressNoteInterval, writePtNote } from "../lib/referrals/pt-notes-data";
import { dischargeReferral, recordVisit, updateReferral } from "../lib/referrals/referral-workflow-data";
import { getPatient } from "../lib/patients/patients-data";
import type { Actor } from "../lib/access/actor";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

// Progress notes and plans of care from the clinic to the referring doctor: written by the clinic's therapists with
// the course's figures, due after the chosen number of attended visits, read by the referring organization, and a
// plan of care certified by the referring doctor alone.

let clinic: Clinic;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const SOAP = { subjective: "Walks 20 minutes without leg pain.", objective: "Flexion to mid-shin.", assessment: "Responding to extension bias.", plan: "Progress loading; taper to twice a week." };
const PLAN = { kind: "plan_of_care", ...SOAP, goals: "Sit through a work meeting; lift a child.", visitsPerWeek: 2, weeks: 6, certifyFrom: "2026-12-01", certifyTo: "2027-02-28" };

beforeEach(async () => {
  clinic = await createClinic();
  await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
});

async function visits(count: number, start = 1) {
  for (let i = 0; i < count; i += 1) {
    const day = String(start + i).padStart(2, "0");
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: `2026-10-${day}`, attended: true, adherencePercent: 70 + i, painScore: 7 - Math.min(i, 4), ...(i === 0 ? { peg: [7, 7, 7] } : i === count - 1 ? { peg: [4, 4, 4] } : {}) });
  }
}

describe("progress notes", () => {
  it("carries the course's figures as they stood, shows on the referral for the clinic and the referring doctor, and is audited", async () => {
    await visits(3);
    const { id } = await writePtNote(clinic.therapist, { referralId: clinic.referralId, kind: "progress", ...SOAP });
    for (const reader of [clinic.therapist, clinic.clinician, clinic.auditor]) {
      const { notes } = await listPtNotes(reader, clinic.referralId);
      expect(notes).toMatchObject([{ id, kind: "progress", ...SOAP, therapistName: clinic.therapist.name, planOfCare: null }]);
      expect(notes[0]?.figures).toMatchObject({ visitsAttended: 3, visitsMissed: 0, adherencePercent: 71, latestPain: 5, peg: { intake: 7, latest: 4, change: -3, meaningful: true } });
    }
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "pt-note.create", entityId: id, patientId: clinic.referredPatientId, detail: { kind: "progress" } });
    const chart = await getPatient(clinic.clinician, clinic.referredPatientId);
    expect(chart.referrals[0]).toMatchObject({ latestProgressNote: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), plansAwaitingCertification: 0 });
  });

  it("is due after the chosen number of attended visits since the last one, and the clinic may change the number", async () => {
    await visits(3);
    expect((await listPtNotes(clinic.therapist, clinic.referralId)).progress).toEqual({ everyVisits: 10, attendedSince: 3, due: false });
    await setProgressNoteInterval(clinic.therapist, { referralId: clinic.referralId, everyVisits: 3 });
    expect((await listPtNotes(clinic.therapist, clinic.referralId)).progress).toEqual({ everyVisits: 3, attendedSince: 3, due: true });
    await writePtNote(clinic.therapist, { referralId: clinic.referralId, kind: "progress", ...SOAP });
    expect((await listPtNotes(clinic.therapist, clinic.referralId)).progress).toMatchObject({ attendedSince: 0, due: false });
    await visits(1, 10);
    expect((await listPtNotes(clinic.therapist, clinic.referralId)).progress).toMatchObject({ attendedSince: 1, due: false });
    expect((await auditEventsOf(clinic.therapist.userId)).find((e) => e.action === "referral.progress-interval")).toMatchObject({ detail: { from: 10, to: 3 } });
    expect((await failure(setProgressNoteInterval(clinic.therapist, { referralId: clinic.referralId, everyVisits: 1 })))?.issues).toEqual([{ path: "everyVisits", message: "A progress note every 2 to 20 attended visits" }]);
    expect((await failure(setProgressNoteInterval(clinic.clinician, { referralId: clinic.referralId, everyVisits: 5 })))?.code).toBe("forbidden");
  });

  it("names each missing or bad field, and saves nothing", async () => {
    const bad = await failure(writePtNote(clinic.therapist, { referralId: clinic.referralId, kind: "progress", subjective: 5, assessment: " ", plan: "x".repeat(4001) }));
    expect(bad?.issues).toEqual([
      { path: "subjective", message: "Subjective must be text" },
      { path: "assessment", message: "Write the assessment" },
      { path: "plan", message: "Plan is at most 4000 characters" },
    ]);
    expect((await failure(writePtNote(clinic.therapist, { referralId: clinic.referralId, kind: "letter", ...SOAP })))?.issues).toEqual([{ path: "kind", message: "Choose a progress note or a plan of care" }]);
    expect(await testDb().ptNote.count({ where: { referralId: clinic.referralId } })).toBe(0);
  });

  it("refuses other roles, another clinic, and a referral not open", async () => {
    for (const who of ["clinician", "auditor", "admin"] as const) {
      expect((await failure(writePtNote(clinic[who], { referralId: clinic.referralId, kind: "progress", ...SOAP })))?.code).toBe("forbidden");
      expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "pt-note.create", outcome: "denied", entityId: clinic.referralId });
    }
    expect((await failure(writePtNote(clinic.otherTherapist, { referralId: clinic.referralId, kind: "progress", ...SOAP })))?.code).toBe("not-found");
    expect((await failure(listPtNotes(clinic.otherTherapist, clinic.referralId)))?.code).toBe("not-found");
    expect((await failure(listPtNotes(clinic.admin, clinic.referralId)))?.code).toBe("forbidden");
    await visits(1);
    await dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "improved", recommendation: "Home program.", shortCourseReason: "Moved away." });
    expect((await failure(writePtNote(clinic.therapist, { referralId: clinic.referralId, kind: "progress", ...SOAP })))?.code).toBe("conflict");
  });
});

describe("plans of care", () => {
  it("are certified by the referring doctor alone, once, shown as awaiting on the chart until then, and audited", async () => {
    await visits(2);
    const { id } = await writePtNote(clinic.therapist, { referralId: clinic.referralId, ...PLAN });
    expect((await listPtNotes(clinic.clinician, clinic.referralId)).certifier).toBe(true);
    expect((await listPtNotes(clinic.auditor, clinic.referralId)).certifier).toBe(false);
    expect((await getPatient(clinic.clinician, clinic.referredPatientId)).referrals[0]).toMatchObject({ plansAwaitingCertification: 1, latestProgressNote: null });

    const otherId = randomUUID();
    await testDb().user.create({ data: { id: otherId, organizationId: clinic.organizationId, siteId: clinic.practiceId, email: `other-${otherId.slice(0, 8)}@fixture.test`, name: "Other Doctor", role: "clinician" } });
    const other: Actor = { ...clinic.clinician, userId: otherId, name: "Other Doctor" };
    expect((await failure(certifyPlanOfCare(other, { noteId: id })))?.code).toBe("not-found");
    expect((await auditEventsOf(otherId))[0]).toMatchObject({ action: "pt-note.certify", outcome: "denied", entityId: id });
    for (const who of ["therapist", "auditor", "admin"] as const) expect((await failure(certifyPlanOfCare(clinic[who], { noteId: id })))?.code).toBe("forbidden");

    await certifyPlanOfCare(clinic.clinician, { noteId: id });
    const [plan] = (await listPtNotes(clinic.therapist, clinic.referralId)).notes;
    expect(plan?.planOfCare).toMatchObject({ goals: PLAN.goals, visitsPerWeek: 2, weeks: 6, certifyFrom: "2026-12-01", certifyTo: "2027-02-28", certifiedBy: clinic.clinician.name, certifiedAt: expect.any(String) });
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "pt-note.certify", outcome: "success", entityId: id, patientId: clinic.referredPatientId });
    expect((await failure(certifyPlanOfCare(clinic.clinician, { noteId: id })))?.code).toBe("conflict");
    expect((await getPatient(clinic.clinician, clinic.referredPatientId)).referrals[0]?.plansAwaitingCertification).toBe(0);
  });

  it("need goals, a frequency and a duration, and a certified period of at most 90 days in order; a progress note cannot be certified", async () => {
    const bad = await failure(writePtNote(clinic.therapist, { referralId: clinic.referralId, ...PLAN, goals: "", visitsPerWeek: 9, weeks: 0.5, certifyFrom: "2026-12-01", certifyTo: "2027-03-01" }));
    expect(bad?.issues).toEqual([
      { path: "goals", message: "Write the goals" },
      { path: "visitsPerWeek", message: "Visits a week is 1 to 7" },
      { path: "weeks", message: "Weeks is a whole number" },
    ]);
    expect((await failure(writePtNote(clinic.therapist, { referralId: clinic.referralId, ...PLAN, certifyTo: "2027-03-01" })))?.issues).toEqual([{ path: "certifyTo", message: "A plan of care is certified for at most 90 days" }]);
    expect((await failure(writePtNote(clinic.therapist, { referralId: clinic.referralId, ...PLAN, certifyTo: "2026-11-30" })))?.issues).toEqual([{ path: "certifyTo", message: "The last day certified comes on or after the first" }]);
    const { id } = await writePtNote(clinic.therapist, { referralId: clinic.referralId, kind: "progress", ...SOAP });
    expect((await failure(certifyPlanOfCare(clinic.clinician, { noteId: id })))?.code).toBe("not-found");
    expect((await failure(certifyPlanOfCare(clinic.clinician, { noteId: "nope" })))?.issues).toEqual([{ path: "noteId", message: "Note id must be a UUID" }]);
  });
});
