import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, targetOf } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { parseInput } from "@/lib/validation";
import { toIsoDate } from "@/lib/dates";
import { findMeasure, MEASURES, type MeasureDefinition, type Scope } from "./measure-definitions";
import { computeMeasure, withRate, type Breakdown, type CaseRow } from "./measure-queries";
import { refreshQueuedMeasureCases } from "./measure-cases";
import type { Counts, DashboardMeasure, MeasureDetail, MeasureReport, MeasureRow, MeasureSummary, Period, PrescriberReport, RowFilter, SpreadRow } from "./measure-dto";
import { pseudonym, pseudonymKey } from "./pseudonym";
import { toCsv } from "./csv";
import { ehrCriticalOverrides } from "./ehr-overrides";
import { previousPeriod } from "./period";
import { periodInput as periodSchema } from "./period-input";
import { measureTargets } from "./measure-targets-data";
import type { CaseFindingCode } from "./case-findings";

const SCREEN_ROWS = 200;
const EXPORT_ROWS = 100_000;

const periodInput = periodSchema(5);

const detailInput = z.object({
  id: z.string().max(100),
  from: z.string().optional(),
  to: z.string().optional(),
  show: z.enum(["numerator", "denominator", "excluded", "all"], { error: "show must be numerator, denominator, excluded or all" }).default("numerator"),
  clinician: z.uuid({ error: "clinician must be a user id" }).optional(),
  site: z.union([z.uuid(), z.literal("none")], { error: "site must be a site id or none" }).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "month must be YYYY-MM" }).optional(),
  category: z.string().max(100).optional(),
  pseudonymized: z.enum(["0", "1"], { error: "pseudonymized must be 0 or 1" }).default("0"),
});

const totalIn = (breakdown: Breakdown[]): Counts => {
  const { dimension: _d, key: _k, ...total } = breakdown.find((row) => row.dimension === "total")!;
  return withRate(total);
};

/** One dimension of a breakdown, largest denominator first; keys are labelled from `labels` when given. */
function spreadOf(breakdown: Breakdown[], dimension: Breakdown["dimension"], labels?: Map<string, string>): SpreadRow[] {
  return breakdown
    .filter((row) => row.dimension === dimension && row.key !== null)
    .map(({ dimension: _d, key, ...row }) => ({ key: key as string, label: labels ? (labels.get(key as string) ?? "Unknown") : (key as string), ...withRate(row) }))
    .sort((a, b) => b.denominator - a.denominator || a.label.localeCompare(b.label));
}

/** Counts every visit signed so far: works the queue of patients whose cases are still to be worked out (usually empty). */
function upToDate(): Promise<number> {
  return refreshQueuedMeasureCases(db());
}

async function namesOf(organizationId: string) {
  const [users, sites] = await Promise.all([
    db().user.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    db().site.findMany({ where: { organizationId }, select: { id: true, name: true } }),
  ]);
  return { users: new Map(users.map((u) => [u.id, u.name])), sites: new Map([...sites.map((s) => [s.id, s.name] as const), ["none", "No site"] as const]) };
}

const summaryOf = (measure: MeasureDefinition, scope: Scope, total: Counts, trend: MeasureSummary["trend"], targets: Map<number, number>): MeasureSummary => {
  // The SQL stays on the server: the summary carries the definition's words and labels only.
  const { caseRows: _caseRows, why: _why, note: _note, ...definition } = measure;
  return { ...definition, target: targets.get(measure.number) ?? null, period: { from: scope.from, to: scope.to }, total, trend };
};

async function audited(actor: Actor, action: AuditAction, detail: Record<string, string | number | boolean | string[] | undefined>): Promise<void> {
  const given = Object.fromEntries(Object.entries(detail).filter((entry): entry is [string, string | number | boolean | string[]] => entry[1] !== undefined));
  await recordAudit(db(), { actor, action, outcome: "success", entityType: "measure", detail: given });
}

/** Every measure's figure, monthly trend and spread by clinician and site over a period: the auditor's dashboard. */
export async function listMeasures(actor: Actor, input: unknown): Promise<{ period: Period; measures: DashboardMeasure[] }> {
  await authorize(db(), actor, "read", "measure", { action: "measure.dashboard", entityType: "measure" });
  const period = parseInput(periodInput, input);
  const scope = { organizationId: actor.organizationId, ...period };
  await upToDate();
  const previous = previousPeriod(period.from, period.to);
  const previousScope = { organizationId: actor.organizationId, ...previous };
  const [measures, names, targets] = await Promise.all([
    Promise.all(
      MEASURES.map(async (measure) => {
        const [current, before] = await Promise.all([computeMeasure(measure, scope), computeMeasure(measure, previousScope)]);
        return { measure, ...current, previousTotal: totalIn(before.breakdown) };
      }),
    ),
    namesOf(actor.organizationId),
    measureTargets(actor.organizationId),
  ]);
  await audited(actor, "measure.dashboard", { ...period });
  return {
    period,
    measures: measures.map(({ measure, breakdown, trend, previousTotal }) => ({
      ...summaryOf(measure, scope, totalIn(breakdown), trend, targets),
      byClinician: spreadOf(breakdown, "clinician", names.users),
      bySite: spreadOf(breakdown, "site", names.sites),
      previous: { period: previous, total: previousTotal },
    })),
  };
}

function parseDetail(input: unknown) {
  const { id, from, to, pseudonymized, ...filter } = parseInput(detailInput, input);
  const period = parseInput(periodInput, { from, to });
  const measure = findMeasure(id);
  if (!measure) throw new AppError("not-found", "No such measure.");
  return { measure, period, filter: filter as RowFilter, pseudonymized: pseudonymized === "1" };
}

function toRows(actor: Actor, cases: CaseRow[], names: Awaited<ReturnType<typeof namesOf>>, pseudonymized: boolean): MeasureRow[] {
  const key = pseudonymized ? pseudonymKey(serverEnv().NEXTAUTH_SECRET, actor.organizationId) : null;
  return cases.map((row) => ({
    encounterRef: key ? pseudonym(key, "encounter", row.encounter_id) : row.encounter_id,
    encounterId: key ? null : row.encounter_id,
    date: toIsoDate(row.case_date),
    patientRef: key ? pseudonym(key, "patient", row.mrn) : row.mrn,
    patientName: key ? null : `${row.given_name} ${row.family_name}`,
    clinician: names.users.get(row.clinician_id) ?? "Unknown clinician",
    site: names.sites.get(row.site_id ?? "none") ?? "Unknown site",
    numerator: row.numerator,
    excluded: row.excluded,
    flag: row.flag,
    category: row.category,
    why: row.why,
    note: key ? null : row.note,
    caseKey: key ? "" : row.case_key,
    review: row.review_finding
      ? {
          finding: row.review_finding as CaseFindingCode,
          comment: key ? null : row.review_comment,
          reviewer: names.users.get(row.reviewer_id ?? "") ?? "Unknown reviewer",
          reviewedAt: (row.reviewed_at as Date).toISOString(),
          sentToClinician: row.review_sent === true,
          acknowledgedAt: row.review_acknowledged_at?.toISOString() ?? null,
          reply: key ? null : row.review_reply,
        }
      : null,
  }));
}

/** One measure over a period: definition, figure, trend, spread, and the cases behind the chosen number. */
export async function getMeasure(actor: Actor, input: unknown): Promise<MeasureDetail> {
  await authorize(db(), actor, "read", "measure", { action: "measure.read", entityType: "measure" });
  const { measure, period, filter, pseudonymized } = parseDetail(input);
  const scope = { organizationId: actor.organizationId, ...period };
  await upToDate();
  const [{ trend, breakdown, cases }, names, ehrOverrides, targets] = await Promise.all([
    computeMeasure(measure, scope, { filter, limit: SCREEN_ROWS + 1 }),
    namesOf(actor.organizationId),
    measure.id === "critical-alert-overrides" ? ehrCriticalOverrides(scope) : null,
    measureTargets(actor.organizationId),
  ]);
  const spread = (dimension: Breakdown["dimension"], labels?: Map<string, string>) => spreadOf(breakdown, dimension, labels);
  await audited(actor, "measure.read", { measure: measure.id, ...period, ...filter, pseudonymized });
  return {
    ...summaryOf(measure, scope, totalIn(breakdown), trend, targets),
    byClinician: spread("clinician", names.users),
    bySite: spread("site", names.sites),
    byCategory: measure.categoryLabel ? spread("category") : [],
    exclusions: spread("exclusion").map((row) => ({ reason: row.label, count: row.excluded })),
    filter,
    pseudonymized,
    rows: toRows(actor, cases.slice(0, SCREEN_ROWS), names, pseudonymized),
    truncated: cases.length > SCREEN_ROWS,
    ehrOverrides,
  };
}

/** The cases behind a number as CSV, identified or pseudonymized; the export is itself an audit event. */
export async function exportMeasureCsv(actor: Actor, input: unknown): Promise<{ filename: string; csv: string }> {
  await authorize(db(), actor, "export", "measure", { action: "measure.export", entityType: "measure" });
  const { measure, period, filter, pseudonymized } = parseDetail(input);
  const scope = { organizationId: actor.organizationId, ...period };
  await upToDate();
  const [{ cases }, names] = await Promise.all([computeMeasure(measure, scope, { filter, limit: EXPORT_ROWS }), namesOf(actor.organizationId)]);
  const rows = toRows(actor, cases, names, pseudonymized);
  const header = [
    "measure",
    pseudonymized ? "encounter_ref" : "encounter_id",
    "date",
    pseudonymized ? "patient_ref" : "mrn",
    ...(pseudonymized ? [] : ["patient_name"]),
    "clinician",
    "site",
    "in_numerator",
    "excluded_because",
    ...(measure.flagLabel ? [measure.flagLabel.replaceAll(" ", "_")] : []),
    ...(measure.categoryLabel ? [measure.categoryLabel.toLowerCase()] : []),
    "why_it_counts",
    ...(measure.note && !pseudonymized ? ["clinician_comment"] : []),
  ];
  const csv = toCsv(
    header,
    rows.map((row) => [
      measure.id,
      row.encounterRef,
      row.date,
      row.patientRef,
      ...(pseudonymized ? [] : [row.patientName]),
      row.clinician,
      row.site,
      row.excluded === null && row.numerator,
      row.excluded,
      ...(measure.flagLabel ? [row.flag] : []),
      ...(measure.categoryLabel ? [row.category] : []),
      row.why,
      ...(measure.note && !pseudonymized ? [row.note] : []),
    ]),
  );
  // Which patients left in the file, not only how many: the trail answers "whose records were disclosed".
  const patients = [...new Set(cases.map((row) => row.patient_id))];
  await audited(actor, "measure.export", { measure: measure.id, ...period, ...filter, pseudonymized, rows: rows.length, patients });
  return { filename: `${measure.id}_${period.from}_${period.to}${pseudonymized ? "_pseudonymized" : ""}.csv`, csv };
}

const REPORT_ROWS = 50;


/** Every measure with its definition, figure, trend, spread and newest numerator cases, for printing. */
export async function getMeasureReport(actor: Actor, input: unknown): Promise<MeasureReport> {
  await authorize(db(), actor, "export", "measure", { action: "measure.report", entityType: "measure" });
  const { pseudonymized, ...rest } = parseInput(z.object({ from: z.string().optional(), to: z.string().optional(), pseudonymized: detailInput.shape.pseudonymized }), input);
  const period = parseInput(periodInput, rest);
  const scope = { organizationId: actor.organizationId, ...period };
  await upToDate();
  const [names, targets] = await Promise.all([namesOf(actor.organizationId), measureTargets(actor.organizationId)]);
  const measures = await Promise.all(
    MEASURES.map(async (measure) => {
      const { breakdown, trend, cases } = await computeMeasure(measure, scope, { filter: { show: "numerator" }, limit: REPORT_ROWS + 1 });
      return {
        ...summaryOf(measure, scope, totalIn(breakdown), trend, targets),
        byClinician: spreadOf(breakdown, "clinician", names.users),
        bySite: spreadOf(breakdown, "site", names.sites),
        cases: toRows(actor, cases.slice(0, REPORT_ROWS), names, pseudonymized === "1"),
        moreCases: cases.length > REPORT_ROWS,
      };
    }),
  );
  await audited(actor, "measure.report", { ...period, pseudonymized: pseudonymized === "1" });
  return { period, pseudonymized: pseudonymized === "1", generatedAt: new Date().toISOString(), measures };
}

const EMPTY_COUNTS: Counts = { denominator: 0, numerator: 0, excluded: 0, flagged: 0, rate: null };
const PRESCRIBER_ROWS = 20;

/**
 * Prescriber feedback, as opioid stewardship programs send it: one clinician's rate on each measure beside their
 * practice's and the organization's over the period, with the cases in their numerator. Identified (it goes to the
 * clinician about their own patients); producing it is an audit event.
 */
export async function getPrescriberReport(actor: Actor, input: unknown): Promise<PrescriberReport> {
  await authorize(db(), actor, "read", "measure", { action: "measure.report", entityType: "user", entityId: targetOf(input, "clinician") });
  const { clinician: clinicianId, ...rest } = parseInput(z.object({ clinician: z.uuid({ error: "clinician must be a clinician's id" }), from: z.string().optional(), to: z.string().optional() }), input);
  const period = parseInput(periodInput, rest);
  const clinician = await db().user.findFirst({ where: { id: clinicianId, organizationId: actor.organizationId, role: "clinician" }, select: { id: true, name: true, siteId: true, site: { select: { name: true } } } });
  if (!clinician) throw new AppError("not-found", "No such clinician in this organization.", [{ path: "clinician", message: "choose a clinician of this organization" }]);
  const scope = { organizationId: actor.organizationId, ...period };
  await upToDate();
  const [names, targets] = await Promise.all([namesOf(actor.organizationId), measureTargets(actor.organizationId)]);
  const measures = await Promise.all(
    MEASURES.map(async (measure) => {
      const { breakdown, cases } = await computeMeasure(measure, scope, { filter: { show: "numerator", clinician: clinician.id }, limit: PRESCRIBER_ROWS + 1 });
      const row = (dimension: Breakdown["dimension"], key: string): Counts => {
        const found = spreadOf(breakdown, dimension).find((r) => r.key === key);
        return found ? { denominator: found.denominator, numerator: found.numerator, excluded: found.excluded, flagged: found.flagged, rate: found.rate } : EMPTY_COUNTS;
      };
      return {
        id: measure.id,
        number: measure.number,
        title: measure.title,
        better: measure.better,
        unit: measure.unit,
        target: targets.get(measure.number) ?? null,
        clinician: row("clinician", clinician.id),
        practice: clinician.siteId ? row("site", clinician.siteId) : null,
        organization: totalIn(breakdown),
        cases: toRows(actor, cases.slice(0, PRESCRIBER_ROWS), names, false),
        moreCases: cases.length > PRESCRIBER_ROWS,
      };
    }),
  );
  await audited(actor, "measure.report", { ...period, clinician: clinician.id, pseudonymized: false });
  return { period, generatedAt: new Date().toISOString(), clinician: { id: clinician.id, name: clinician.name, practice: clinician.site?.name ?? null }, measures };
}
