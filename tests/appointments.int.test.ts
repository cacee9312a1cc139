import { beforeEach, describe, expect, it } from "vitest";
import { bookAppointment, listClinicAppointments, listReferralAppointments, recordNoShow } from "../lib/referrals/appointments-data";
import { getReferral, updateReferral } from "../lib/referrals/referral-workflow-data";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

beforeEach(async () => {
  clinic = await createClinic();
});

const book = (who: Clinic["therapist"], date: string, time: string, minutes = 45) =>
  bookAppointment(who, { referralId: clinic.referralId, date, time, therapistId: clinic.therapist.userId, minutes });

describe("booking appointments", () => {
  it("books an accepted referral with a therapist at a date and time, moves it to scheduled, and audits it", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    const { id } = await book(clinic.therapist, "2026-12-07", "09:30");
    expect((await testDb().referral.findUniqueOrThrow({ where: { id: clinic.referralId } })).status).toBe("scheduled");
    expect(await listReferralAppointments(clinic.therapist, clinic.referralId)).toMatchObject([{ id, date: "2026-12-07", time: "09:30", minutes: 45, status: "booked", patientName: "Rita Referred" }]);
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "appointment.book", entityId: id, detail: { date: "2026-12-07", time: "09:30" } });
  });

  it("refuses a double booking of the therapist, naming the clash, and accepts the slot after it", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await book(clinic.therapist, "2026-12-07", "09:00", 45);
    const clash = await failure(book(clinic.therapist, "2026-12-07", "09:30"));
    expect(clash).toMatchObject({ code: "conflict", issues: [{ path: "time", message: "The therapist has an appointment at 09:00 for 45 minutes" }] });
    expect(await book(clinic.therapist, "2026-12-07", "09:45")).toMatchObject({ id: expect.any(String) });
  });

  it("names each bad field, and refuses a referral not yet accepted, another clinic's therapist, and other roles", async () => {
    const bad = await failure(bookAppointment(clinic.therapist, { referralId: clinic.referralId, date: "2026-02-30", time: "25:00", therapistId: "x", minutes: 5 }));
    expect(bad?.issues.map((i) => i.path).sort()).toEqual(["date", "minutes", "therapistId", "time"]);
    expect((await failure(book(clinic.therapist, "2026-12-07", "09:00")))?.code).toBe("conflict");
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    expect((await failure(bookAppointment(clinic.therapist, { referralId: clinic.referralId, date: "2026-12-07", time: "09:00", therapistId: clinic.otherTherapist.userId })))?.issues).toEqual([
      { path: "therapistId", message: "Choose an active therapist of this clinic" },
    ]);
    expect((await failure(book(clinic.otherTherapist, "2026-12-07", "09:00")))?.code).toBe("not-found");
    for (const who of ["clinician", "auditor", "admin"] as const) expect((await failure(book(clinic[who], "2026-12-07", "09:00")))?.code).toBe("forbidden");
  });
});

describe("the clinic's day and week", () => {
  it("lists the clinic's appointments by day or by the week around a day, in time order, and no other clinic's", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    await book(clinic.therapist, "2026-12-09", "14:00");
    await book(clinic.therapist, "2026-12-09", "08:15");
    await book(clinic.therapist, "2026-12-13", "10:00");
    const day = await listClinicAppointments(clinic.therapist, { date: "2026-12-09" });
    expect(day.appointments.map((a) => a.time)).toEqual(["08:15", "14:00"]);
    const week = await listClinicAppointments(clinic.therapist, { date: "2026-12-09", view: "week" });
    expect([week.from, week.to]).toEqual(["2026-12-07", "2026-12-13"]);
    expect(week.appointments).toHaveLength(3);
    expect((await listClinicAppointments(clinic.otherTherapist, { date: "2026-12-09", view: "week" })).appointments).toEqual([]);
    await expect(listClinicAppointments(clinic.therapist, { date: "someday" })).rejects.toMatchObject({ issues: [{ path: "date" }] });
  });
});

describe("no-shows", () => {
  it("records a no-show with its follow-up as a missed visit the referring doctor sees, once", async () => {
    await updateReferral(clinic.therapist, { referralId: clinic.referralId, action: "accept" });
    const { id } = await book(clinic.therapist, "2026-12-07", "09:00");
    expect(await recordNoShow(clinic.therapist, { appointmentId: id, followUp: "reschedule" })).toEqual({ noShows: 1 });
    const referral = await getReferral(clinic.clinician, clinic.referralId);
    expect(referral.visits).toMatchObject([{ date: "2026-12-07", attended: false, notes: "No-show at 09:00; follow-up: offer a new appointment" }]);
    expect(referral.status).toBe("in_progress");
    expect((await failure(recordNoShow(clinic.therapist, { appointmentId: id, followUp: "call" })))?.code).toBe("conflict");
    expect((await failure(recordNoShow(clinic.therapist, { appointmentId: id, followUp: "shrug" })))?.issues).toEqual([{ path: "followUp", message: "Choose the follow-up: call, reschedule or discharge" }]);
    expect((await failure(recordNoShow(clinic.otherTherapist, { appointmentId: id, followUp: "call" })))?.code).toBe("not-found");
    expect((await failure(recordNoShow(clinic.clinician, { appointmentId: id, followUp: "call" })))?.code).toBe("forbidden");
  });
});
