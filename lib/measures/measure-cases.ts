import { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/prisma-client";
import { MEASURES } from "./measure-definitions";

// measure_case holds every measure's cases, worked out from the facts once, so a measure over any period only reads
// the cases dated within it. A patient's cases depend on the patient's facts alone (the measures look back and ahead
// only within one patient's encounters), so whenever a patient's facts change, that patient's cases are worked out
// again in the same transaction. A change to the measures' SQL bumps MEASURE_CASES_VERSION, and the next start
// rebuilds the table.

export const MEASURE_CASES_VERSION = 1;

const COLUMNS = Prisma.sql`measure, encounter_id, case_key, organization_id, patient_id, clinician_id, site_id, case_date,
  next_encounter_date, numerator, excluded, flag, category`;

type Tx = Pick<Db, "$executeRaw">;

/** Works out again every measure's cases for these patients. Call after their facts (and links) are written. */
export async function refreshMeasureCases(tx: Tx, patientIds: string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM measure_case WHERE patient_id = ANY(${patientIds}::uuid[])`;
  const facts = Prisma.sql`f.patient_id = ANY(${patientIds}::uuid[])`;
  const rows = Prisma.join(
    MEASURES.map((measure) => Prisma.sql`(${measure.caseRows(facts)})`),
    " UNION ALL ",
  );
  await tx.$executeRaw`INSERT INTO measure_case (${COLUMNS}) ${rows}`;
}

const PATIENTS_PER_BATCH = 2000;

/**
 * Builds measure_case from all facts when it was built by another version of the measures (or never), a batch of
 * patients per transaction; says how many patients it covered, 0 when the table was current.
 */
export async function rebuildMeasureCasesIfOutdated(db: Db): Promise<number> {
  if (await db.measureCaseBuild.findUnique({ where: { version: MEASURE_CASES_VERSION } })) return 0;
  await db.$executeRaw`DELETE FROM measure_case`;
  let after = "00000000-0000-0000-0000-000000000000";
  let patients = 0;
  for (;;) {
    const batch = await db.$queryRaw<{ patient_id: string }[]>`
      SELECT DISTINCT patient_id::text FROM encounter_fact WHERE patient_id > ${after}::uuid ORDER BY 1 LIMIT ${PATIENTS_PER_BATCH}`;
    if (batch.length === 0) break;
    const ids = batch.map((row) => row.patient_id);
    await db.$transaction((tx) => refreshMeasureCases(tx, ids), { timeout: 300_000 });
    patients += ids.length;
    after = ids.at(-1)!;
  }
  await db.measureCaseBuild.create({ data: { version: MEASURE_CASES_VERSION, builtAt: new Date() } });
  // Fresh statistics, so the planner reads a period's cases by the index from the first view on (only the owner may;
  // for the app's role this is a warning, and autovacuum gets there soon after).
  await db.$executeRaw`ANALYZE measure_case`;
  return patients;
}
