import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { exportMeasureCsv, getMeasure, getMeasureReport, getPrescriberReport, listMeasures } from "../lib/measures/measures-data";
import { MEASURES } from "../lib/measures/measure-definitions";
import { signEncounter, startEncounter } from "../lib/encounters/encounters-data";
import { deriveMissingFacts, rederiveOutdatedFacts } from "../lib/measures/fact-store";
import { FACT_DERIVATION } from "../lib/measures/encounter-facts";
import type { AppError } from "../lib/errors";
import { toIsoDate } from "../lib/dates";
import { assessment } from "./support/assessment";
import { auditEventsOf, createClinic, createPatientRow, testDb, type Clinic } from "./support/fixtures";
import { deriveFacts, signedVisit } from "./support/signed-visits";

// Who may see the measures, what each view and export leaves in the audit trail, bad input, pseudonymization,
// and that signing writes the same facts the measures are computed from.

let clinic: Clinic;
const PERIOD = { from: "2026-01-01", to: "2026-11-27" };
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const oxycodone60 = { drug: "oxycodone" as const, form: "ir" as const, doseMg: 10, dosesPerDay: 4 };

beforeEach(async () => {
  clinic = await createClinic();
  const patientId = await createPatientRow(clinic.organizationId, { givenName: "Nora", familyName: "Naloxone", mrn: `MRN-${randomUUID().slice(0, 8)}` });
  await signedVisit(clinic.clinician, patientId, "2026-05-01", { assessment: { medications: [oxycodone60], opioidSafety: { naloxoneOnHand: false } } });
  await deriveFacts(clinic.organizationId);
});

describe("access to the measures", () => {
  it.each(["clinician", "therapist", "admin"] as const)("refuses a %s every measure view and export, and audits the refusal", async (who) => {
    const actor = clinic[who];
    for (const attempt of [
      () => listMeasures(actor, PERIOD),
      () => getMeasure(actor, { id: MEASURES[0]!.id, ...PERIOD }),
      () => exportMeasureCsv(actor, { id: MEASURES[0]!.id, ...PERIOD }),
      () => getMeasureReport(actor, PERIOD),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "forbidden" });
    }
    const denied = (await auditEventsOf(actor.userId)).map((e) => [e.action, e.outcome]);
    expect(denied).toEqual([
      ["measure.report", "denied"],
      ["measure.export", "denied"],
      ["measure.read", "denied"],
      ["measure.dashboard", "denied"],
    ]);
  });

  it("shows each measure beside the period of equal length just before, counted as that period would be", async () => {
    const dashboard = await listMeasures(clinic.auditor, { from: "2026-05-01", to: "2026-10-31" });
    const later = dashboard.measures.find((m) => m.id === "mme-50-without-naloxone");
    expect(later?.previous.period).toEqual({ from: "2025-10-29", to: "2026-04-30" });
    expect(later?.total).toMatchObject({ denominator: 1, numerator: 1 });
    for (const measure of dashboard.measures) {
      const before = await getMeasure(clinic.auditor, { id: measure.id, ...measure.previous.period });
      expect(measure.previous.total, measure.id).toEqual(before.total);
    }
    const earlier = await listMeasures(clinic.auditor, { from: "2026-11-01", to: "2026-11-27" });
    expect(earlier.measures.find((m) => m.id === "mme-50-without-naloxone")?.previous.total).toMatchObject({ denominator: 0, numerator: 0, rate: null });
  });

  it("gives a prescriber their rates beside their practice's and the organization's, with their own cases, and audits it", async () => {
    const report = await getPrescriberReport(clinic.auditor, { clinician: clinic.clinician.userId, ...PERIOD });
    expect(report.clinician).toEqual({ id: clinic.clinician.userId, name: clinic.clinician.name, practice: "Fixture Practice" });
    for (const measure of report.measures) {
      const detail = await getMeasure(clinic.auditor, { id: measure.id, ...PERIOD });
      const mine = detail.byClinician.find((r) => r.key === clinic.clinician.userId);
      const practice = detail.bySite.find((r) => r.label === "Fixture Practice");
      expect(measure.clinician.numerator, measure.id).toBe(mine?.numerator ?? 0);
      expect(measure.clinician.denominator, measure.id).toBe(mine?.denominator ?? 0);
      expect(measure.practice?.denominator, measure.id).toBe(practice?.denominator ?? 0);
      expect(measure.organization, measure.id).toEqual(detail.total);
      expect(measure.cases.every((c) => c.clinician === clinic.clinician.name && c.numerator)).toBe(true);
    }
    expect(report.measures.find((m) => m.id === "mme-50-without-naloxone")?.cases[0]).toMatchObject({ patientName: "Nora Naloxone", why: expect.stringMatching(/MME\/day/) });
    expect(await auditEventsOf(clinic.auditor.userId)).toContainEqual(expect.objectContaining({ action: "measure.report", detail: expect.objectContaining({ clinician: clinic.clinician.userId }) }));
    await expect(getPrescriberReport(clinic.auditor, { clinician: clinic.auditor.userId, ...PERIOD })).rejects.toMatchObject({ code: "not-found", issues: [{ path: "clinician" }] });
    await expect(getPrescriberReport(clinic.auditor, { clinician: "me", ...PERIOD })).rejects.toMatchObject({ code: "invalid-input", issues: [{ path: "clinician" }] });
    await expect(getPrescriberReport(clinic.clinician, { clinician: clinic.clinician.userId, ...PERIOD })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("audits every auditor view and export with what was looked at", async () => {
    const id = "mme-50-without-naloxone";
    const dashboard = await listMeasures(clinic.auditor, PERIOD);
    expect(dashboard.measures.find((m) => m.id === id)).toMatchObject({
      total: { denominator: 1, numerator: 1 },
      byClinician: [{ label: clinic.clinician.name, numerator: 1, denominator: 1 }],
      bySite: [{ label: "Fixture Practice", numerator: 1, denominator: 1 }],
    });
    await getMeasure(clinic.auditor, { id, ...PERIOD, show: "denominator" });
    await exportMeasureCsv(clinic.auditor, { id, ...PERIOD, pseudonymized: "1" });
    await getMeasureReport(clinic.auditor, PERIOD);
    const events = await auditEventsOf(clinic.auditor.userId);
    expect(events.map((e) => e.action)).toEqual(["measure.report", "measure.export", "measure.read", "measure.dashboard"]);
    expect(events[1]).toMatchObject({ outcome: "success", entityType: "measure", detail: { measure: id, from: PERIOD.from, to: PERIOD.to, pseudonymized: true, rows: 1 } });
    // The export names whose records left, even in a pseudonymized file.
    const [exported] = (events[1]?.detail as { patients: string[] }).patients;
    expect((events[1]?.detail as { patients: string[] }).patients).toHaveLength(1);
    expect(await testDb().patient.findFirst({ where: { id: exported, organizationId: clinic.organizationId } })).not.toBeNull();
    expect(events[2]?.detail).toMatchObject({ measure: id, show: "denominator", pseudonymized: false });
  });

  it("only counts the auditor's own organization", async () => {
    const other = await createClinic();
    const patientId = await createPatientRow(other.organizationId, { givenName: "Otto", familyName: "Other", mrn: `O-${randomUUID().slice(0, 8)}` });
    await signedVisit(other.clinician, patientId, "2026-05-01", { assessment: { medications: [oxycodone60], opioidSafety: { naloxoneOnHand: false } } });
    await deriveFacts(other.organizationId);
    const mine = await getMeasure(clinic.auditor, { id: "mme-50-without-naloxone", ...PERIOD });
    expect(mine.total).toMatchObject({ denominator: 1, numerator: 1 });
    expect(mine.rows.map((r) => r.patientName)).toEqual(["Nora Naloxone"]);
  });
});

describe("bad input", () => {
  it("names the field for a reversed period, a bad date, a bad month or filter, and answers an unknown measure as not found", async () => {
    expect(await failure(listMeasures(clinic.auditor, { from: "2026-06-01", to: "2026-01-01" }))).toMatchObject({ code: "invalid-input", issues: [{ path: "from" }] });
    expect(await failure(listMeasures(clinic.auditor, { from: "2026-13-01" }))).toMatchObject({ code: "invalid-input", issues: [{ path: "from" }] });
    expect(await failure(listMeasures(clinic.auditor, { from: "2010-01-01", to: "2026-01-01" }))).toMatchObject({ issues: [{ path: "from", message: "a period is at most five years" }] });
    expect(await failure(getMeasure(clinic.auditor, { id: "mme-90", month: "2026-13" }))).toMatchObject({ issues: [{ path: "month" }] });
    expect(await failure(getMeasure(clinic.auditor, { id: "mme-90", clinician: "someone" }))).toMatchObject({ issues: [{ path: "clinician" }] });
    expect(await failure(getMeasure(clinic.auditor, { id: "mme-90", show: "everything" }))).toMatchObject({ issues: [{ path: "show" }] });
    expect(await failure(exportMeasureCsv(clinic.auditor, { id: "no-such-measure" }))).toMatchObject({ code: "not-found" });
  });
});

describe("exports", () => {
  it("exports the rows behind a number as CSV with names and MRNs", async () => {
    const { filename, csv } = await exportMeasureCsv(clinic.auditor, { id: "mme-50-without-naloxone", ...PERIOD });
    expect(filename).toBe("mme-50-without-naloxone_2026-01-01_2026-11-27.csv");
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe("measure,encounter_id,date,mrn,patient_name,clinician,site,in_numerator,excluded_because,naloxone_not_recorded,why_it_counts");
    // Why it counts: the dose and naloxone as recorded.
    expect(row).toMatch(/^mme-50-without-naloxone,[0-9a-f-]{36},2026-05-01,MRN-[0-9a-f]{8},Nora Naloxone,clinician [0-9a-f]{4},Fixture Practice,true,,false,\d+ MME\/day; naloxone not on hand$/);
    expect(end).toBe("");
  });

  it("pseudonymizes: no names, MRNs and encounter ids replaced by keyed hashes that are stable across exports", async () => {
    const mrn = (await testDb().patient.findFirstOrThrow({ where: { organizationId: clinic.organizationId, givenName: "Nora" } })).mrn;
    const first = await exportMeasureCsv(clinic.auditor, { id: "mme-50-without-naloxone", ...PERIOD, pseudonymized: "1" });
    const second = await exportMeasureCsv(clinic.auditor, { id: "mme-50-without-naloxone", ...PERIOD, pseudonymized: "1" });
    expect(first.csv).toBe(second.csv);
    expect(first.filename).toContain("_pseudonymized");
    expect(first.csv).not.toContain("Nora");
    expect(first.csv).not.toContain("Naloxone");
    expect(first.csv).not.toContain(mrn);
    const [header, row] = first.csv.split("\r\n");
    expect(header).toBe("measure,encounter_ref,date,patient_ref,clinician,site,in_numerator,excluded_because,naloxone_not_recorded,why_it_counts");
    expect(row).toMatch(/^mme-50-without-naloxone,E-[0-9a-f]{20},2026-05-01,P-[0-9a-f]{20},/);
    const screen = await getMeasure(clinic.auditor, { id: "mme-50-without-naloxone", ...PERIOD, pseudonymized: "1" });
    expect(screen.rows[0]).toMatchObject({ patientName: null, encounterId: null, patientRef: row!.split(",")[3] });
  });

  it("reports every measure with its definition, trend and spread", async () => {
    const report = await getMeasureReport(clinic.auditor, PERIOD);
    expect(report.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const naloxone = report.measures.find((m) => m.id === "mme-50-without-naloxone")!;
    expect(naloxone.total).toMatchObject({ denominator: 1, numerator: 1, rate: 1 });
    expect(naloxone.trend).toHaveLength(11);
    expect(naloxone.byClinician).toEqual([expect.objectContaining({ label: clinic.clinician.name, numerator: 1 })]);
    for (const measure of report.measures) expect(measure.definition.numerator.length).toBeGreaterThan(20);
  });
});

describe("facts written at signing", () => {
  it("keep each encounter's previous and next encounter dates right when an earlier-dated encounter is signed later", async () => {
    const patientId = await createPatientRow(clinic.organizationId, { givenName: "Lea", familyName: "Late", mrn: `L-${randomUUID().slice(0, 8)}` });
    const june = await signedVisit(clinic.clinician, patientId, "2026-06-01");
    await deriveFacts(clinic.organizationId);
    const episodes = () => getMeasure(clinic.auditor, { id: "imaging-new-episode-without-red-flag", ...PERIOD, show: "all" }).then((m) => m.rows.filter((r) => r.patientName === "Lea Late").map((r) => r.date));
    expect(await episodes()).toEqual(["2026-06-01"]);
    const march = await signedVisit(clinic.clinician, patientId, "2026-03-01");
    await deriveFacts(clinic.organizationId);
    expect((await testDb().encounterFact.findUniqueOrThrow({ where: { encounterId: march } })).nextEncounterDate).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect((await testDb().encounterFact.findUniqueOrThrow({ where: { encounterId: june } })).previousEncounterDate).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(await episodes()).toEqual(["2026-03-01"]);
  });

  it("match what derivation from the stored record gives", async () => {
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    const signed = assessment({ pain: { durationWeeks: 30, intensity: 7 }, medications: [oxycodone60], opioidSafety: { naloxoneOnHand: true, pdmpReviewedDaysAgo: 10 } });
    await signEncounter(clinic.clinician, {
      encounterId: id,
      version: 1,
      assessment: signed,
      orders: [{ kind: "medication", medication: { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }, supply: { quantity: 60, daysSupply: 30 } }, { kind: "pt_referral" }],
      decisions: [
        { target: "alert", itemKey: "opioid-benzodiazepine", response: "overridden", reasonCode: "specialist-managing", comment: "Psychiatry managing; taper planned." },
        { target: "alert", itemKey: "mme-50", response: "acknowledged" },
      ],
    }).catch(async (error: AppError) => {
      throw new Error(JSON.stringify(error.issues));
    });
    const written = await testDb().encounterFact.findUniqueOrThrow({ where: { encounterId: id } });
    expect(written).toMatchObject({
      encounterDate: new Date(`${toIsoDate(new Date())}T00:00:00Z`),
      clinicianId: clinic.clinician.userId,
      siteId: clinic.practiceId,
      chronic: true,
      opioidListed: true,
      opioidOrdered: false,
      benzodiazepine: true,
      mmeTotal: 60,
      naloxoneOnHand: true,
      pdmpDaysAgo: 10,
      nonDrugStarted: true,
    });
    const decision = await testDb().decision.findFirstOrThrow({ where: { encounterId: id, itemKey: "opioid-benzodiazepine" } });
    expect(decision.severity).toBe("critical");
    await testDb().encounterFact.delete({ where: { encounterId: id } });
    await deriveMissingFacts(testDb(), clinic.organizationId);
    expect(await testDb().encounterFact.findUniqueOrThrow({ where: { encounterId: id } })).toEqual(written);
  });

  it("are re-derived from the reconciled list when an older derivation wrote them, with one audit event per organization", async () => {
    const patientId = await createPatientRow(clinic.organizationId, { givenName: "Rex", familyName: "Renewed", mrn: `R-${randomUUID().slice(0, 8)}` });
    const oxycodone = { drug: "oxycodone" as const, doseMg: 10, dosesPerDay: 4 };
    const renewed = await signedVisit(clinic.clinician, patientId, "2026-06-01", { assessment: { medications: [oxycodone] }, orders: [{ kind: "medication", medication: oxycodone }] });
    const untouched = await signedVisit(clinic.clinician, patientId, "2026-07-01", { assessment: { medications: [oxycodone] } });
    await deriveFacts(clinic.organizationId);
    // As the first derivation stored a renewal signed before reconciliation: the MME shown, doubled.
    await testDb().encounterFact.updateMany({ where: { encounterId: { in: [renewed, untouched] } }, data: { derivationVersion: 1 } });
    await testDb().encounterFact.update({ where: { encounterId: renewed }, data: { mmeTotal: 120, mmeComputed: 120 } });
    const before = (await testDb().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

    const result = await rederiveOutdatedFacts(testDb());
    expect(result.examined).toBeGreaterThanOrEqual(2);
    expect(await testDb().encounterFact.findUniqueOrThrow({ where: { encounterId: renewed } })).toMatchObject({ mmeTotal: 60, mmeComputed: 60, derivationVersion: FACT_DERIVATION });
    expect(await testDb().encounterFact.findUniqueOrThrow({ where: { encounterId: untouched } })).toMatchObject({ mmeTotal: 60, derivationVersion: FACT_DERIVATION });
    const events = await testDb().auditEvent.findMany({ where: { id: { gt: before }, action: "measure.facts-rederive", organizationId: clinic.organizationId } });
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toMatchObject({ derivation: FACT_DERIVATION, examined: 2, changed: 1 });
    // The signed record is left as it was shown.
    expect(await testDb().recommendation.count({ where: { encounterId: renewed } })).toBe(1);

    expect(await rederiveOutdatedFacts(testDb())).toEqual({ examined: 0, changed: 0 });
  });
});

describe("a visit signed in the workspace", () => {
  it("queues its patient rather than counting in the signing, and the next measure view counts it", async () => {
    const clinic = await createClinic();
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    const signed = assessment({ pain: { durationWeeks: 30, intensity: 7 }, medications: [oxycodone60], opioidSafety: { naloxoneOnHand: false } });
    await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: signed, decisions: [{ target: "alert", itemKey: "mme-50", response: "acknowledged" }] });
    expect(await testDb().measurePending.count({ where: { patientId: clinic.unreferredPatientId } })).toBe(1);
    expect(await testDb().measureCase.count({ where: { encounterId: id } })).toBe(0);

    const today = toIsoDate(new Date());
    const detail = await getMeasure(clinic.auditor, { id: "mme-50-without-naloxone", from: today, to: today, show: "all" });
    expect(detail.total).toMatchObject({ denominator: 1, numerator: 1 });
    expect(detail.rows.map((row) => row.encounterId)).toEqual([id]);
    expect(await testDb().measurePending.count({ where: { patientId: clinic.unreferredPatientId } })).toBe(0);
  });
});
