import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { visibleReferrals } from "./referral-scope";
import { EXERCISES_BY_ID, suggestedProgram, type ProgramItem } from "./exercise-library";

// A patient's home exercise program: chosen by the clinic from the library, each exercise with its dose; until the
// clinic chooses, the program the referral's subgroup suggests.

const count = (label: string, max: number) =>
  z.number({ error: `${label} must be a number` }).int({ error: `${label} is a whole number` }).min(1, { error: `${label} is 1 to ${max}` }).max(max, { error: `${label} is 1 to ${max}` });

const programInput = z.object({
  referralId: z.uuid({ error: "Referral id must be a UUID" }),
  exercises: z
    .array(
      z.object({
        id: z.string().refine((id) => EXERCISES_BY_ID.has(id), { error: "No such exercise in the library" }),
        sets: count("Sets", 10),
        reps: count("Repetitions", 50),
        timesPerDay: count("Times a day", 10),
        holdSeconds: count("Hold (seconds)", 120).optional(),
      }),
    )
    .min(1, { error: "Choose at least one exercise" })
    .max(15, { error: "At most 15 exercises" })
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { error: "Each exercise once" }),
});

export type HomeProgram = { items: ProgramItem[]; chosen: boolean };

/** The referral's program: the clinic's choice, or the subgroup's suggestion until it chooses. */
export function programOf(stored: unknown, subgroup: string | null): HomeProgram {
  const items = Array.isArray(stored) ? (stored as ProgramItem[]).filter((item) => EXERCISES_BY_ID.has(item.id)) : [];
  return items.length ? { items, chosen: true } : { items: suggestedProgram(subgroup), chosen: false };
}

/** A therapist of the clinic chooses the exercises and their dose for a referral of their clinic. */
export async function setHomeProgram(actor: Actor, input: unknown): Promise<void> {
  const denial = { action: "referral.home-program" as const, entityType: "referral", entityId: targetOf(input, "referralId") };
  await authorize(db(), actor, "update", "referral", denial);
  const { referralId, exercises } = parseInput(programInput, input);
  const done = await db().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { AND: [{ id: referralId }, visibleReferrals(actor)] }, select: { id: true, patientId: true } });
    if (!referral) return false;
    await tx.referral.update({ where: { id: referral.id }, data: { homeProgram: exercises } });
    await recordAudit(tx, { actor, action: "referral.home-program", outcome: "success", entityType: "referral", entityId: referral.id, patientId: referral.patientId, detail: { exercises: exercises.map((e) => e.id) } });
    return true;
  });
  if (!done) await deny(db(), actor, denial, new AppError("not-found", "No such referral."));
}
