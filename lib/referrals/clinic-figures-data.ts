import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { authorize } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { parseInput } from "@/lib/validation";
import { monthsBetween } from "@/lib/measures/period";
import { periodInput as periodSchema } from "@/lib/measures/period-input";

// The clinic's own figures for its lead therapist, by month and by therapist, over a period:
//  - waiting: days from the referral to its first attended visit, for referrals first seen in the period (median);
//  - attendance: attended visits over visits recorded (a no-show is a missed visit);
//  - MCID: discharges in the period whose Oswestry (or, without it, PEG) change reached the minimal clinically
//    important difference, over discharges with that change measured.
// A referral belongs to its therapist; visits to the therapist who recorded them.

export type FigureRow = {
  key: string;
  label: string;
  firstVisits: number;
  medianWaitDays: number | null;
  visits: number;
  attended: number;
  attendanceRate: number | null;
  dischargesMeasured: number;
  reachedMcid: number;
  mcidRate: number | null;
};

export type ClinicFigures = { period: { from: string; to: string }; total: FigureRow; byMonth: FigureRow[]; byTherapist: FigureRow[]; waitingNow: number };

const periodInput = periodSchema(3);

type Counted = { key: string | null; first_visits: number; median_wait: number | null; visits: number; attended: number; discharges_measured: number; reached_mcid: number };

/** One query per grouping: `grouping` is the SQL expression each kind of event is grouped by (month or therapist). */
function figuresBy(siteId: string, from: string, to: string, grouping: { wait: Prisma.Sql; visit: Prisma.Sql; discharge: Prisma.Sql }) {
  return db().$queryRaw<Counted[]>`
    WITH first_visit AS (
      SELECT r.id, r.therapist_id, r.created_at, min(v.date) AS first_day
      FROM referral r JOIN pt_visit v ON v.referral_id = r.id AND v.attended
      WHERE r.to_site_id = ${siteId}::uuid
      GROUP BY r.id
    ),
    waits AS (
      SELECT ${grouping.wait} AS key, count(*)::int AS first_visits,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_day - (f.created_at AT TIME ZONE 'UTC')::date) AS median_wait
      FROM first_visit f WHERE f.first_day BETWEEN ${from}::date AND ${to}::date GROUP BY 1
    ),
    visits AS (
      SELECT ${grouping.visit} AS key, count(*)::int AS visits, count(*) FILTER (WHERE v.attended)::int AS attended
      FROM pt_visit v JOIN referral r ON r.id = v.referral_id
      WHERE r.to_site_id = ${siteId}::uuid AND v.date BETWEEN ${from}::date AND ${to}::date GROUP BY 1
    ),
    discharges AS (
      SELECT ${grouping.discharge} AS key,
             count(*) FILTER (WHERE coalesce(r.discharge->'odi'->>'meaningful', r.discharge->'peg'->>'meaningful') IS NOT NULL)::int AS discharges_measured,
             count(*) FILTER (WHERE coalesce(r.discharge->'odi'->>'meaningful', r.discharge->'peg'->>'meaningful') = 'true')::int AS reached_mcid
      FROM referral r
      WHERE r.to_site_id = ${siteId}::uuid AND r.status = 'discharged' AND (r.discharged_at AT TIME ZONE 'UTC')::date BETWEEN ${from}::date AND ${to}::date GROUP BY 1
    ),
    keys AS (SELECT key FROM waits UNION SELECT key FROM visits UNION SELECT key FROM discharges)
    SELECT k.key, coalesce(w.first_visits, 0) AS first_visits, w.median_wait::float AS median_wait, coalesce(v.visits, 0) AS visits,
           coalesce(v.attended, 0) AS attended, coalesce(d.discharges_measured, 0) AS discharges_measured, coalesce(d.reached_mcid, 0) AS reached_mcid
    FROM keys k
    LEFT JOIN waits w ON w.key IS NOT DISTINCT FROM k.key
    LEFT JOIN visits v ON v.key IS NOT DISTINCT FROM k.key
    LEFT JOIN discharges d ON d.key IS NOT DISTINCT FROM k.key`;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);
const rowOf = (counted: Counted | undefined, key: string, label: string): FigureRow => {
  const c = counted ?? { first_visits: 0, median_wait: null, visits: 0, attended: 0, discharges_measured: 0, reached_mcid: 0 };
  return {
    key,
    label,
    firstVisits: c.first_visits,
    medianWaitDays: c.median_wait === null ? null : Math.round(c.median_wait * 10) / 10,
    visits: c.visits,
    attended: c.attended,
    attendanceRate: rate(c.attended, c.visits),
    dischargesMeasured: c.discharges_measured,
    reachedMcid: c.reached_mcid,
    mcidRate: rate(c.reached_mcid, c.discharges_measured),
  };
};

/** The actor's clinic's figures over a period (default the last twelve months): overall, by month and by therapist. */
export async function getClinicFigures(actor: Actor, input: unknown): Promise<ClinicFigures> {
  await authorize(db(), actor, "update", "referral", { action: "clinic.figures", entityType: "site", entityId: actor.siteId ?? undefined });
  const period = parseInput(periodInput, input);
  const siteId = actor.siteId ?? "00000000-0000-0000-0000-000000000000";
  const month = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM')`;
  const [total, byMonth, byTherapist, therapists, waiting] = await Promise.all([
    figuresBy(siteId, period.from, period.to, { wait: Prisma.sql`'all'`, visit: Prisma.sql`'all'`, discharge: Prisma.sql`'all'` }),
    figuresBy(siteId, period.from, period.to, { wait: month(Prisma.sql`f.first_day`), visit: month(Prisma.sql`v.date`), discharge: month(Prisma.sql`r.discharged_at AT TIME ZONE 'UTC'`) }),
    figuresBy(siteId, period.from, period.to, { wait: Prisma.sql`f.therapist_id::text`, visit: Prisma.sql`v.therapist_id::text`, discharge: Prisma.sql`r.therapist_id::text` }),
    db().user.findMany({ where: { organizationId: actor.organizationId, siteId }, select: { id: true, name: true } }),
    db().referral.count({ where: { toSiteId: siteId, status: { in: ["accepted", "scheduled"] }, visits: { none: { attended: true } } } }),
  ]);
  const names = new Map(therapists.map((t) => [t.id, t.name]));
  const byKey = (rows: Counted[]) => new Map(rows.map((r) => [r.key ?? "none", r]));
  const months = byKey(byMonth);
  const people = byKey(byTherapist);
  await recordAudit(db(), { actor, action: "clinic.figures", outcome: "success", entityType: "site", entityId: siteId, detail: { ...period } });
  return {
    period,
    total: rowOf(total[0], "all", "All"),
    byMonth: monthsBetween(period.from, period.to).map((m) => rowOf(months.get(m), m, m)),
    byTherapist: [...people.keys()].map((id) => rowOf(people.get(id), id, names.get(id) ?? "Not assigned")).sort((a, b) => a.label.localeCompare(b.label)),
    waitingNow: waiting,
  };
}
