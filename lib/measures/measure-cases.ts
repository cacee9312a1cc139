import { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/prisma-client";
import { repeatInBackground, type BackgroundPass } from "@/lib/background-pass";
import { MEASURES } from "./measure-definitions";

// measure_case holds every measure's cases, worked out from the facts once, and measure_month counts them by month,
// so a measure over any period reads whole months from the counts and only its partial months from the cases. A
// patient's cases depend on the patient's facts alone (the measures look back and ahead only within one patient's
// encounters), so whenever a patient's facts change, that patient's cases are worked out again and the counts moved by
// the difference. Signing only queues the patient (measure_pending), so it never waits on counts another signing holds;
// one worker at a time across processes (an advisory lock) works the queue within a second, and every measure view
// works it first, so figures are never behind. A change to the measures' SQL bumps MEASURE_CASES_VERSION, and the next
// start rebuilds both tables.

export const MEASURE_CASES_VERSION = 1;

const COLUMNS = Prisma.sql`measure, encounter_id, case_key, organization_id, patient_id, clinician_id, site_id, case_date,
  next_encounter_date, numerator, excluded, flag, category`;

type Tx = Pick<Db, "$executeRaw">;

/** The first day of a date's month, as a date (no time zone involved). */
export const firstOfMonth = (date: Prisma.Sql) => Prisma.sql`(${date} - extract(day from ${date})::int + 1)`;

const PER_PATIENT = MEASURES.filter((measure) => measure.perPatient).map((measure) => measure.number);
const KEY = Prisma.sql`organization_id, measure, month, next_month, clinician_id, site_id, category, excluded, numerator, flag`;

/**
 * Adds (sign 1) or takes away (sign -1) these patients' cases from the monthly counts. Keys are written in one order,
 * so two signings that touch the same counts wait for each other rather than deadlock.
 */
async function countCases(tx: Tx, patientIds: string[], sign: 1 | -1): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO measure_month (${KEY}, cases)
    SELECT ${KEY}, ${sign}::int * count(*)::int FROM (
      SELECT c.organization_id, c.measure, ${firstOfMonth(Prisma.sql`c.case_date`)} AS month,
             CASE WHEN c.measure = ANY(${PER_PATIENT}::int[]) THEN ${firstOfMonth(Prisma.sql`c.next_encounter_date`)} END AS next_month,
             c.clinician_id, c.site_id, c.category, c.excluded, c.numerator, c.flag
      FROM measure_case c WHERE c.patient_id = ANY(${patientIds}::uuid[])
    ) c
    GROUP BY ${KEY}
    ORDER BY ${KEY}
    ON CONFLICT (${KEY}) DO UPDATE SET cases = measure_month.cases + EXCLUDED.cases`;
}

const WORKER_LOCK = 4_182_775;

/**
 * Works out again every measure's cases for these patients, and their counts. Call after their facts (and links) are
 * written; it waits for any other worker, so the counts are changed by one transaction at a time.
 */
export async function refreshMeasureCases(tx: Tx, patientIds: string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WORKER_LOCK})`;
  await countCases(tx, patientIds, -1);
  await tx.$executeRaw`DELETE FROM measure_case WHERE patient_id = ANY(${patientIds}::uuid[])`;
  const facts = Prisma.sql`f.patient_id = ANY(${patientIds}::uuid[])`;
  const rows = Prisma.join(
    MEASURES.map((measure) => Prisma.sql`(${measure.caseRows(facts)})`),
    " UNION ALL ",
  );
  await tx.$executeRaw`INSERT INTO measure_case (${COLUMNS}) ${rows}`;
  await countCases(tx, patientIds, 1);
}

/** Queues these patients, whose facts just changed, for their cases to be worked out again. */
export async function queueMeasureCases(tx: Tx, patientIds: string[]): Promise<void> {
  await tx.$executeRaw`INSERT INTO measure_pending (patient_id) SELECT unnest(${patientIds}::uuid[])`;
}

const QUEUE_BATCH = 1000;

/**
 * Works out the cases of the queued patients; returns how many queue entries it took. Each entry is removed by its
 * own id in the transaction that used it, so a patient queued again meanwhile (a visit signed after these facts were
 * read) stays queued for the next pass.
 */
export async function refreshQueuedMeasureCases(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WORKER_LOCK})`;
      const queued = await tx.measurePending.findMany({ orderBy: { id: "asc" }, take: QUEUE_BATCH, select: { id: true, patientId: true } });
      if (queued.length === 0) return 0;
      await refreshMeasureCases(tx, [...new Set(queued.map((entry) => entry.patientId))]);
      await tx.measurePending.deleteMany({ where: { id: { in: queued.map((entry) => entry.id) } } });
      return queued.length;
    });
    total += taken;
    if (taken < QUEUE_BATCH) return total;
  }
}

/** Works the queue on a timer in this process (every app process runs one; the lock makes them take turns). */
export function startMeasureWorker(db: Db, intervalMs = 500, onError: (error: unknown) => void = () => {}): BackgroundPass {
  return repeatInBackground(() => refreshQueuedMeasureCases(db), intervalMs, onError);
}

const PATIENTS_PER_BATCH = 2000;

/**
 * Builds measure_case from all facts when it was built by another version of the measures (or never), a batch of
 * patients per transaction; says how many patients it covered, 0 when the table was current.
 */
export async function rebuildMeasureCasesIfOutdated(db: Db): Promise<number> {
  if (await db.measureCaseBuild.findUnique({ where: { version: MEASURE_CASES_VERSION } })) return 0;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WORKER_LOCK})`;
    await tx.$executeRaw`DELETE FROM measure_case`;
    await tx.$executeRaw`DELETE FROM measure_month`;
  });
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
  await db.$executeRaw`ANALYZE measure_month`;
  return patients;
}
