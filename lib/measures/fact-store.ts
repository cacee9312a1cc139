import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/prisma-client";
import { assessmentSchema } from "@/lib/ladder/assessment-schema";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { recordAudit } from "@/lib/audit/audit-log";
import { encounterFacts, FACT_DERIVATION, type EncounterFacts } from "./encounter-facts";
import { refreshMeasureCases } from "./measure-cases";

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
    derivationVersion: FACT_DERIVATION,
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

// What a fact is derived from: the signed record.
const SIGNED_RECORD = {
  id: true,
  organizationId: true,
  patientId: true,
  clinicianId: true,
  signedById: true,
  siteId: true,
  date: true,
  assessment: true,
  orders: { select: { kind: true, code: true, medicationAction: true, detail: true } },
  decisions: { select: { target: true, itemKey: true, response: true } },
  recommendations: { orderBy: { createdAt: "desc" }, take: 1, select: { output: true } },
} satisfies Prisma.EncounterSelect;

type SignedRecord = Prisma.EncounterGetPayload<{ select: typeof SIGNED_RECORD }>;

function factOf(encounter: SignedRecord): Prisma.EncounterFactCreateManyInput {
  return factRow(
    // Measures attribute an encounter to the clinician who signed it: the decisions and orders are theirs.
    { ...encounter, clinicianId: encounter.signedById ?? encounter.clinicianId },
    encounterFacts(assessmentSchema.parse(encounter.assessment), encounter.recommendations[0]!.output as unknown as Recommendation, encounter.orders, encounter.decisions),
  );
}

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
      select: SIGNED_RECORD,
    });
    if (batch.length === 0) return derived;
    const data = batch.map(factOf);
    await db.$transaction(async (tx) => {
      const patientIds = [...new Set(batch.map((encounter) => encounter.patientId))];
      await tx.encounterFact.createMany({ data });
      await linkPreviousEncounters(tx, patientIds);
      await refreshMeasureCases(tx, patientIds);
    });
    derived += batch.length;
  }
}

const FACT_FIELDS = [
  "ageYears", "chronic", "redFlag", "cancerHistory", "ladderSuspended", "opioidListed", "opioidOrdered", "opioidCourseWeeks",
  "oudBuprenorphineOnly", "benzodiazepine", "mmeTotal", "mmeComputed", "naloxoneOnHand", "pdmpDaysAgo", "urineDrugTestDaysAgo",
  "nonDrugHistory", "nonDrugCurrent", "nonDrugStarted", "imagingOrdered",
] as const satisfies readonly (keyof EncounterFacts)[];

/**
 * Re-derives facts written by an older derivation (FACT_DERIVATION says what changed) from the signed records, which
 * stay as they were. Each batch is one transaction; each organization's auditors get one audit event saying how many
 * of its facts were examined and how many changed.
 */
export async function rederiveOutdatedFacts(db: Db): Promise<{ examined: number; changed: number }> {
  const byOrganization = new Map<string, { examined: number; changed: number }>();
  for (;;) {
    const stale = await db.encounterFact.findMany({
      where: { derivationVersion: { lt: FACT_DERIVATION } },
      orderBy: { encounterId: "asc" },
      take: BATCH,
      select: { ...Object.fromEntries(FACT_FIELDS.map((field) => [field, true])), encounter: { select: SIGNED_RECORD } },
    });
    if (stale.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const row of stale) {
        const fresh = factOf(row.encounter as SignedRecord);
        const stored = row as unknown as Record<string, unknown>;
        const counts = byOrganization.get(fresh.organizationId) ?? { examined: 0, changed: 0 };
        counts.examined += 1;
        if (FACT_FIELDS.some((field) => stored[field] !== fresh[field])) counts.changed += 1;
        byOrganization.set(fresh.organizationId, counts);
        await tx.encounterFact.update({ where: { encounterId: fresh.encounterId }, data: { ...Object.fromEntries(FACT_FIELDS.map((field) => [field, fresh[field]])), derivationVersion: FACT_DERIVATION } });
      }
      await refreshMeasureCases(tx, [...new Set(stale.map((row) => row.encounter.patientId))]);
    });
  }
  const total = { examined: 0, changed: 0 };
  for (const [organizationId, counts] of byOrganization) {
    await recordAudit(db, { actor: null, organizationId, action: "measure.facts-rederive", outcome: "success", entityType: "encounter_fact", detail: { derivation: FACT_DERIVATION, ...counts } });
    total.examined += counts.examined;
    total.changed += counts.changed;
  }
  return total;
}
