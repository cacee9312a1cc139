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
import { plainText } from "@/lib/plain-text";
import { visibleReferrals } from "./referral-scope";
import { courseFigures, type CourseFigures } from "./outcomes";
import { COURSE_VISIT_FIELDS } from "./referral-workflow-data";

// What the clinic writes back to the referring doctor while a course runs: a progress note (subjective, objective,
// assessment, plan) when the chosen number of attended visits has passed since the last one, and a plan of care the
// referring doctor certifies, as Medicare asks of outpatient therapy (goals, frequency and duration, for a certified
// period of at most 90 days). Each note carries the course's figures as they stood when it was written.

const OPEN_STATUSES = ["accepted", "scheduled", "in_progress"];
/** Medicare certifies an outpatient therapy plan of care for at most 90 calendar days. */
const MAX_CERTIFIED_DAYS = 90;

const note = (label: string) => plainText(z.string({ error: `${label} must be text` }).trim().max(4000, { error: `${label} is at most 4000 characters` }), label, "note");
const required = (label: string) => note(label).pipe(z.string().min(1, { error: `Write the ${label.toLowerCase()}` }));
const optional = (label: string) => note(label).optional().transform((value) => value || undefined);

const common = {
  referralId: z.uuid({ error: "Referral id must be a UUID" }),
  subjective: optional("Subjective"),
  objective: optional("Objective"),
  assessment: required("Assessment"),
  plan: required("Plan"),
};

const noteInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("progress"), ...common }),
    z
      .object({
        kind: z.literal("plan_of_care"),
        ...common,
        goals: required("Goals"),
        visitsPerWeek: z.number({ error: "Visits a week must be a number" }).int({ error: "Visits a week is a whole number" }).min(1, { error: "Visits a week is 1 to 7" }).max(7, { error: "Visits a week is 1 to 7" }),
        weeks: z.number({ error: "Weeks must be a number" }).int({ error: "Weeks is a whole number" }).min(1, { error: "Weeks is 1 to 26" }).max(26, { error: "Weeks is 1 to 26" }),
        certifyFrom: z.iso.date({ error: "Give the first day certified (YYYY-MM-DD)" }),
        certifyTo: z.iso.date({ error: "Give the last day certified (YYYY-MM-DD)" }),
      })
      .superRefine((plan, ctx) => {
        if (plan.certifyTo < plan.certifyFrom) ctx.addIssue({ code: "custom", path: ["certifyTo"], message: "The last day certified comes on or after the first" });
        else if (toIsoDate(addDays(fromIsoDate(plan.certifyFrom), MAX_CERTIFIED_DAYS - 1)) < plan.certifyTo) {
          ctx.addIssue({ code: "custom", path: ["certifyTo"], message: `A plan of care is certified for at most ${MAX_CERTIFIED_DAYS} days` });
        }
      }),
  ],
  { error: "Choose a progress note or a plan of care" },
);

/** A therapist of the clinic writes a progress note or a plan of care on an open referral of their clinic. */
export async function writePtNote(actor: Actor, input: unknown): Promise<{ id: string }> {
  const denial = { action: "pt-note.create" as const, entityType: "referral", entityId: targetOf(input, "referralId") };
  await authorize(db(), actor, "create", "pt-note", denial);
  const data = parseInput(noteInput, input);
  const created = await db().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { AND: [{ id: data.referralId }, visibleReferrals(actor)] }, select: { id: true, status: true, patientId: true } });
    if (!referral) return null;
    if (!OPEN_STATUSES.includes(referral.status)) throw new AppError("conflict", `Notes cannot be written on a referral that is ${referral.status.replace("_", " ")}.`);
    const visits = await tx.ptVisit.findMany({ where: { referralId: referral.id }, orderBy: [{ date: "asc" }, { createdAt: "asc" }], select: COURSE_VISIT_FIELDS });
    const figures: CourseFigures = courseFigures(visits);
    const row = await tx.ptNote.create({
      data: {
        referralId: referral.id,
        therapistId: actor.userId,
        kind: data.kind,
        date: fromIsoDate(toIsoDate(new Date())),
        subjective: data.subjective ?? null,
        objective: data.objective ?? null,
        assessment: data.assessment,
        plan: data.plan,
        figures,
        ...(data.kind === "plan_of_care"
          ? { goals: data.goals, visitsPerWeek: data.visitsPerWeek, weeks: data.weeks, certifyFrom: fromIsoDate(data.certifyFrom), certifyTo: fromIsoDate(data.certifyTo) }
          : {}),
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "pt-note.create", outcome: "success", entityType: "pt-note", entityId: row.id, patientId: referral.patientId, detail: { kind: data.kind, referralId: referral.id } });
    return row;
  });
  if (!created) return deny(db(), actor, denial, new AppError("not-found", "No such referral."));
  return created;
}

export type PtNoteView = {
  id: string;
  kind: "progress" | "plan_of_care";
  date: string;
  therapistName: string;
  subjective: string | null;
  objective: string | null;
  assessment: string;
  plan: string;
  figures: CourseFigures;
  planOfCare: { goals: string; visitsPerWeek: number; weeks: number; certifyFrom: string; certifyTo: string; certifiedBy: string | null; certifiedAt: string | null } | null;
};

export type PtNotes = {
  notes: PtNoteView[];
  /** Attended visits since the last progress note (or since the start), against the interval chosen. */
  progress: { everyVisits: number; attendedSince: number; due: boolean };
  /** Whether the actor is the referring doctor, who certifies plans of care. */
  certifier: boolean;
};

const NOTE_FIELDS = {
  id: true,
  kind: true,
  date: true,
  subjective: true,
  objective: true,
  assessment: true,
  plan: true,
  figures: true,
  goals: true,
  visitsPerWeek: true,
  weeks: true,
  certifyFrom: true,
  certifyTo: true,
  certifiedAt: true,
  createdAt: true,
  therapist: { select: { name: true } },
  certifiedBy: { select: { name: true } },
} as const;

function toView(row: Prisma.PtNoteGetPayload<{ select: typeof NOTE_FIELDS }>): PtNoteView {
  return {
    id: row.id,
    kind: row.kind,
    date: toIsoDate(row.date),
    therapistName: row.therapist.name,
    subjective: row.subjective,
    objective: row.objective,
    assessment: row.assessment,
    plan: row.plan,
    figures: row.figures as CourseFigures,
    planOfCare:
      row.kind === "plan_of_care"
        ? {
            goals: row.goals ?? "",
            visitsPerWeek: row.visitsPerWeek ?? 0,
            weeks: row.weeks ?? 0,
            certifyFrom: row.certifyFrom ? toIsoDate(row.certifyFrom) : "",
            certifyTo: row.certifyTo ? toIsoDate(row.certifyTo) : "",
            certifiedBy: row.certifiedBy?.name ?? null,
            certifiedAt: row.certifiedAt?.toISOString() ?? null,
          }
        : null,
  };
}

/**
 * A referral's notes, newest first, and whether a progress note is due; for the clinic and the referring organization.
 * Reading them is part of reading the referral, which its page audits.
 */
export async function listPtNotes(actor: Actor, referralId: unknown): Promise<PtNotes> {
  await authorize(db(), actor, "read", "pt-note", { action: "referral.read", entityType: "referral", entityId: targetOf(referralId) });
  const id = parseInput(z.uuid({ error: "Referral id must be a UUID" }), referralId);
  const referral = await db().referral.findFirst({
    where: { AND: [{ id }, visibleReferrals(actor)] },
    select: {
      progressNoteEveryVisits: true,
      referringClinicianId: true,
      notes: { orderBy: { createdAt: "desc" }, select: NOTE_FIELDS },
      visits: { where: { attended: true }, select: { createdAt: true } },
    },
  });
  if (!referral) throw new AppError("not-found", "No such referral.");
  const lastProgress = referral.notes.find((n) => n.kind === "progress")?.createdAt;
  const attendedSince = referral.visits.filter((v) => !lastProgress || v.createdAt > lastProgress).length;
  return {
    notes: referral.notes.map(toView),
    progress: { everyVisits: referral.progressNoteEveryVisits, attendedSince, due: attendedSince >= referral.progressNoteEveryVisits },
    certifier: actor.role === "clinician" && actor.userId === referral.referringClinicianId,
  };
}

const certifyInput = z.object({ noteId: z.uuid({ error: "Note id must be a UUID" }) });

/** The referring doctor certifies a plan of care sent to them; once. */
export async function certifyPlanOfCare(actor: Actor, input: unknown): Promise<void> {
  const denial = { action: "pt-note.certify" as const, entityType: "pt-note", entityId: targetOf(input, "noteId") };
  await authorize(db(), actor, "update", "pt-note", denial);
  const { noteId } = parseInput(certifyInput, input);
  const outcome = await db().$transaction(async (tx) => {
    const found = await tx.ptNote.findFirst({
      where: { id: noteId, kind: "plan_of_care", referral: { organizationId: actor.organizationId, referringClinicianId: actor.userId } },
      select: { id: true, certifiedAt: true, referral: { select: { patientId: true } } },
    });
    if (!found) return "not-found" as const;
    if (found.certifiedAt) throw new AppError("conflict", "This plan of care is already certified.");
    await tx.ptNote.update({ where: { id: found.id }, data: { certifiedById: actor.userId, certifiedAt: new Date() } });
    await recordAudit(tx, { actor, action: "pt-note.certify", outcome: "success", entityType: "pt-note", entityId: found.id, patientId: found.referral.patientId });
    return "done" as const;
  });
  if (outcome === "not-found") await deny(db(), actor, denial, new AppError("not-found", "No plan of care of yours to certify."));
}

const intervalInput = z.object({
  referralId: z.uuid({ error: "Referral id must be a UUID" }),
  everyVisits: z.number({ error: "The interval must be a number of visits" }).int({ error: "The interval is a whole number of visits" }).min(2, { error: "A progress note every 2 to 20 attended visits" }).max(20, { error: "A progress note every 2 to 20 attended visits" }),
});

/** The clinic chooses how many attended visits pass between progress notes (10 by default, as Medicare asks). */
export async function setProgressNoteInterval(actor: Actor, input: unknown): Promise<void> {
  const denial = { action: "referral.progress-interval" as const, entityType: "referral", entityId: targetOf(input, "referralId") };
  await authorize(db(), actor, "create", "pt-note", denial);
  const { referralId, everyVisits } = parseInput(intervalInput, input);
  const done = await db().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { AND: [{ id: referralId }, visibleReferrals(actor)] }, select: { id: true, patientId: true, progressNoteEveryVisits: true } });
    if (!referral) return false;
    await tx.referral.update({ where: { id: referral.id }, data: { progressNoteEveryVisits: everyVisits } });
    await recordAudit(tx, { actor, action: "referral.progress-interval", outcome: "success", entityType: "referral", entityId: referral.id, patientId: referral.patientId, detail: { from: referral.progressNoteEveryVisits, to: everyVisits } });
    return true;
  });
  if (!done) await deny(db(), actor, denial, new AppError("not-found", "No such referral."));
}
