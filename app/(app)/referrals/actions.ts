"use server";

import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { dischargeReferral, recordVisit, setReferralAuthorization, updateReferral } from "@/lib/referrals/referral-workflow-data";
import { bookAppointment, recordNoShow } from "@/lib/referrals/appointments-data";
import { certifyPlanOfCare, setProgressNoteInterval, writePtNote } from "@/lib/referrals/pt-notes-data";
import { setHomeProgram } from "@/lib/referrals/home-program-data";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

async function run(referralId: string, work: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await work();
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath(`/referrals/${referralId}`);
  revalidatePath("/referrals/schedule");
  revalidatePath("/patients/[id]", "page");
  return { ok: true };
}

export async function updateReferralAction(input: { referralId: string; action: "accept" | "decline" | "assign"; reason?: string; therapistId?: string }): Promise<ActionResult> {
  return run(input.referralId, async () => updateReferral(await requireApiActor(), input));
}

export async function recordVisitAction(input: Record<string, unknown> & { referralId: string }): Promise<ActionResult> {
  return run(input.referralId, async () => recordVisit(await requireApiActor(), input));
}

export async function dischargeAction(input: { referralId: string; outcome: string; recommendation: string; shortCourseReason?: string }): Promise<ActionResult> {
  return run(input.referralId, async () => dischargeReferral(await requireApiActor(), input));
}

export async function bookAppointmentAction(input: { referralId: string; date: string; time: string; therapistId: string; minutes: number }): Promise<ActionResult> {
  return run(input.referralId, async () => bookAppointment(await requireApiActor(), input));
}

export async function recordNoShowAction(input: { referralId: string; appointmentId: string; followUp: string }): Promise<ActionResult> {
  return run(input.referralId, async () => recordNoShow(await requireApiActor(), { appointmentId: input.appointmentId, followUp: input.followUp }));
}

export async function writePtNoteAction(input: Record<string, unknown> & { referralId: string }): Promise<ActionResult> {
  return run(input.referralId, async () => writePtNote(await requireApiActor(), input));
}

export async function certifyPlanOfCareAction(input: { referralId: string; noteId: string }): Promise<ActionResult> {
  return run(input.referralId, async () => certifyPlanOfCare(await requireApiActor(), { noteId: input.noteId }));
}

export async function setProgressNoteIntervalAction(input: { referralId: string; everyVisits: number }): Promise<ActionResult> {
  return run(input.referralId, async () => setProgressNoteInterval(await requireApiActor(), input));
}

export async function setAuthorizationAction(input: Record<string, unknown> & { referralId: string }): Promise<ActionResult> {
  return run(input.referralId, async () => setReferralAuthorization(await requireApiActor(), input));
}

export async function setHomeProgramAction(input: { referralId: string; exercises: unknown[] }): Promise<ActionResult> {
  const result = await run(input.referralId, async () => setHomeProgram(await requireApiActor(), input));
  revalidatePath(`/referrals/${input.referralId}/home-program`);
  return result;
}
