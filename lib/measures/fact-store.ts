import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/prisma-client";
import { assessmentSchema } from "@/lib/ladder/assessment-schema";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { encounterFacts, type EncounterFacts } from "./encounter-facts";

type SignedEncounter = { id: string; organizationId: string; patientId: string; clinicianId: string; siteId: string | null; date: Date };

export function factRow(encounter: SignedEncounter, facts: EncounterFacts): Prisma.EncounterFactCreateManyInput {
  return {
    encounterId: encounter.id,
    organizationId: encounter.organizationId,
    patientId: encounter.patientId,
    clinicianId: encounter.clinicianId,
    siteId: encounter.siteId,
    encounterDate: encounter.date,
    ...facts,
  };
}

/**
 * Sets each fact's previous and next encounter dates from the patients' signed encounters, in date order, and says
 * how many facts it changed. Run after facts of
 * these patients are written, in the same transaction: an earlier-dated encounter signed late changes its successor.
 * The patient rows are locked first, so two signings for one patient cannot both miss each other.
 */
export async function linkPreviousEncounters(tx: Pick<Db, "$executeRaw">, patientIds: string[]): Promise<number> {
  if (patientIds.length === 0) return 0;
  await tx.$executeRaw`SELECT 1 FROM patient WHERE id = ANY(${patientIds}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
  return tx.$executeRaw`
    UPDATE encounter_fact f SET previous_encounter_date = ordered.previous, next_encounter_date = ordered.next
    FROM (
      SELECT encounter_id, lag(encounter_date) OVER patient_order AS previous, lead(encounter_date) OVER patient_order AS next
      FROM encounter_fact WHERE patient_id = ANY(${patientIds}::uuid[])
      WINDOW patient_order AS (PARTITION BY patient_id ORDER BY encounter_date, encounter_id)
    ) ordered
    WHERE f.encounter_id = ordered.encounter_id
      AND (f.previous_encounter_date IS DISTINCT FROM ordered.previous OR f.next_encounter_date IS DISTINCT FROM ordered.next)`;
}

const BATCH = 500;

/**
 * Derives the measure facts of signed encounters that have none: encounters signed before the facts existed, and
 * demo data. Signing writes its facts in the same transaction, so on a live system this finds nothing to do.
 */
export async function deriveMissingFacts(db: Db, organizationId?: string): Promise<number> {
  let derived = 0;
  for (;;) {
    const batch = await db.encounter.findMany({
      where: { status: "signed", fact: null, recommendations: { some: {} }, ...(organizationId ? { organizationId } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        organizationId: true,
        patientId: true,
        clinicianId: true,
        signedById: true,
        siteId: true,
        date: true,
        assessment: true,
        orders: { select: { kind: true, code: true, medicationAction: true } },
        decisions: { select: { target: true, itemKey: true, response: true } },
        recommendations: { orderBy: { createdAt: "desc" }, take: 1, select: { output: true } },
      },
    });
    if (batch.length === 0) return derived;
    const data = batch.map((encounter) =>
        factRow(
          // Measures attribute an encounter to the clinician who signed it: the decisions and orders are theirs.
          { ...encounter, clinicianId: encounter.signedById ?? encounter.clinicianId },
          encounterFacts(assessmentSchema.parse(encounter.assessment), encounter.recommendations[0]!.output as unknown as Recommendation, encounter.orders, encounter.decisions),
        ),
    );
    await db.$transaction(async (tx) => {
      await tx.encounterFact.createMany({ data });
      await linkPreviousEncounters(tx, [...new Set(batch.map((encounter) => encounter.patientId))]);
    });
    derived += batch.length;
  }
}
