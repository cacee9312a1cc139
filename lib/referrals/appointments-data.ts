import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/dates";
import { visibleReferrals } from "./referral-scope";
import { NO_SHOW_FOLLOW_UPS, type AppointmentView, type NoShowFollowUp } from "./appointment-vocabulary";

// The clinic's appointments: booked for a referral with a therapist at a date and time, seen by day or week, and a
// missed one recorded as a no-show with what the clinic does next. A no-show is also a missed visit in the referral's
// history, which is what the referring doctor and the discharge summary count.

const time = z.string({ error: "Give a time (HH:MM)" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Give a time as HH:MM, 24-hour" });
const bookInput = z.object({
  referralId: z.uuid({ error: "Referral id must be a UUID" }),
  date: z.iso.date({ error: "Give a date (YYYY-MM-DD)" }),
  time,
  therapistId: z.uuid({ error: "Choose a therapist" }),
  minutes: z.number({ error: "Length must be a number of minutes" }).int().min(15, { error: "An appointment lasts 15 to 120 minutes" }).max(120, { error: "An appointment lasts 15 to 120 minutes" }).default(45),
});

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Books an appointment; the referral moves to scheduled, and the therapist is assigned when none was. */
export async function bookAppointment(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(db(), actor, "update", "referral", { action: "appointment.book", entityType: "referral", entityId: targetOf(input, "referralId") });
  const data = parseInput(bookInput, input);
  const booked = await db().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { AND: [{ id: data.referralId }, visibleReferrals(actor)] }, select: { id: true, status: true, toSiteId: true, therapistId: true, patientId: true } });
    if (!referral) return null;
    if (!["accepted", "scheduled", "in_progress"].includes(referral.status)) throw new AppError("conflict", `Appointments cannot be booked on a referral that is ${referral.status.replace("_", " ")}; accept it first.`);
    const therapist = await tx.user.findFirst({ where: { id: data.therapistId, role: "physical_therapist", siteId: referral.toSiteId, active: true }, select: { id: true } });
    if (!therapist) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "therapistId", message: "Choose an active therapist of this clinic" }]);
    // Serialize bookings for this therapist and day, so two bookings cannot both pass the overlap check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${data.therapistId}:${data.date}`}))`;
    const sameDay = await tx.ptAppointment.findMany({ where: { therapistId: data.therapistId, date: fromIsoDate(data.date), status: "booked" }, select: { time: true, minutes: true } });
    const start = minutesOf(data.time);
    const clash = sameDay.find((a) => start < minutesOf(a.time) + a.minutes && minutesOf(a.time) < start + data.minutes);
    if (clash) throw new AppError("conflict", "That therapist is already booked then.", [{ path: "time", message: `The therapist has an appointment at ${clash.time} for ${clash.minutes} minutes` }]);
    const created = await tx.ptAppointment.create({
      data: { referralId: referral.id, therapistId: data.therapistId, date: fromIsoDate(data.date), time: data.time, minutes: data.minutes, bookedById: actor.userId },
      select: { id: true },
    });
    await tx.referral.update({ where: { id: referral.id }, data: { ...(referral.status === "accepted" ? { status: "scheduled" } : {}), ...(referral.therapistId ? {} : { therapistId: data.therapistId }) } });
    await recordAudit(tx, { actor, action: "appointment.book", outcome: "success", entityType: "appointment", entityId: created.id, patientId: referral.patientId, detail: { date: data.date, time: data.time, therapistId: data.therapistId } });
    return created;
  });
  if (!booked) return deny(db(), actor, { action: "appointment.book", entityType: "referral", entityId: data.referralId }, new AppError("not-found", "No such referral."));
  return booked;
}

const APPOINTMENT_FIELDS = {
  id: true,
  referralId: true,
  date: true,
  time: true,
  minutes: true,
  status: true,
  followUp: true,
  therapist: { select: { name: true } },
  referral: { select: { patient: { select: { givenName: true, familyName: true } } } },
} as const;

const listInput = z.object({
  date: z.iso.date({ error: "date must be a date (YYYY-MM-DD)" }),
  view: z.enum(["day", "week"], { error: "view must be day or week" }).default("day"),
});

/** The clinic's appointments on a day, or in the week (Monday to Sunday) around it, in time order. */
export async function listClinicAppointments(actor: Actor, input: unknown): Promise<{ from: string; to: string; appointments: AppointmentView[] }> {
  await authorize(db(), actor, "read", "referral", { action: "appointment.list", entityType: "appointment" });
  const { date, view } = parseInput(listInput, input);
  const day = fromIsoDate(date);
  const from = view === "day" ? day : addDays(day, -((day.getUTCDay() + 6) % 7));
  const to = view === "day" ? day : addDays(from, 6);
  const rows = await db().ptAppointment.findMany({
    where: { date: { gte: from, lte: to }, referral: visibleReferrals(actor) },
    orderBy: [{ date: "asc" }, { time: "asc" }],
    select: APPOINTMENT_FIELDS,
  });
  await recordAudit(db(), { actor, action: "appointment.list", outcome: "success", entityType: "appointment", detail: { from: toIsoDate(from), to: toIsoDate(to), count: rows.length } });
  return { from: toIsoDate(from), to: toIsoDate(to), appointments: rows.map(toView) };
}

/** A referral's appointments, oldest first. */
export async function listReferralAppointments(actor: Actor, referralId: string): Promise<AppointmentView[]> {
  await authorize(db(), actor, "read", "referral", { action: "appointment.list", entityType: "referral", entityId: referralId });
  const rows = await db().ptAppointment.findMany({
    where: { referral: { AND: [{ id: referralId }, visibleReferrals(actor)] } },
    orderBy: [{ date: "asc" }, { time: "asc" }],
    select: APPOINTMENT_FIELDS,
  });
  return rows.map(toView);
}

function toView(row: Prisma.PtAppointmentGetPayload<{ select: typeof APPOINTMENT_FIELDS }>): AppointmentView {
  return {
    id: row.id,
    referralId: row.referralId,
    patientName: `${row.referral.patient.givenName} ${row.referral.patient.familyName}`,
    therapistName: row.therapist.name,
    date: toIsoDate(row.date),
    time: row.time,
    minutes: row.minutes,
    status: row.status,
    followUp: row.followUp,
  };
}

const noShowInput = z.object({
  appointmentId: z.uuid({ error: "Appointment id must be a UUID" }),
  followUp: z.enum(Object.keys(NO_SHOW_FOLLOW_UPS) as [NoShowFollowUp, ...NoShowFollowUp[]], { error: "Choose the follow-up: call, reschedule or discharge" }),
});

/** Records a booked appointment as a no-show with its follow-up, and a missed visit in the referral's history. */
export async function recordNoShow(actor: Actor, input: unknown): Promise<{ noShows: number }> {
  await authorize(db(), actor, "create", "pt-visit", { action: "appointment.no-show", entityType: "appointment", entityId: targetOf(input, "appointmentId") });
  const { appointmentId, followUp } = parseInput(noShowInput, input);
  const result = await db().$transaction(async (tx) => {
    const appointment = await tx.ptAppointment.findFirst({
      where: { id: appointmentId, referral: visibleReferrals(actor) },
      select: { id: true, status: true, date: true, time: true, therapistId: true, referral: { select: { id: true, status: true, patientId: true } } },
    });
    if (!appointment) return null;
    if (appointment.status !== "booked") throw new AppError("conflict", "Only a booked appointment can be recorded as a no-show.");
    if (!["scheduled", "in_progress"].includes(appointment.referral.status)) throw new AppError("conflict", `The referral is ${appointment.referral.status.replace("_", " ")}.`);
    await tx.ptAppointment.update({ where: { id: appointment.id }, data: { status: "no_show", followUp } });
    await tx.ptVisit.create({
      data: { referralId: appointment.referral.id, therapistId: appointment.therapistId, date: appointment.date, attended: false, notes: `No-show at ${appointment.time}; follow-up: ${NO_SHOW_FOLLOW_UPS[followUp].toLowerCase()}` },
    });
    if (appointment.referral.status === "scheduled") await tx.referral.update({ where: { id: appointment.referral.id }, data: { status: "in_progress" } });
    const noShows = await tx.ptAppointment.count({ where: { referralId: appointment.referral.id, status: "no_show" } });
    await recordAudit(tx, { actor, action: "appointment.no-show", outcome: "success", entityType: "appointment", entityId: appointment.id, patientId: appointment.referral.patientId, detail: { followUp, noShows } });
    return { noShows };
  });
  if (!result) return deny(db(), actor, { action: "appointment.no-show", entityType: "appointment", entityId: appointmentId }, new AppError("not-found", "No such appointment."));
  return result;
}
