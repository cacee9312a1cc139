import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { fromIsoDate, toIsoDate, addDays } from "@/lib/dates";
import { findMeasure, MEASURES } from "./measure-definitions";
import { CASE_FINDINGS, type CaseFindingCode } from "./case-findings";
import { toCsv } from "./csv";
import { periodInput } from "./period-input";

// An auditor's review of a measure case: a finding and a comment, kept as history (a case may be reviewed again),
// and sent to the case's clinician when the auditor chooses. The clinician sees the reviews of their own cases sent to
// them, and acknowledges each, with a reply if they wish. Every step is in the audit trail.

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} is at most ${max} characters` })
    .optional()
    .transform((value) => value || undefined);

const reviewInput = z
  .object({
    measureId: z.string({ error: "Choose a measure" }).max(100),
    encounterId: z.uuid({ error: "The case's encounter id must be a UUID" }),
    caseKey: z.string().max(100, { error: "The case key is at most 100 characters" }).default(""),
    finding: z.enum(Object.keys(CASE_FINDINGS) as [CaseFindingCode, ...CaseFindingCode[]], { error: "Choose a finding" }),
    comment: text("Comment", 2000),
    sendToClinician: z.boolean({ error: "sendToClinician must be true or false" }).default(false),
  })
  .refine((review) => review.finding === "appropriate" || review.comment !== undefined, { path: ["comment"], error: "Say what was found: a comment is required unless the case is appropriate" })
  .refine((review) => !review.sendToClinician || review.comment !== undefined, { path: ["comment"], error: "A review sent to the clinician needs a comment for them" });

/** Records an auditor's review of one case of a measure in their organization. */
export async function reviewCase(actor: Actor, input: unknown): Promise<{ id: string }> {
  const denial = { action: "case-review.create" as const, entityType: "encounter", entityId: targetOf(input, "encounterId") };
  await authorize(db(), actor, "create", "case-review", denial);
  const data = parseInput(reviewInput, input);
  const measure = findMeasure(data.measureId);
  if (!measure) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "measureId", message: "No such measure" }]);
  const created = await db().$transaction(async (tx) => {
    const found = await tx.measureCase.findFirst({
      where: { measure: measure.number, encounterId: data.encounterId, caseKey: data.caseKey, organizationId: actor.organizationId },
      select: { caseDate: true, patientId: true, clinicianId: true },
    });
    if (!found) return null;
    const review = await tx.caseReview.create({
      data: {
        organizationId: actor.organizationId,
        measure: measure.number,
        encounterId: data.encounterId,
        caseKey: data.caseKey,
        caseDate: found.caseDate,
        patientId: found.patientId,
        clinicianId: found.clinicianId,
        reviewerId: actor.userId,
        finding: data.finding,
        comment: data.comment ?? null,
        sentToClinician: data.sendToClinician,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "case-review.create",
      outcome: "success",
      entityType: "case-review",
      entityId: review.id,
      patientId: found.patientId,
      detail: { measure: measure.id, encounterId: data.encounterId, finding: data.finding, sentToClinician: data.sendToClinician, clinicianId: found.clinicianId },
    });
    return review;
  });
  if (!created) return deny(db(), actor, denial, new AppError("not-found", "No such case in this measure."));
  return created;
}

export type CaseReviewView = {
  id: string;
  measure: { id: string; number: number; title: string };
  caseDate: string;
  encounterId: string;
  patientName: string;
  clinician: string;
  reviewer: string;
  finding: CaseFindingCode;
  comment: string | null;
  sentToClinician: boolean;
  reviewedAt: string;
  acknowledgedAt: string | null;
  reply: string | null;
};

const REVIEW_FIELDS = {
  id: true,
  measure: true,
  caseDate: true,
  encounterId: true,
  finding: true,
  comment: true,
  sentToClinician: true,
  reviewedAt: true,
  acknowledgedAt: true,
  reply: true,
  patient: { select: { givenName: true, familyName: true } },
  clinician: { select: { name: true } },
  reviewer: { select: { name: true } },
} as const;

function toView(row: Prisma.CaseReviewGetPayload<{ select: typeof REVIEW_FIELDS }>): CaseReviewView {
  const measure = MEASURES.find((m) => m.number === row.measure);
  return {
    id: row.id,
    measure: { id: measure?.id ?? String(row.measure), number: row.measure, title: measure?.title ?? `Measure ${row.measure}` },
    caseDate: toIsoDate(row.caseDate),
    encounterId: row.encounterId,
    patientName: `${row.patient.givenName} ${row.patient.familyName}`,
    clinician: row.clinician.name,
    reviewer: row.reviewer.name,
    finding: row.finding,
    comment: row.comment,
    sentToClinician: row.sentToClinician,
    reviewedAt: row.reviewedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    reply: row.reply,
  };
}

const LIST_LIMIT = 500;

/**
 * The reviews an actor may read, newest first: a clinician's are those of their own cases sent to them; an auditor's
 * are all of the organization's.
 */
export async function listCaseReviews(actor: Actor): Promise<{ reviews: CaseReviewView[]; awaiting: number }> {
  await authorize(db(), actor, "read", "case-review", { action: "case-review.list", entityType: "case-review" });
  const where: Prisma.CaseReviewWhereInput =
    actor.role === "auditor" ? { organizationId: actor.organizationId } : { organizationId: actor.organizationId, clinicianId: actor.userId, sentToClinician: true };
  const rows = await db().caseReview.findMany({ where, orderBy: { reviewedAt: "desc" }, take: LIST_LIMIT, select: REVIEW_FIELDS });
  const reviews = rows.map(toView);
  await recordAudit(db(), { actor, action: "case-review.list", outcome: "success", entityType: "case-review", detail: { count: reviews.length } });
  return { reviews, awaiting: reviews.filter((r) => r.sentToClinician && r.acknowledgedAt === null).length };
}

/** How many reviews sent to this clinician they have not acknowledged yet: the count beside the menu entry. */
export async function reviewsAwaiting(actor: Actor): Promise<number> {
  if (actor.role !== "clinician") return 0;
  return db().caseReview.count({ where: { organizationId: actor.organizationId, clinicianId: actor.userId, sentToClinician: true, acknowledgedAt: null } });
}

const acknowledgeInput = z.object({
  reviewId: z.uuid({ error: "Review id must be a UUID" }),
  reply: text("Reply", 2000),
});

/** The clinician acknowledges a review of their own case, with a reply if they wish; once only. */
export async function acknowledgeCaseReview(actor: Actor, input: unknown): Promise<void> {
  const denial = { action: "case-review.acknowledge" as const, entityType: "case-review", entityId: targetOf(input, "reviewId") };
  await authorize(db(), actor, "update", "case-review", denial);
  const data = parseInput(acknowledgeInput, input);
  const outcome = await db().$transaction(async (tx) => {
    const review = await tx.caseReview.findFirst({
      where: { id: data.reviewId, organizationId: actor.organizationId, clinicianId: actor.userId, sentToClinician: true },
      select: { id: true, patientId: true, acknowledgedAt: true },
    });
    if (!review) return "not-found" as const;
    if (review.acknowledgedAt) throw new AppError("conflict", "This review was already acknowledged.");
    await tx.caseReview.update({ where: { id: review.id }, data: { acknowledgedAt: new Date(), reply: data.reply ?? null } });
    await recordAudit(tx, { actor, action: "case-review.acknowledge", outcome: "success", entityType: "case-review", entityId: review.id, patientId: review.patientId, detail: { replied: data.reply !== undefined } });
    return "done" as const;
  });
  if (outcome === "not-found") await deny(db(), actor, denial, new AppError("not-found", "No such review."));
}

const exportInput = periodInput(5);

/** The reviews made in a period (by the day they were made) as CSV; the export is itself an audit event. */
export async function exportCaseReviewsCsv(actor: Actor, input: unknown): Promise<{ filename: string; csv: string }> {
  await authorize(db(), actor, "export", "case-review", { action: "case-review.export", entityType: "case-review" });
  const period = parseInput(exportInput, input);
  const rows = await db().caseReview.findMany({
    where: { organizationId: actor.organizationId, reviewedAt: { gte: fromIsoDate(period.from), lt: addDays(fromIsoDate(period.to), 1) } },
    orderBy: { reviewedAt: "asc" },
    select: { ...REVIEW_FIELDS, patientId: true, patient: { select: { givenName: true, familyName: true, mrn: true } } },
  });
  const csv = toCsv(
    ["reviewed_at", "measure", "case_date", "encounter_id", "mrn", "patient_name", "clinician", "reviewer", "finding", "comment", "sent_to_clinician", "acknowledged_at", "reply"],
    rows.map((row) => {
      const view = toView(row);
      return [view.reviewedAt, view.measure.id, view.caseDate, view.encounterId, row.patient.mrn, view.patientName, view.clinician, view.reviewer, CASE_FINDINGS[view.finding], view.comment, view.sentToClinician, view.acknowledgedAt, view.reply];
    }),
  );
  const patients = [...new Set(rows.map((row) => row.patientId))];
  await recordAudit(db(), { actor, action: "case-review.export", outcome: "success", entityType: "case-review", detail: { ...period, rows: rows.length, patients } });
  return { filename: `case-reviews_${period.from}_${period.to}.csv`, csv };
}
