import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { findMeasure, MEASURES } from "./measure-definitions";

// Each measure may have a target the organization sets (its administrators, with its other settings): a rate in
// percent, a ceiling where lower is better and a floor where higher is better. The measures show it beside the rate.

/** The organization's targets, in percent, by measure number. */
export async function measureTargets(organizationId: string): Promise<Map<number, number>> {
  const rows = await db().measureTarget.findMany({ where: { organizationId }, select: { measure: true, percent: true } });
  return new Map(rows.map((row) => [row.measure, row.percent]));
}

export type MeasureTargetRow = { id: string; number: number; title: string; better: "lower" | "higher"; percent: number | null };

/** Every measure with the organization's target, for the administrators' settings. */
export async function listMeasureTargets(actor: Actor): Promise<MeasureTargetRow[]> {
  await authorize(db(), actor, "read", "organization", { action: "organization.read", entityType: "measure-target" });
  const targets = await measureTargets(actor.organizationId);
  return MEASURES.map((m) => ({ id: m.id, number: m.number, title: m.title, better: m.better, percent: targets.get(m.number) ?? null }));
}

const targetInput = z.strictObject({
  measureId: z.string({ error: "Choose a measure" }).max(100),
  percent: z.number({ error: "The target must be a percentage" }).min(0, { error: "The target is 0 to 100%" }).max(100, { error: "The target is 0 to 100%" }).nullable(),
});

/** Sets a measure's target, or clears it with null; an audit event keeps the value before and after. */
export async function setMeasureTarget(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "organization", { action: "measure.target", entityType: "measure-target" });
  const { measureId, percent } = parseInput(targetInput, input);
  const measure = findMeasure(measureId);
  if (!measure) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "measureId", message: "No such measure" }]);
  const key = { organizationId_measure: { organizationId: actor.organizationId, measure: measure.number } };
  await db().$transaction(async (tx) => {
    const before = await tx.measureTarget.findUnique({ where: key, select: { percent: true } });
    if (percent === null) await tx.measureTarget.deleteMany({ where: { organizationId: actor.organizationId, measure: measure.number } });
    else await tx.measureTarget.upsert({ where: key, create: { organizationId: actor.organizationId, measure: measure.number, percent }, update: { percent } });
    await recordAudit(tx, { actor, action: "measure.target", outcome: "success", entityType: "measure-target", entityId: measure.id, detail: { before: before?.percent ?? null, after: percent } });
  });
}
