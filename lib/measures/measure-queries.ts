import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { MeasureDefinition, Scope } from "./measure-definitions";
import type { Counts, RowFilter } from "./measure-dto";
import { monthLastDay, monthsBetween, shiftDate, wholeMonths } from "./period";
import { firstOfMonth } from "./measure-cases";

// How a measure is computed for one view: its cases (measure_case, kept current as facts change) dated within the
// period, and for a patient-level measure only those whose patient's next encounter falls after the period (after the
// month, for the trend), then totalled, spread, trended and listed, in one transaction so all agree.

type Tx = Prisma.TransactionClient;
type CountRow = { denominator: number; numerator: number; excluded: number; flagged: number };
export type Breakdown = CountRow & { dimension: "total" | "clinician" | "site" | "category" | "exclusion"; key: string | null };
export type CaseRow = {
  encounter_id: string;
  case_key: string;
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
  why: string | null;
  note: string | null;
  /** The case's latest review, when an auditor reviewed it. */
  review_finding: string | null;
  review_comment: string | null;
  reviewer_id: string | null;
  reviewed_at: Date | null;
  review_sent: boolean | null;
  review_acknowledged_at: Date | null;
  review_reply: string | null;
};

export const withRate = (row: CountRow): Counts => ({ ...row, rate: row.denominator ? row.numerator / row.denominator : null });
const EMPTY: CountRow = { denominator: 0, numerator: 0, excluded: 0, flagged: 0 };

/** Runs one view's queries in one snapshot, with the planner settings a year of cases wants. */
function analytic<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // JIT compilation costs more than it saves on queries of this size; a year's cases sort in memory.
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      return work(tx);
    },
    // Dashboards start eight of these at once; on the embedded database they take turns.
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 60_000 },
  );
}

// The last day of the case's month, on the date as a plain timestamp so a month never depends on the session's time zone.
const monthEnd = Prisma.sql`(date_trunc('month', c.case_date::timestamp) + interval '1 month' - interval '1 day')::date`;

/** The measure's cases in the period (`month`: the cases of each month, for the trend), as a condition on measure_case c. */
function inPeriod(measure: MeasureDefinition, scope: Scope, grain: "period" | "month"): Prisma.Sql {
  const dated = Prisma.sql`c.organization_id = ${scope.organizationId}::uuid AND c.measure = ${measure.number} AND c.case_date BETWEEN ${scope.from}::date AND ${scope.to}::date`;
  return measure.perPatient ? Prisma.sql`${dated} AND ${latestIn(scope, grain)}` : dated;
}

/** A patient-level case counts when it is the patient's latest in the period (in its month): the next one comes after it ends, or never. */
function latestIn(scope: Scope, grain: "period" | "month"): Prisma.Sql {
  const end = grain === "month" ? Prisma.sql`LEAST(${monthEnd}, ${scope.to}::date)` : Prisma.sql`${scope.to}::date`;
  return Prisma.sql`(c.next_encounter_date IS NULL OR c.next_encounter_date > ${end})`;
}

/**
 * The rows a period's figures are counted from, each with how many cases it stands for, whether they count for the
 * period, and whether for their month's trend: the period's whole months from the monthly counts (measure_month),
 * its partial months from the cases themselves. A patient-level case counts for the period when the patient's next
 * encounter comes after the period ends; the counts know only that encounter's month, so when the period ends mid-month
 * the cases whose next encounter falls in the rest of that month are added back from the cases.
 */
function countedRows(measure: MeasureDefinition, scope: Scope): Prisma.Sql {
  const ofMeasure = (alias: "c" | "s") => Prisma.sql`${Prisma.raw(alias)}.organization_id = ${scope.organizationId}::uuid AND ${Prisma.raw(alias)}.measure = ${measure.number}`;
  const columns = Prisma.sql`clinician_id, site_id, category, excluded, numerator, flag`;
  const whole = wholeMonths(scope.from, scope.to);
  const partial = whole
    ? Prisma.sql`(c.case_date BETWEEN ${scope.from}::date AND ${shiftDate(whole.first, -1)}::date OR c.case_date BETWEEN ${shiftDate(whole.last, 1)}::date AND ${scope.to}::date)`
    : Prisma.sql`c.case_date BETWEEN ${scope.from}::date AND ${scope.to}::date`;
  const perPatient = measure.perPatient;
  const parts = [
    Prisma.sql`
      SELECT ${columns}, ${firstOfMonth(Prisma.sql`c.case_date`)} AS month, 1 AS cases,
             ${perPatient ? latestIn(scope, "period") : Prisma.sql`true`} AS in_period, true AS in_month
      FROM measure_case c WHERE ${ofMeasure("c")} AND ${partial} ${perPatient ? Prisma.sql`AND ${latestIn(scope, "month")}` : Prisma.empty}`,
  ];
  if (whole) {
    const endMonth = firstOfMonth(Prisma.sql`${scope.to}::date`);
    parts.push(Prisma.sql`
      SELECT ${columns}, s.month, s.cases,
             ${perPatient ? Prisma.sql`(s.next_month IS NULL OR s.next_month > ${endMonth})` : Prisma.sql`true`} AS in_period,
             ${perPatient ? Prisma.sql`(s.next_month IS NULL OR s.next_month > s.month)` : Prisma.sql`true`} AS in_month
      FROM measure_month s WHERE ${ofMeasure("s")} AND s.month BETWEEN ${whole.first}::date AND ${whole.last}::date`);
    if (perPatient && scope.to !== monthLastDay(scope.to)) {
      parts.push(Prisma.sql`
        SELECT ${columns}, ${firstOfMonth(Prisma.sql`c.case_date`)} AS month, 1 AS cases, true AS in_period, false AS in_month
        FROM measure_case c
        WHERE ${ofMeasure("c")} AND c.case_date BETWEEN ${whole.first}::date AND ${whole.last}::date
          AND c.next_encounter_date > ${scope.to}::date AND c.next_encounter_date <= ${monthLastDay(scope.to)}::date`);
    }
  }
  return Prisma.join(parts, " UNION ALL ");
}

const sums = (condition: Prisma.Sql, prefix: string) => Prisma.sql`
  COALESCE(sum(c.cases) FILTER (WHERE ${condition} AND c.excluded IS NULL), 0)::int AS ${Prisma.raw(`${prefix}denominator`)},
  COALESCE(sum(c.cases) FILTER (WHERE ${condition} AND c.excluded IS NULL AND c.numerator), 0)::int AS ${Prisma.raw(`${prefix}numerator`)},
  COALESCE(sum(c.cases) FILTER (WHERE ${condition} AND c.excluded IS NOT NULL), 0)::int AS ${Prisma.raw(`${prefix}excluded`)},
  COALESCE(sum(c.cases) FILTER (WHERE ${condition} AND c.excluded IS NULL AND c.numerator AND c.flag), 0)::int AS ${Prisma.raw(`${prefix}flagged`)}`;

type SummaryRow = CountRow & { dimension: Breakdown["dimension"] | "month"; key: string | null; month_denominator: number; month_numerator: number; month_excluded: number; month_flagged: number };

/** In one read: the period's total, its spread by clinician, site, category and exclusion, and the monthly trend. */
async function summaryOf(tx: Tx, measure: MeasureDefinition, scope: Scope): Promise<{ breakdown: Breakdown[]; trend: (Counts & { month: string })[] }> {
  const rows = await tx.$queryRaw<SummaryRow[]>`
    SELECT
      CASE WHEN GROUPING(c.month) = 0 THEN 'month' WHEN GROUPING(c.clinician_id) = 0 THEN 'clinician' WHEN GROUPING(c.site_id) = 0 THEN 'site'
           WHEN GROUPING(c.category) = 0 THEN 'category' WHEN GROUPING(c.excluded) = 0 THEN 'exclusion' ELSE 'total' END AS dimension,
      CASE WHEN GROUPING(c.month) = 0 THEN to_char(c.month, 'YYYY-MM') WHEN GROUPING(c.clinician_id) = 0 THEN c.clinician_id::text
           WHEN GROUPING(c.site_id) = 0 THEN COALESCE(c.site_id::text, 'none') WHEN GROUPING(c.category) = 0 THEN c.category
           WHEN GROUPING(c.excluded) = 0 THEN c.excluded END AS key,
      ${sums(Prisma.sql`c.in_period`, "")},
      ${sums(Prisma.sql`c.in_month`, "month_")}
    FROM (${countedRows(measure, scope)}) c
    GROUP BY GROUPING SETS ((), (c.clinician_id), (c.site_id), (c.category), (c.excluded), (c.month))`;
  const breakdown: Breakdown[] = [];
  const byMonth = new Map<string | null, CountRow>();
  for (const { dimension, key, denominator, numerator, excluded, flagged, ...month } of rows) {
    if (dimension === "month") byMonth.set(key, { denominator: month.month_denominator, numerator: month.month_numerator, excluded: month.month_excluded, flagged: month.month_flagged });
    // A spread row with nothing in the period (its cases count only for a month's trend) is no row at all.
    else if (dimension === "total" || denominator + excluded > 0) breakdown.push({ dimension, key, denominator, numerator, excluded, flagged });
  }
  const trend = monthsBetween(scope.from, scope.to).map((month) => ({ month, ...withRate(byMonth.get(month) ?? EMPTY) }));
  return { breakdown, trend };
}

/** The cases behind a number, newest first, with the patient's identity for the caller to show or replace. */
function casesOf(tx: Tx, measure: MeasureDefinition, scope: Scope, filter: RowFilter, limit: number): Promise<CaseRow[]> {
  const conditions = [
    inPeriod(measure, scope, filter.month ? "month" : "period"),
    filter.show === "numerator" ? Prisma.sql`c.excluded IS NULL AND c.numerator` : null,
    filter.show === "denominator" ? Prisma.sql`c.excluded IS NULL` : null,
    filter.show === "excluded" ? Prisma.sql`c.excluded IS NOT NULL` : null,
    filter.clinician ? Prisma.sql`c.clinician_id = ${filter.clinician}::uuid` : null,
    filter.site === "none" ? Prisma.sql`c.site_id IS NULL` : filter.site ? Prisma.sql`c.site_id = ${filter.site}::uuid` : null,
    filter.month ? Prisma.sql`to_char(c.case_date, 'YYYY-MM') = ${filter.month}` : null,
    filter.category ? Prisma.sql`c.category = ${filter.category}` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  // The page of cases is chosen first; why each counts is then worked out from its encounter's facts (and, for an
  // override, its decision) for those rows alone, never for the whole period.
  return tx.$queryRaw<CaseRow[]>`
    SELECT c.encounter_id::text, c.case_key, c.case_date, c.numerator, c.excluded, c.flag, c.category, c.clinician_id::text, c.site_id::text,
           p.id::text AS patient_id, p.mrn, p.given_name, p.family_name, (${measure.why}) AS why, (${measure.note ?? Prisma.sql`NULL::text`}) AS note,
           r.finding::text AS review_finding, r.comment AS review_comment, r.reviewer_id::text, r.reviewed_at, r.sent_to_clinician AS review_sent,
           r.acknowledged_at AS review_acknowledged_at, r.reply AS review_reply
    FROM (
      SELECT c.* FROM measure_case c
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY c.case_date DESC, c.encounter_id DESC, c.case_key DESC
      LIMIT ${limit}
    ) c
    JOIN patient p ON p.id = c.patient_id
    JOIN encounter_fact f ON f.encounter_id = c.encounter_id
    LEFT JOIN decision d ON d.id = NULLIF(c.case_key, '')::uuid
    LEFT JOIN LATERAL (
      SELECT * FROM case_review r
      WHERE r.organization_id = c.organization_id AND r.measure = c.measure AND r.encounter_id = c.encounter_id AND r.case_key = c.case_key
      ORDER BY r.reviewed_at DESC LIMIT 1
    ) r ON true
    ORDER BY c.case_date DESC, c.encounter_id DESC, c.case_key DESC`;
}

/** A measure over the scope: its breakdown, its monthly trend and, when asked, the first cases matching a filter. */
export function computeMeasure(measure: MeasureDefinition, scope: Scope, rows?: { filter: RowFilter; limit: number }) {
  return analytic(async (tx) => ({
    ...(await summaryOf(tx, measure, scope)),
    cases: rows ? await casesOf(tx, measure, scope, rows.filter, rows.limit) : [],
  }));
}
