import { randomUUID } from "node:crypto";
import type { MeasureCase } from "../lib/db/generated/client";
import { describe, expect, it } from "vitest";
import { getMeasure } from "../lib/measures/measures-data";
import type { Medication } from "../lib/ladder/assessment-schema";
import type { Actor } from "../lib/access/actor";
import { createClinic, createPatientRow, testDb, type Clinic } from "./support/fixtures";
import { deriveFacts, signedVisit } from "./support/signed-visits";
import { rebuildMeasureCasesIfOutdated, refreshQueuedMeasureCases } from "../lib/measures/measure-cases";
import { computeMeasure } from "../lib/measures/measure-queries";
import { MEASURES } from "../lib/measures/measure-definitions";
import { monthLastDay } from "../lib/measures/period";

// Each measure against hand-built data whose numerator, denominator and exclusions are known.

const PERIOD = { from: "2026-01-01", to: "2026-11-27" };

const oxycodone = (doseMg?: number, dosesPerDay = 4): Medication => ({ drug: "oxycodone", form: "ir", ...(doseMg ? { doseMg, dosesPerDay } : {}) });
const alprazolam: Medication = { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 };
const buprenorphine: Medication = { drug: "buprenorphine", doseMg: 8, dosesPerDay: 2 };
const CAUDA_EQUINA = ["saddle-anesthesia", "urinary-retention"] as const;

async function patient(clinic: Clinic, label: string): Promise<string> {
  return createPatientRow(clinic.organizationId, { givenName: label, familyName: "Case", mrn: `${label}-${randomUUID().slice(0, 8)}` });
}

async function measure(clinic: Clinic, id: string, extra: object = {}) {
  await deriveFacts(clinic.organizationId);
  return getMeasure(clinic.auditor, { id, ...PERIOD, show: "all", ...extra });
}

const counts = (detail: Awaited<ReturnType<typeof measure>>) => ({
  denominator: detail.total.denominator,
  numerator: detail.total.numerator,
  excluded: detail.total.excluded,
  flagged: detail.total.flagged,
});
const namesOf = (detail: Awaited<ReturnType<typeof measure>>, which: (row: (typeof detail.rows)[number]) => boolean) =>
  detail.rows.filter(which).map((row) => row.patientName?.split(" ")[0]).sort();

describe("measure 1: opioids started without a documented prior non-drug step", () => {
  it("counts chronic-pain opioid starts, finds prior steps at this or earlier encounters, and applies each exclusion", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    const start = (overrides = {}) => ({ assessment: overrides, orders: [{ kind: "medication" as const, medication: oxycodone(5, 3) }] });
    await signedVisit(c, await patient(clinic, "Ana"), "2026-06-01", start());
    const ben = await patient(clinic, "Ben");
    await signedVisit(c, ben, "2026-03-01", { orders: [{ kind: "pt_referral", code: "physical-therapy" }] });
    await signedVisit(c, ben, "2026-06-01", start());
    await signedVisit(c, await patient(clinic, "Cara"), "2026-06-01", start({ treatments: [{ therapy: "physical-therapy", status: "completed", weeks: 8, response: "none" }] }));
    await signedVisit(c, await patient(clinic, "Jon"), "2026-06-01", start({ treatments: [{ therapy: "bed-rest", status: "completed", weeks: 2 }] }));
    // Not opioid starts: already on one, acute pain, before the period.
    await signedVisit(c, await patient(clinic, "Dan"), "2026-06-01", { assessment: { medications: [oxycodone(5)] }, orders: [{ kind: "medication", medication: oxycodone(5) }] });
    await signedVisit(c, await patient(clinic, "Hal"), "2026-06-01", start({ pain: { durationWeeks: 6, intensity: 7 } }));
    await signedVisit(c, await patient(clinic, "Ian"), "2025-06-01", start());
    // Exclusions.
    await signedVisit(c, await patient(clinic, "Eve"), "2026-06-01", start({ redFlags: ["cancer-history"] }));
    await signedVisit(c, await patient(clinic, "Fay"), "2026-06-01", { assessment: { conditions: ["opioid-use-disorder"] }, orders: [{ kind: "medication", medication: buprenorphine }] });
    await signedVisit(c, await patient(clinic, "Gus"), "2026-06-01", start({ redFlags: [...CAUDA_EQUINA] }));

    const detail = await measure(clinic, "opioid-start-without-non-drug-step");
    expect(counts(detail)).toEqual({ denominator: 4, numerator: 2, excluded: 3, flagged: 0 });
    expect(namesOf(detail, (r) => r.excluded === null && r.numerator)).toEqual(["Ana", "Jon"]);
    expect(detail.exclusions.map((e) => e.reason).sort()).toEqual(["cancer history", "opioid use disorder on buprenorphine", "red flag: urgent work-up"]);
  });
});

describe("measure 2: patients at or above 50 MME/day without naloxone", () => {
  it("judges each patient at their latest encounter, flags naloxone not recorded, and excludes unknown doses below 50", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    const at60 = (naloxone: boolean | undefined, extra = {}) => ({ assessment: { medications: [oxycodone(10)], opioidSafety: naloxone === undefined ? {} : { naloxoneOnHand: naloxone }, ...extra } });
    await signedVisit(c, await patient(clinic, "Ana"), "2026-05-01", at60(false));
    await signedVisit(c, await patient(clinic, "Ben"), "2026-05-01", at60(true));
    await signedVisit(c, await patient(clinic, "Cara"), "2026-05-01", at60(undefined));
    await signedVisit(c, await patient(clinic, "Dan"), "2026-05-01", { assessment: { medications: [oxycodone(5)] } });
    const eli = await patient(clinic, "Eli");
    await signedVisit(c, eli, "2026-03-10", at60(false));
    await signedVisit(c, eli, "2026-05-01", { assessment: { medications: [oxycodone(5)], opioidSafety: { naloxoneOnHand: false } } });
    // Ordered at the visit: the dose shown includes the order; re-ordering what is already taken counts once.
    const hydrocodone = { drug: "hydrocodone" as const, doseMg: 10, dosesPerDay: 3 };
    await signedVisit(c, await patient(clinic, "Oda"), "2026-05-01", { assessment: { medications: [oxycodone(5)], opioidSafety: { naloxoneOnHand: false } }, orders: [{ kind: "medication", medication: hydrocodone }] });
    await signedVisit(c, await patient(clinic, "Pia"), "2026-05-01", { assessment: { medications: [oxycodone(5)], opioidSafety: { naloxoneOnHand: false } }, orders: [{ kind: "medication", medication: oxycodone(5) }] });
    // Naloxone prescribed at the visit is on hand; a dose changed down to 30 MME/day leaves the denominator.
    await signedVisit(c, await patient(clinic, "Rae"), "2026-05-01", { ...at60(false), orders: [{ kind: "naloxone" }] });
    await signedVisit(c, await patient(clinic, "Sam"), "2026-05-01", { ...at60(false), orders: [{ kind: "medication", action: "change", medication: oxycodone(5) }] });
    await signedVisit(c, await patient(clinic, "Fay"), "2026-05-01", { assessment: { medications: [oxycodone()] } });
    await signedVisit(c, await patient(clinic, "Gus"), "2026-05-01", at60(false, { redFlags: ["cancer-history"] }));

    const detail = await measure(clinic, "mme-50-without-naloxone");
    expect(counts(detail)).toEqual({ denominator: 5, numerator: 3, excluded: 2, flagged: 1 });
    expect(namesOf(detail, (r) => r.excluded === null && r.numerator)).toEqual(["Ana", "Cara", "Oda"]);
    expect(namesOf(detail, (r) => r.excluded === null && !r.numerator)).toEqual(["Ben", "Rae"]);
    expect(detail.exclusions.map((e) => e.reason).sort()).toEqual(["MME not computable", "cancer history"]);
    // Eli was at 60 MME without naloxone in March: that month counts him, the period (his latest state) does not.
    expect(detail.trend.find((m) => m.month === "2026-03")).toMatchObject({ denominator: 1, numerator: 1 });
    expect(detail.trend.find((m) => m.month === "2026-05")).toMatchObject({ denominator: 5, numerator: 3 });
  });
});

describe("measure 3: an opioid and a benzodiazepine together", () => {
  it("counts patients on an opioid whose same encounter shows a benzodiazepine, listed or ordered", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    await signedVisit(c, await patient(clinic, "Ana"), "2026-04-01", { assessment: { medications: [oxycodone(5), alprazolam] } });
    await signedVisit(c, await patient(clinic, "Ben"), "2026-04-01", { assessment: { medications: [oxycodone(5)] }, orders: [{ kind: "medication", medication: alprazolam }] });
    await signedVisit(c, await patient(clinic, "Cara"), "2026-04-01", { assessment: { medications: [oxycodone(5)] } });
    await signedVisit(c, await patient(clinic, "Dan"), "2026-04-01", { assessment: { medications: [alprazolam] } });
    await signedVisit(c, await patient(clinic, "Eve"), "2026-04-01", { assessment: { medications: [buprenorphine, { drug: "diazepam", doseMg: 5, dosesPerDay: 2 }], conditions: ["opioid-use-disorder"] } });

    const detail = await measure(clinic, "opioid-with-benzodiazepine");
    expect(counts(detail)).toEqual({ denominator: 3, numerator: 2, excluded: 1, flagged: 0 });
    expect(namesOf(detail, (r) => r.excluded === null && r.numerator)).toEqual(["Ana", "Ben"]);
  });
});

describe("measure 4: patients at or above 90 MME/day", () => {
  it("counts 90 exactly, counts an unknown dose whose known part reaches 90, and excludes other unknown doses", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    await signedVisit(c, await patient(clinic, "Ana"), "2026-04-01", { assessment: { medications: [{ drug: "morphine", form: "er", doseMg: 60, dosesPerDay: 2 }] } });
    await signedVisit(c, await patient(clinic, "Ben"), "2026-04-01", { assessment: { medications: [oxycodone(10)] } });
    await signedVisit(c, await patient(clinic, "Cara"), "2026-04-01", { assessment: { medications: [oxycodone(15)] } });
    await signedVisit(c, await patient(clinic, "Dan"), "2026-04-01", { assessment: { medications: [oxycodone(), { drug: "morphine", doseMg: 100, dosesPerDay: 1 }] } });
    await signedVisit(c, await patient(clinic, "Eve"), "2026-04-01", { assessment: { medications: [oxycodone()] } });
    await signedVisit(c, await patient(clinic, "Fay"), "2026-04-01", { assessment: { medications: [{ drug: "morphine", form: "er", doseMg: 60, dosesPerDay: 2 }], redFlags: ["cancer-history"] } });

    const detail = await measure(clinic, "mme-90");
    expect(counts(detail)).toEqual({ denominator: 4, numerator: 3, excluded: 2, flagged: 0 });
    expect(namesOf(detail, (r) => r.excluded === null && r.numerator)).toEqual(["Ana", "Cara", "Dan"]);
    expect(namesOf(detail, (r) => r.excluded === "MME not computable")).toEqual(["Eve"]);
    // Each case says why: the dose, or what of it is known.
    const why = (name: string) => detail.rows.find((r) => r.patientName?.startsWith(name))?.why;
    expect(why("Ana")).toBe("120 MME/day");
    expect(why("Cara")).toBe("90 MME/day");
    expect(why("Dan")).toBe("MME not computable (at least 100 MME/day known)");
  });
});

describe("measure 5: imaging within 28 days of a new episode without a red flag", () => {
  it("finds new episodes, imaging up to day 28, and excludes red flags in that window and ages outside 18 to 75", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    const imaging = [{ kind: "imaging" as const, code: "imaging", study: "MRI lumbar spine" }];
    await signedVisit(c, await patient(clinic, "Ana"), "2026-05-01", { orders: imaging });
    const ben = await patient(clinic, "Ben");
    await signedVisit(c, ben, "2026-05-01");
    await signedVisit(c, ben, "2026-05-29", { orders: imaging });
    const cara = await patient(clinic, "Cara");
    await signedVisit(c, cara, "2026-05-01");
    await signedVisit(c, cara, "2026-05-30", { orders: imaging });
    // Dan's second visit is within 180 days of his first, so only the first is a new episode (imaging 61 days on).
    const dan = await patient(clinic, "Dan");
    await signedVisit(c, dan, "2026-03-01");
    await signedVisit(c, dan, "2026-05-01", { orders: imaging });
    await signedVisit(c, await patient(clinic, "Old"), "2026-05-01", { assessment: { patient: { ageYears: 80 } }, orders: imaging });
    await signedVisit(c, await patient(clinic, "Eve"), "2026-05-01", { assessment: { redFlags: [...CAUDA_EQUINA] }, orders: [{ kind: "imaging", code: "urgent-imaging" }] });
    const fay = await patient(clinic, "Fay");
    await signedVisit(c, fay, "2026-05-01");
    await signedVisit(c, fay, "2026-05-20", { assessment: { redFlags: ["fever", "iv-drug-use"] }, orders: imaging });

    const detail = await measure(clinic, "imaging-new-episode-without-red-flag");
    expect(counts(detail)).toEqual({ denominator: 4, numerator: 2, excluded: 2, flagged: 0 });
    expect(namesOf(detail, (r) => r.excluded === null && r.numerator)).toEqual(["Ana", "Ben"]);
    expect(namesOf(detail, (r) => r.excluded !== null)).toEqual(["Eve", "Fay"]);
    expect(detail.rows.find((r) => r.patientName?.startsWith("Dan"))?.date).toBe("2026-03-01");
    const why = (name: string) => detail.rows.find((r) => r.patientName?.startsWith(name))?.why;
    expect(why("Ben")).toBe("MRI lumbar spine ordered on 2026-05-29");
    expect(why("Dan")).toBe("no imaging within 28 days");
  });
});

describe("measure 6: critical alerts overridden", () => {
  it("counts overrides of critical alerts with and without a comment, by alert, clinician and site", async () => {
    const clinic = await createClinic();
    const secondSite = randomUUID();
    await testDb().site.create({ data: { id: secondSite, organizationId: clinic.organizationId, name: "Second Practice", kind: "primary_care" } });
    const other: Actor = { ...clinic.clinician, userId: randomUUID(), name: "Dr. Second", email: `second-${randomUUID()}@fixture.test`, siteId: secondSite };
    await testDb().user.create({ data: { id: other.userId, organizationId: clinic.organizationId, siteId: secondSite, email: other.email, name: other.name, role: "clinician" } });
    const answer = (itemKey: string, response: "acknowledged" | "overridden", severity: string, comment?: string) => ({ decisions: () => [{ target: "alert" as const, itemKey, response, severity, comment }] });
    const p = await patient(clinic, "Ana");
    await signedVisit(clinic.clinician, p, "2026-02-01", answer("opioid-benzodiazepine", "overridden", "critical", "Short course agreed with psychiatry."));
    await signedVisit(clinic.clinician, p, "2026-03-01", answer("mme-90", "acknowledged", "critical"));
    await signedVisit(other, p, "2026-04-01", answer("opioid-benzodiazepine", "overridden", "critical"));
    await signedVisit(other, p, "2026-04-02", answer("mme-50", "overridden", "warning", "Reviewed."));

    const detail = await measure(clinic, "critical-alert-overrides");
    expect(counts(detail)).toEqual({ denominator: 3, numerator: 2, excluded: 0, flagged: 1 });
    expect(detail.byCategory.map((r) => [r.key, r.numerator, r.denominator])).toEqual([
      ["opioid-benzodiazepine", 2, 2],
      ["mme-90", 0, 1],
    ]);
    expect(detail.byClinician.map((r) => [r.label, r.numerator, r.denominator])).toEqual([
      [clinic.clinician.name, 1, 2],
      ["Dr. Second", 1, 1],
    ]);
    expect(detail.bySite.map((r) => [r.label, r.numerator, r.denominator])).toEqual([
      ["Fixture Practice", 1, 2],
      ["Second Practice", 1, 1],
    ]);
    const drilled = await getMeasure(clinic.auditor, { id: "critical-alert-overrides", ...PERIOD, clinician: other.userId });
    expect(drilled.rows.map((r) => [r.date, r.category, r.flag])).toEqual([["2026-04-01", "opioid-benzodiazepine", false]]);
    const commented = detail.rows.find((r) => r.date === "2026-02-01");
    expect(commented).toMatchObject({ why: "opioid-benzodiazepine: overridden, reason: other", note: "Short course agreed with psychiatry." });
    const pseudonymized = await getMeasure(clinic.auditor, { id: "critical-alert-overrides", ...PERIOD, show: "all", pseudonymized: "1" });
    expect(pseudonymized.rows.find((r) => r.date === "2026-02-01")).toMatchObject({ why: "opioid-benzodiazepine: overridden, reason: other", note: null });
  });
});

describe("measure 7: long-term opioid therapy with monitoring overdue", () => {
  it("finds long-term therapy by course length or an earlier opioid encounter, and says which check is overdue", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    const longTerm = (safety: object, extra = {}) => ({
      assessment: { medications: [oxycodone(5)], treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 20 }], opioidSafety: safety, ...extra },
    });
    await signedVisit(c, await patient(clinic, "Ana"), "2026-06-01", longTerm({ pdmpReviewedDaysAgo: 30, urineDrugTestDaysAgo: 100 }));
    await signedVisit(c, await patient(clinic, "Ben"), "2026-06-01", longTerm({ pdmpReviewedDaysAgo: 120, urineDrugTestDaysAgo: 100 }));
    await signedVisit(c, await patient(clinic, "Cara"), "2026-06-01", longTerm({ pdmpReviewedDaysAgo: 30 }));
    const dan = await patient(clinic, "Dan");
    await signedVisit(c, dan, "2026-02-01", { assessment: { medications: [oxycodone(5)] } });
    await signedVisit(c, dan, "2026-06-01", { assessment: { medications: [oxycodone(5)] } });
    await signedVisit(c, await patient(clinic, "Eve"), "2026-06-01", { assessment: { medications: [oxycodone(5)] } });
    await signedVisit(c, await patient(clinic, "Fay"), "2026-06-01", longTerm({}, { redFlags: ["cancer-history"] }));

    const detail = await measure(clinic, "long-term-opioid-monitoring-overdue");
    expect(counts(detail)).toEqual({ denominator: 4, numerator: 3, excluded: 1, flagged: 2 });
    expect(detail.rows.filter((r) => r.excluded === null && r.numerator).map((r) => [r.patientName?.split(" ")[0], r.category]).sort()).toEqual([
      ["Ben", "PDMP review"],
      ["Cara", "urine drug test"],
      ["Dan", "both"],
    ]);
    expect(detail.rows.find((r) => r.patientName?.startsWith("Ben"))?.why).toBe("PDMP review last on 2026-02-01 (overdue); urine drug test last on 2026-02-21");
    expect(detail.rows.find((r) => r.patientName?.startsWith("Dan"))?.why).toBe("PDMP review never recorded; urine drug test never recorded");
  });
});

describe("measure 8: new chronic low back pain whose first step was non-drug", () => {
  it("credits a PT referral, an accepted non-drug suggestion or a program under way, never with an opioid", async () => {
    const clinic = await createClinic();
    const c = clinic.clinician;
    await signedVisit(c, await patient(clinic, "Ana"), "2026-05-01", { orders: [{ kind: "pt_referral", code: "physical-therapy" }] });
    await signedVisit(c, await patient(clinic, "Ben"), "2026-05-01", {
      decisions: (shown) => {
        const nonDrug = shown.next.find((s) => s.step === "conservative");
        if (!nonDrug) throw new Error("expected a conservative suggestion");
        return [{ target: "suggestion", itemKey: nonDrug.id, response: "accepted" }];
      },
    });
    await signedVisit(c, await patient(clinic, "Cara"), "2026-05-01", { orders: [{ kind: "medication", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 } }] });
    await signedVisit(c, await patient(clinic, "Dan"), "2026-05-01", { orders: [{ kind: "pt_referral", code: "physical-therapy" }, { kind: "medication", medication: oxycodone(5, 3) }] });
    await signedVisit(c, await patient(clinic, "Eve"), "2026-05-01", { assessment: { redFlags: [...CAUDA_EQUINA] }, orders: [{ kind: "pt_referral", code: "physical-therapy" }] });
    await signedVisit(c, await patient(clinic, "Acu"), "2026-05-01", { assessment: { pain: { durationWeeks: 6, intensity: 6 } }, orders: [{ kind: "pt_referral", code: "physical-therapy" }] });
    const gil = await patient(clinic, "Gil");
    await signedVisit(c, gil, "2026-03-01");
    await signedVisit(c, gil, "2026-05-01", { orders: [{ kind: "pt_referral", code: "physical-therapy" }] });
    await signedVisit(c, await patient(clinic, "Hana"), "2026-05-01", { assessment: { treatments: [{ therapy: "home-exercise", status: "current", weeks: 3, adherencePercent: 80 }] } });

    const detail = await measure(clinic, "new-chronic-pain-non-drug-first");
    expect(counts(detail)).toEqual({ denominator: 6, numerator: 3, excluded: 1, flagged: 0 });
    expect(namesOf(detail, (r) => r.excluded === null && r.numerator)).toEqual(["Ana", "Ben", "Hana"]);
    expect(namesOf(detail, (r) => r.excluded === null && !r.numerator)).toEqual(["Cara", "Dan", "Gil"]);
    expect(detail.better).toBe("higher");
  });
});

describe("measure cases", () => {
  // Runs after the measures above, so the tables hold every case they built, visit by visit and out of date order.
  it("kept current as each visit's facts are written, equal what a rebuild from all the facts gives", async () => {
    const cases = () => testDb().measureCase.findMany({ orderBy: [{ measure: "asc" }, { encounterId: "asc" }, { caseKey: "asc" }] });
    const months = async () =>
      (await testDb().measureMonth.findMany({ where: { cases: { not: 0 } } }))
        .map(({ id: _id, ...row }) => JSON.stringify(row))
        .sort();
    // Visits signed in the workspace by other tests wait in the queue; kept current means once it is worked.
    await refreshQueuedMeasureCases(testDb());
    const [keptCases, keptMonths] = [await cases(), await months()];
    expect(new Set(keptCases.map((row) => row.measure))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(await testDb().measureMonth.count({ where: { cases: { lt: 0 } } })).toBe(0);

    await testDb().measureCaseBuild.deleteMany();
    expect(await rebuildMeasureCasesIfOutdated(testDb())).toBeGreaterThan(0);
    expect(await cases()).toEqual(keptCases);
    expect(await months()).toEqual(keptMonths);
    expect(await rebuildMeasureCasesIfOutdated(testDb())).toBe(0);
  });

  it("give any period, whole months or not, the figures and trend counted from the cases themselves", async () => {
    // Its own patients too, so it never passes on an empty table: Ana's March visit is her latest up to May 20 (her
    // next is on May 25), Ben's April visit is not (his next is May 10), Cara's visits sit in partial months.
    const clinic = await createClinic();
    const c = clinic.clinician;
    const onOxycodone = { assessment: { medications: [oxycodone(10)], opioidSafety: { naloxoneOnHand: false } } };
    const ana = await patient(clinic, "Ana");
    await signedVisit(c, ana, "2026-03-10", onOxycodone);
    await signedVisit(c, ana, "2026-05-25", onOxycodone);
    const ben = await patient(clinic, "Ben");
    await signedVisit(c, ben, "2026-04-05", onOxycodone);
    await signedVisit(c, ben, "2026-05-10", { assessment: { medications: [oxycodone(5)] } });
    const cara = await patient(clinic, "Cara");
    await signedVisit(c, cara, "2026-02-12", { ...onOxycodone, orders: [{ kind: "imaging", code: "mri-lumbar" }] });
    await signedVisit(c, cara, "2026-06-03");
    await deriveFacts(clinic.organizationId);
    const waitingOnMay = await testDb().measureCase.count({ where: { organizationId: clinic.organizationId, caseDate: { lt: new Date("2026-05-01") }, nextEncounterDate: { gt: new Date("2026-05-20"), lte: new Date("2026-05-31") } } });
    expect(waitingOnMay).toBeGreaterThan(0);

    const organizations = (await testDb().measureCase.findMany({ distinct: ["organizationId"], select: { organizationId: true } })).map((row) => row.organizationId);
    const periods = [
      { from: "2026-01-01", to: "2026-11-27" },
      { from: "2025-06-15", to: "2026-05-31" },
      { from: "2026-03-01", to: "2026-05-31" },
      { from: "2026-05-02", to: "2026-05-20" },
      { from: "2026-02-10", to: "2026-06-09" },
      { from: "2025-01-01", to: "2026-12-31" },
      { from: "2026-03-01", to: "2026-05-28" },
      { from: "2025-12-01", to: "2026-04-01" },
      { from: "2026-01-01", to: "2026-05-20" },
    ];
    for (const organizationId of organizations) {
      for (const definition of MEASURES) {
        const cases = await testDb().measureCase.findMany({ where: { organizationId, measure: definition.number } });
        for (const period of periods) {
          const { breakdown, trend } = await computeMeasure(definition, { organizationId, ...period });
          const total = breakdown.find((row) => row.dimension === "total");
          expect({ measure: definition.id, period, ...pick(total!) }).toEqual({ measure: definition.id, period, ...countedFromCases(cases, definition, period.from, period.to, period.to) });
          for (const month of trend) {
            const first = month.month === period.from.slice(0, 7) ? period.from : `${month.month}-01`;
            const last = month.month === period.to.slice(0, 7) ? period.to : monthLastDay(`${month.month}-01`);
            expect({ measure: definition.id, month: month.month, ...pick(month) }).toEqual({ measure: definition.id, month: month.month, ...countedFromCases(cases, definition, first, last, last) });
          }
        }
      }
    }
  }, 120_000);
});

const pick = ({ denominator, numerator, excluded, flagged }: { denominator: number; numerator: number; excluded: number; flagged: number }) => ({ denominator, numerator, excluded, flagged });

/**
 * The figures straight from an organization's measure_case rows for one measure, counted here rather than in SQL: its
 * cases dated from..to, a patient-level one only when its next encounter is after `end`.
 */
function countedFromCases(cases: readonly MeasureCase[], definition: (typeof MEASURES)[number], from: string, to: string, end: string) {
  const [start, stop, after] = [from, to, end].map((day) => new Date(day).getTime()) as [number, number, number];
  const rows = cases.filter((row) => {
    const day = row.caseDate.getTime();
    if (day < start || day > stop) return false;
    return !definition.perPatient || row.nextEncounterDate === null || row.nextEncounterDate.getTime() > after;
  });
  const counted = rows.filter((row) => row.excluded === null);
  return {
    denominator: counted.length,
    numerator: counted.filter((row) => row.numerator).length,
    excluded: rows.length - counted.length,
    flagged: counted.filter((row) => row.numerator && row.flag).length,
  };
}
