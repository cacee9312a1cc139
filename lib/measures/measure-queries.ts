import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { MeasureDefinition, Scope } from "./measure-definitions";
import type { Counts, RowFilter } from "./measure-dto";
import { monthsBetween } from "./period";

// How a measure is computed for one view: its cases are selected once into a temporary table (for the period, and
// for each month when the measure counts patients at their latest encounter), then totalled, spread, trended and
// listed from there, all in one transaction.

type Tx = Prisma.TransactionClient;
type CountRow = { denominator: number; numerator: number; excluded: number; flagged: number };
export type Breakdown = CountRow & { dimension: "total" | "clinician" | "site" | "category" | "exclusion"; key: string | null };
export type CaseRow = {
  encounter_id: string;
  case_date: Date;
  numerator: boolean;
  excluded: string | null;
  flag: boolean | null;
  category: string | null;
  clinician_id: string;
  site_id: string | null;
  patient_id: string;
  mrn: string;
  given_name: string;
  family_name: string;
};

const PERIOD_CASES = Prisma.raw("period_cases");
const MONTH_CASES = Prisma.raw("month_cases");

const counts = Prisma.sql`
  count(*) FILTER (WHERE c.excluded IS NULL)::int AS denominator,
  count(*) FILTER (WHERE c.excluded IS NULL AND c.numerator)::int AS numerator,
  count(*) FILTER (WHERE c.excluded IS NOT NULL)::int AS excluded,
  count(*) FILTER (WHERE c.excluded IS NULL AND c.numerator AND c.flag)::int AS flagged`;

export const withRate = (row: CountRow): Counts => ({ ...row, rate: row.denominator ? row.numerator / row.denominator : null });
const EMPTY: CountRow = { denominator: 0, numerator: 0, excluded: 0, flagged: 0 };

/** Runs one view's queries in a transaction with the planner settings a year of encounters wants. */
function analytic<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // JIT compilation costs more than it saves on queries of this size; a year's cases sort in memory.
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      return work(tx);
    },
    // Dashboards start eight of these at once; on the embedded database they take turns.
    { maxWait: 10_000, timeout: 60_000 },
  );
}

async function fill(tx: Tx, table: Prisma.Sql, cases: Prisma.Sql): Promise<void> {
  await tx.$executeRaw`
    CREATE TEMP TABLE ${table} (encounter_id uuid, patient_id uuid, clinician_id uuid, site_id uuid, case_date date,
                                numerator boolean, excluded text, flag boolean, category text) ON COMMIT DROP`;
  await tx.$executeRaw`INSERT INTO ${table} ${cases}`;
}

/** Selects the measure's cases for the period, and per month when they differ; call first in the transaction. */
async function selectCases(tx: Tx, measure: MeasureDefinition, scope: Scope): Promise<void> {
  await fill(tx, PERIOD_CASES, measure.cases(scope, "period"));
  if (measure.perPatient) await fill(tx, MONTH_CASES, measure.cases(scope, "month"));
}

const monthTable = (measure: MeasureDefinition) => (measure.perPatient ? MONTH_CASES : PERIOD_CASES);

async function trendOf(tx: Tx, measure: MeasureDefinition, scope: Scope): Promise<(Counts & { month: string })[]> {
  const rows = await tx.$queryRaw<(CountRow & { month: string })[]>`
    SELECT to_char(c.case_date, 'YYYY-MM') AS month, ${counts} FROM ${monthTable(measure)} c GROUP BY 1`;
  const byMonth = new Map(rows.map(({ month, ...row }) => [month, row]));
  return monthsBetween(scope.from, scope.to).map((month) => ({ month, ...withRate(byMonth.get(month) ?? EMPTY) }));
}

/** The period's total and its spread by clinician, site, category and exclusion, in one pass over the cases. */
function breakdownOf(tx: Tx): Promise<Breakdown[]> {
  return tx.$queryRaw<Breakdown[]>`
    SELECT
      CASE WHEN GROUPING(c.clinician_id) = 0 THEN 'clinician' WHEN GROUPING(c.site_id) = 0 THEN 'site'
           WHEN GROUPING(c.category) = 0 THEN 'category' WHEN GROUPING(c.excluded) = 0 THEN 'exclusion' ELSE 'total' END AS dimension,
      CASE WHEN GROUPING(c.clinician_id) = 0 THEN c.clinician_id::text WHEN GROUPING(c.site_id) = 0 THEN COALESCE(c.site_id::text, 'none')
           WHEN GROUPING(c.category) = 0 THEN c.category WHEN GROUPING(c.excluded) = 0 THEN c.excluded END AS key,
      ${counts}
    FROM ${PERIOD_CASES} c
    GROUP BY GROUPING SETS ((), (c.clinician_id), (c.site_id), (c.category), (c.excluded))`;
}

/** The cases behind a number, newest first, with the patient's identity for the caller to show or replace. */
function casesOf(tx: Tx, measure: MeasureDefinition, filter: RowFilter, limit: number): Promise<CaseRow[]> {
  const conditions = [
    filter.show === "numerator" ? Prisma.sql`c.excluded IS NULL AND c.numerator` : null,
    filter.show === "denominator" ? Prisma.sql`c.excluded IS NULL` : null,
    filter.show === "excluded" ? Prisma.sql`c.excluded IS NOT NULL` : null,
    filter.clinician ? Prisma.sql`c.clinician_id = ${filter.clinician}::uuid` : null,
    filter.site === "none" ? Prisma.sql`c.site_id IS NULL` : filter.site ? Prisma.sql`c.site_id = ${filter.site}::uuid` : null,
    filter.month ? Prisma.sql`to_char(c.case_date, 'YYYY-MM') = ${filter.month}` : null,
    filter.category ? Prisma.sql`c.category = ${filter.category}` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return tx.$queryRaw<CaseRow[]>`
    SELECT c.encounter_id::text, c.case_date, c.numerator, c.excluded, c.flag, c.category, c.clinician_id::text, c.site_id::text,
           p.id::text AS patient_id, p.mrn, p.given_name, p.family_name
    FROM ${filter.month ? monthTable(measure) : PERIOD_CASES} c JOIN patient p ON p.id = c.patient_id
    ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
    ORDER BY c.case_date DESC, c.encounter_id
    LIMIT ${limit}`;
}

/** A measure over the scope: its breakdown, its monthly trend and, when asked, the first cases matching a filter. */
export function computeMeasure(measure: MeasureDefinition, scope: Scope, rows?: { filter: RowFilter; limit: number }) {
  return analytic(async (tx) => {
    await selectCases(tx, measure, scope);
    return {
      breakdown: await breakdownOf(tx),
      trend: await trendOf(tx, measure, scope),
      cases: rows ? await casesOf(tx, measure, rows.filter, rows.limit) : [],
    };
  });
}
