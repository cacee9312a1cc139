import { beforeEach, describe, expect, it } from "vitest";
import { getClinicFigures } from "../lib/referrals/clinic-figures-data";
import { dischargeReferral, recordVisit, updateReferral } from "../lib/referrals/referral-workflow-data";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

// The clinic's figures for its lead therapist: waiting time to the first attended visit, attendance, and the share of
// discharges reaching the MCID, by month and by therapist, for the actor's clinic only.

let clinic: Clinic;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const PERIOD = { from: "2026-08-01", to: "2026-11-30" };

beforeEach(async () => {
  clinic = await createClinic();
  await testDb().referral.update({ where: { id: clinic.referralId }, data: { createdAt: new Date("2026-09-01T12:00:00Z") } });
  await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
});

describe("clinic figures", () => {
  it("counts the wait to the first attended visit, attendance by month and therapist, and discharges reaching the MCID", async () => {
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-08", attended: false });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-11", attended: true, odi: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-10-02", attended: true });
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-10-20", attended: true, odi: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    await dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "improved", recommendation: "Keep the home program." });
    await testDb().referral.update({ where: { id: clinic.referralId }, data: { dischargedAt: new Date("2026-10-21T09:00:00Z") } });

    const figures = await getClinicFigures(clinic.therapist, PERIOD);
    expect(figures.total).toMatchObject({ firstVisits: 1, medianWaitDays: 10, visits: 4, attended: 3, attendanceRate: 0.75, dischargesMeasured: 1, reachedMcid: 1, mcidRate: 1 });
    expect(figures.byMonth.map((m) => m.key)).toEqual(["2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(figures.byMonth.find((m) => m.key === "2026-09")).toMatchObject({ firstVisits: 1, visits: 2, attended: 1, attendanceRate: 0.5, dischargesMeasured: 0, mcidRate: null });
    expect(figures.byMonth.find((m) => m.key === "2026-10")).toMatchObject({ firstVisits: 0, medianWaitDays: null, visits: 2, attended: 2, reachedMcid: 1 });
    expect(figures.byMonth.find((m) => m.key === "2026-08")).toMatchObject({ visits: 0, attendanceRate: null });
    expect(figures.byTherapist).toMatchObject([{ key: clinic.therapist.userId, label: clinic.therapist.name, visits: 4, attended: 3, reachedMcid: 1 }]);
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "clinic.figures", outcome: "success", detail: PERIOD });
  });

  it("counts a discharge without a measured change apart, and a referral accepted but not yet seen as waiting", async () => {
    expect((await getClinicFigures(clinic.therapist, PERIOD)).waitingNow).toBe(1);
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-03", attended: true });
    await dischargeReferral(clinic.therapist, { referralId: clinic.referralId, outcome: "not-improved", recommendation: "Moved away.", shortCourseReason: "Moved away." });
    const figures = await getClinicFigures(clinic.therapist, { from: "2026-01-01", to: "2026-12-31" });
    expect(figures.total).toMatchObject({ dischargesMeasured: 0, reachedMcid: 0, mcidRate: null, medianWaitDays: 2 });
    expect(figures.waitingNow).toBe(0);
  });

  it("shows another clinic none of this clinic's figures, refuses other roles, and names a bad period", async () => {
    await recordVisit(clinic.therapist, { referralId: clinic.referralId, date: "2026-09-11", attended: true });
    expect((await getClinicFigures(clinic.otherTherapist, PERIOD)).total).toMatchObject({ visits: 0, firstVisits: 0 });
    for (const who of ["clinician", "auditor", "admin"] as const) {
      expect((await failure(getClinicFigures(clinic[who], PERIOD)))?.code).toBe("forbidden");
      expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "clinic.figures", outcome: "denied" });
    }
    expect((await failure(getClinicFigures(clinic.therapist, { from: "2026-12-01", to: "2026-01-01" })))?.issues).toEqual([{ path: "from", message: "from must be on or before to" }]);
    expect((await failure(getClinicFigures(clinic.therapist, { from: "2020-01-01", to: "2026-01-01" })))?.issues).toEqual([{ path: "from", message: "a period is at most three years" }]);
    expect((await failure(getClinicFigures(clinic.therapist, { from: "soon" })))?.issues).toEqual([{ path: "from", message: "from must be a date as YYYY-MM-DD" }]);
  });
});
