import { beforeEach, describe, expect, it } from "vitest";
import { addAddendum, getEncounter, replayEncounter, saveDraft, signEncounter, startEncounter } from "../lib/encounters/encounters-data";
import { listReferrals } from "../lib/referrals/referrals-data";
import { type AppError } from "../lib/errors";
import { recommend } from "../lib/ladder/evaluate";
import { RULESET_VERSION } from "../lib/ladder/rule-registry";
import { assessment } from "./support/assessment";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";
import { signedVisit } from "./support/signed-visits";
import { addDays, toIsoDate } from "../lib/dates";
import { assessmentSchema } from "../lib/ladder/assessment-schema";
import { taperScheduleFor } from "../lib/ladder/taper-schedule";
import { taperProgressText } from "../lib/encounters/taper-progress";

let clinic: Clinic;

beforeEach(async () => {
  clinic = await createClinic();
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

async function draft(): Promise<{ id: string; version: number }> {
  const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
  return { id, version: 1 };
}

const completeAssessment = () => ({ ...assessment(), pain: { durationWeeks: 26, intensity: 6, aggravatedBy: ["flexion"], directionalPreference: "extension" } });

describe("startEncounter", () => {
  it("opens a draft for today with the patient's age and sex, and audits it", async () => {
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
    const row = await testDb().encounter.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "draft", version: 1, clinicianId: clinic.clinician.userId, patientId: clinic.referredPatientId });
    expect(row.assessment).toMatchObject({ profile: "us", patient: { sex: "female" }, redFlags: [] });
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "encounter.start", patientId: clinic.referredPatientId });
  });

  it("resumes today's draft instead of opening a second one, and audits the resumption", async () => {
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    expect(await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId })).toEqual({ id });
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    expect(await testDb().encounter.count({ where: { patientId: clinic.unreferredPatientId, status: "draft", date: today } })).toBe(1);
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "encounter.resume", entityId: id });
  });

  it("carries the last signed visit's history forward", async () => {
    const first = await draft();
    await signEncounter(clinic.clinician, { encounterId: first.id, version: 1, assessment: { ...completeAssessment(), conditions: ["ckd"], redFlags: ["night-pain"] } });
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
    const row = await testDb().encounter.findUniqueOrThrow({ where: { id } });
    expect(row.assessment).toMatchObject({ conditions: ["ckd"], redFlags: [], pain: { directionalPreference: "extension" } });
  });

  it("starts from the medicines the last signed visit left, with its naloxone and drug test counted", async () => {
    const first = await draft();
    const medications = [
      { drug: "oxycodone", doseMg: 10, dosesPerDay: 3 },
      { drug: "naproxen", doseMg: 500, dosesPerDay: 2 },
    ];
    await signEncounter(clinic.clinician, {
      encounterId: first.id,
      version: 1,
      assessment: { ...completeAssessment(), medications, opioidSafety: { naloxoneOnHand: false, pdmpReviewedDaysAgo: 3 } },
      orders: [
        { kind: "medication", action: "change", medication: { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 }, supply: { quantity: 90, daysSupply: 30 } },
        { kind: "medication", action: "stop", medication: { drug: "naproxen" } },
        { kind: "medication", medication: { drug: "duloxetine", doseMg: 30, dosesPerDay: 1 }, supply: { quantity: 30, daysSupply: 30 } },
        { kind: "naloxone" },
        { kind: "urine_drug_test" },
      ],
    });
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
    const row = await testDb().encounter.findUniqueOrThrow({ where: { id } });
    expect(row.assessment).toMatchObject({
      medications: [
        { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 },
        { drug: "duloxetine", doseMg: 30, dosesPerDay: 1 },
      ],
      opioidSafety: { naloxoneOnHand: true, pdmpReviewedDaysAgo: 3, urineDrugTestDaysAgo: 0 },
    });
  });

  it("shows the step due today of a taper agreed at an earlier signed visit", async () => {
    const onOxycodone = { pain: { durationWeeks: 200, intensity: 6 }, medications: [{ drug: "oxycodone" as const, doseMg: 20, dosesPerDay: 4 }] };
    // Agreed nine weeks and two days ago: the monthly schedule's week-8 step (80%) is in force, week 12 is next.
    const agreed = toIsoDate(addDays(new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`), -65));
    const signedId = await signedVisit(clinic.clinician, clinic.referredPatientId, agreed, { assessment: onOxycodone });
    const signed = await testDb().encounter.findUniqueOrThrow({ where: { id: signedId } });
    const schedule = taperScheduleFor(assessmentSchema.parse(signed.assessment));
    await testDb().order.create({
      data: { encounterId: signedId, patientId: clinic.referredPatientId, orderedById: clinic.clinician.userId, kind: "taper_plan", code: "opioid-taper-plan", detail: schedule as object },
    });
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.referredPatientId });
    const { draft: work } = await getEncounter(clinic.clinician, id);
    expect(work?.taper).toMatchObject({ orderedOn: agreed, week: 9, step: { week: 8, percentOfStart: 80, mmePerDay: 96 }, next: { week: 12, percentOfStart: 70 } });
    expect(taperProgressText(work!.taper!)).toBe(`agreed ${agreed}; week 9: 80% of the starting dose (oxycodone 64 mg a day, 96 MME/day); next step week 12, 70%`);
    // A patient without a taper shows none.
    const other = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    expect((await getEncounter(clinic.clinician, other.id)).draft?.taper).toBeNull();
  });

  it.each(["therapist", "auditor", "admin"] as const)("refuses a %s", async (who) => {
    expect((await failure(startEncounter(clinic[who], { patientId: clinic.referredPatientId })))?.code).toBe("forbidden");
  });

  it("cannot open a visit for another organization's patient", async () => {
    const other = await createClinic();
    expect((await failure(startEncounter(clinic.clinician, { patientId: other.referredPatientId })))?.code).toBe("not-found");
  });
});

describe("saveDraft", () => {
  it("saves and moves the version on", async () => {
    const { id } = await draft();
    expect(await saveDraft(clinic.clinician, { encounterId: id, version: 1, assessment: { pain: { intensity: 7 } } })).toEqual({ version: 2 });
    expect((await testDb().encounter.findUniqueOrThrow({ where: { id } })).assessment).toEqual({ pain: { intensity: 7 } });
  });

  it("keeps the visit's orders and decisions with the draft until it is signed", async () => {
    const { id } = await draft();
    const orders = [
      { kind: "pt_referral", priority: "soon", goals: "Walk 30 minutes" },
      { kind: "medication", action: "stop", medication: { drug: "naproxen" } },
      // A prescription still being written: the quantity is not entered yet.
      { kind: "medication", action: "new", medication: { drug: "duloxetine", doseMg: 30, dosesPerDay: 1 }, supply: { daysSupply: 30 } },
    ];
    const decisions = [{ target: "suggestion", itemKey: "ladder.conservative/physical-therapy", response: "declined", reasonCode: "patient-declined", comment: "Prefers to wait" }];
    await saveDraft(clinic.clinician, { encounterId: id, version: 1, assessment: { pain: { intensity: 7 } }, orders, decisions });
    const saved = await getEncounter(clinic.clinician, id);
    expect(saved.draft).toEqual({ orders, decisions, taper: null, profileLocked: false });
    await signEncounter(clinic.clinician, { encounterId: id, version: 2, assessment: completeAssessment() });
    expect(await testDb().encounter.findUniqueOrThrow({ where: { id }, select: { draftOrders: true, draftDecisions: true } })).toEqual({ draftOrders: [], draftDecisions: [] });
    expect((await getEncounter(clinic.clinician, id)).draft).toBeNull();
  });

  it("names a malformed order or decision in a draft and saves nothing", async () => {
    const { id } = await draft();
    const error = await failure(
      saveDraft(clinic.clinician, { encounterId: id, version: 1, assessment: {}, orders: [{ kind: "medication", medication: { drug: "unicorn" } }], decisions: [{ target: "alert", itemKey: "x", response: "maybe" }] }),
    );
    expect(error?.code).toBe("invalid-input");
    expect(error?.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["orders.0.medication.drug", "decisions.0.response"]));
    expect((await testDb().encounter.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("refuses a stale version with a conflict that names the current one, and keeps the newer save", async () => {
    const { id } = await draft();
    await saveDraft(clinic.clinician, { encounterId: id, version: 1, assessment: { pain: { intensity: 7 } } });
    const error = await failure(saveDraft(clinic.clinician, { encounterId: id, version: 1, assessment: { pain: { intensity: 2 } } }));
    expect(error).toMatchObject({ code: "conflict", issues: [{ path: "version", message: expect.stringContaining("version 2") }] });
    expect((await testDb().encounter.findUniqueOrThrow({ where: { id } })).assessment).toEqual({ pain: { intensity: 7 } });
  });

  it("refuses an auditor and bad input", async () => {
    const { id } = await draft();
    expect((await failure(saveDraft(clinic.auditor, { encounterId: id, version: 1, assessment: {} })))?.code).toBe("forbidden");
    expect((await failure(saveDraft(clinic.clinician, { encounterId: id, version: "x", assessment: [] })))?.issues.map((i) => i.path).sort()).toEqual(["assessment", "version"]);
  });
});

describe("signEncounter", () => {
  it("stores the recommendation, decisions and orders in one go, and sends the PT referral to the clinic's queue", async () => {
    const { id } = await draft();
    const first = await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), decisions: [], orders: [] });
    const second = await draft();
    const preview = first.recommendation;
    const result = await signEncounter(clinic.clinician, {
      encounterId: second.id,
      version: 1,
      assessment: completeAssessment(),
      decisions: [{ target: "suggestion", itemKey: preview.next[0]!.id, response: "accepted" }],
      orders: [{ kind: "pt_referral", priority: "soon", goals: "Walk 30 minutes" }],
    });
    expect(result.version).toBe(2);
    const row = await testDb().encounter.findUniqueOrThrow({ where: { id: second.id }, include: { recommendations: true, decisions: true, orders: true, referrals: true } });
    expect(row).toMatchObject({ status: "signed", signedById: clinic.clinician.userId, version: 2 });
    expect(row.recommendations).toHaveLength(1);
    expect(row.recommendations[0]).toMatchObject({ rulesetVersion: result.recommendation.rulesetVersion, step: "conservative", suspended: false });
    expect(row.decisions).toMatchObject([{ target: "suggestion", response: "accepted", itemKey: preview.next[0]!.id }]);
    expect(row.orders).toMatchObject([{ kind: "pt_referral", code: "physical-therapy" }]);
    expect(row.referrals[0]).toMatchObject({ toSiteId: clinic.clinicId, priority: "soon", classification: { tbcSubgroup: "specific-exercise-extension", redFlagsCleared: true, goals: "Walk 30 minutes" } });
    const queue = await listReferrals(clinic.therapist, {});
    expect(queue.map((r) => r.id)).toContain(row.referrals[0]!.id);
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "encounter.sign", entityId: second.id });
  });

  it("stores a taper plan ordered at the visit with the engine's schedule, and its medication actions", async () => {
    const { id } = await draft();
    const onOpioid = {
      ...completeAssessment(),
      medications: [{ drug: "oxycodone", doseMg: 20, dosesPerDay: 4 }],
      treatments: [{ therapy: "opioid", status: "current", weeks: 80, response: "none" }],
    };
    const shown = recommend(onOpioid);
    if (!shown.ok) throw new Error("the assessment should be complete");
    const critical = shown.recommendation.alerts.filter((a) => a.severity === "critical").map((a) => ({ target: "alert", itemKey: a.code, response: "acknowledged" }));
    const result = await signEncounter(clinic.clinician, {
      encounterId: id,
      version: 1,
      assessment: onOpioid,
      decisions: critical,
      orders: [{ kind: "taper_plan" }, { kind: "medication", action: "continue", medication: { drug: "oxycodone", doseMg: 20, dosesPerDay: 4 } }],
    });
    const orders = await testDb().order.findMany({ where: { encounterId: id }, orderBy: { kind: "asc" } });
    expect(orders.map((o) => [o.kind, o.medicationAction])).toEqual([
      ["medication", "continue"],
      ["taper_plan", null],
    ]);
    expect(orders.find((o) => o.kind === "taper_plan")?.detail).toEqual(result.recommendation.taperSchedule);
    expect(result.recommendation.taperSchedule?.steps[0]).toMatchObject({ week: 4, percentOfStart: 90 });
  });

  it("refuses a taper plan for a patient on no opioid for pain, naming the order, and saves nothing", async () => {
    const { id } = await draft();
    const error = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "pt_referral" }, { kind: "taper_plan" }] }));
    expect(error).toMatchObject({ code: "invalid-input", issues: [{ path: "orders.1", message: "no opioid for pain to taper" }] });
    expect(await testDb().order.count({ where: { encounterId: id } })).toBe(0);
    expect((await testDb().encounter.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("refuses an unknown medication action by name", async () => {
    const { id } = await draft();
    const error = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "medication", action: "double", medication: { drug: "naproxen" } }] }));
    expect(error?.code).toBe("invalid-input");
    expect(error?.issues.map((i) => i.path)).toContain("orders.0.action");
  });

  it("names the assessment's missing fields and saves nothing", async () => {
    const { id } = await draft();
    const error = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: { pain: { intensity: 12 } } }));
    expect(error?.code).toBe("invalid-input");
    expect(error?.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["assessment.pain.durationWeeks", "assessment.pain.intensity"]));
    const row = await testDb().encounter.findUniqueOrThrow({ where: { id }, include: { recommendations: true } });
    expect(row).toMatchObject({ status: "draft", version: 1 });
    expect(row.recommendations).toEqual([]);
  });

  it("puts an opioid order through only with the critical alert answered, and a comment to override it", async () => {
    const { id } = await draft();
    const onBenzodiazepine = { ...completeAssessment(), medications: [{ drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }] };
    const order = { kind: "medication", medication: { drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 4 }, supply: { quantity: 28, daysSupply: 7 } };
    const unanswered = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: onBenzodiazepine, orders: [order] }));
    expect(unanswered?.issues).toEqual(expect.arrayContaining([{ path: "decisions", message: expect.stringContaining("critical alert") }]));
    const override = { target: "alert", itemKey: "opioid-benzodiazepine", response: "overridden", reasonCode: "benefit-outweighs-risk" };
    const noComment = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: onBenzodiazepine, orders: [order], decisions: [override] }));
    expect(noComment?.issues).toEqual(expect.arrayContaining([{ path: "decisions.0.comment", message: "a comment is required to override a critical alert" }]));
    expect(await testDb().order.count({ where: { encounterId: id } })).toBe(0);

    // What the clinician sees at the order-select moment: the assessment with the drafted order included.
    const preview = recommend({ ...onBenzodiazepine, orders: [{ action: "new", medication: order.medication }] });
    if (!preview.ok) throw new Error("preview failed");
    expect(preview.recommendation.mme.totalPerDay).toBe(30);
    const critical = preview.recommendation.alerts.filter((a) => a.severity === "critical").map((a) => a.code);
    expect(critical).toContain("opioid-benzodiazepine");
    const decisions = critical.map((code) =>
      code === "opioid-benzodiazepine" ? { ...override, comment: "Short course agreed; benzodiazepine taper started" } : { target: "alert", itemKey: code, response: "acknowledged" },
    );
    await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: onBenzodiazepine, orders: [order], decisions });
    const stored = await testDb().decision.findFirstOrThrow({ where: { encounterId: id, itemKey: "opioid-benzodiazepine" } });
    expect(stored).toMatchObject({ severity: "critical", response: "overridden", reasonCode: "benefit-outweighs-risk", comment: "Short course agreed; benzodiazepine taper started" });
    expect(await testDb().order.findMany({ where: { encounterId: id }, select: { kind: true, code: true } })).toEqual([{ kind: "medication", code: "oxycodone" }]);
  });

  it("counts a re-ordered medicine once in the signed recommendation, and refuses the same medicine ordered twice", async () => {
    const { id } = await draft();
    const oxycodone = { drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 };
    const month = { quantity: 120, daysSupply: 30 };
    const onOxycodone = { ...completeAssessment(), medications: [oxycodone], opioidSafety: { naloxoneOnHand: true, pdmpReviewedDaysAgo: 10, urineDrugTestDaysAgo: 10 } };
    const pt = { kind: "pt_referral" };
    const twice = await failure(
      signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [pt, { kind: "medication", medication: oxycodone, supply: month }, { kind: "medication", medication: oxycodone, supply: month }] }),
    );
    expect(twice?.issues).toEqual([{ path: "orders.2", message: expect.stringContaining("already ordered at this visit") }]);
    const inside = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: { ...onOxycodone, orders: [] }, orders: [] }));
    expect(inside?.issues).toEqual([{ path: "assessment.orders", message: "send orders as the visit's orders" }]);

    const { recommendation } = await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: onOxycodone, orders: [{ kind: "medication", medication: oxycodone, supply: month }] });
    expect(recommendation.mme).toMatchObject({ currentPerDay: 60, totalPerDay: 60 });
    expect(recommendation.alerts.map((a) => a.code)).not.toContain("mme-90");
    const stored = await testDb().recommendation.findFirstOrThrow({ where: { encounterId: id }, select: { output: true } });
    expect(stored.output).toMatchObject({ contractVersion: "1.1", mme: { totalPerDay: 60 } });
  });

  it("refers to physical therapy once a visit, and the record names the clinic and how to reach it", async () => {
    const { id } = await draft();
    const twice = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "pt_referral" }, { kind: "naloxone" }, { kind: "pt_referral", goals: "Walk" }] }));
    expect(twice?.issues).toEqual([{ path: "orders.2", message: "physical therapy is already referred at this visit" }]);
    expect(await testDb().referral.count({ where: { encounterId: id } })).toBe(0);

    await testDb().site.updateMany({ where: { organizationId: clinic.organizationId, name: "Fixture PT" }, data: { phone: "(555) 010-7000", address: "1 Fixture Way" } });
    await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "pt_referral", goals: "Walk" }] });
    expect((await getEncounter(clinic.clinician, id)).ptClinic).toEqual({ name: "Fixture PT", phone: "(555) 010-7000", address: "1 Fixture Way" });
  });

  it("signs each prescription with what it dispenses, names a missing or misplaced supply, and the database holds the rule", async () => {
    const { id } = await draft();
    const onNaproxen = { ...completeAssessment(), medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] };
    const duloxetine = { drug: "duloxetine", doseMg: 30, dosesPerDay: 1 };
    const unwritten = await failure(
      signEncounter(clinic.clinician, {
        encounterId: id,
        version: 1,
        assessment: onNaproxen,
        orders: [
          { kind: "medication", medication: duloxetine, supply: { daysSupply: 30 } },
          { kind: "medication", action: "stop", medication: { drug: "naproxen" }, supply: { quantity: 60, daysSupply: 30 } },
        ],
      }),
    );
    expect(unwritten?.issues).toEqual([
      { path: "orders.0.supply", message: "enter the quantity to dispense and the days it covers" },
      { path: "orders.1.supply", message: "nothing is dispensed for a medicine to stop" },
    ]);
    const zeroDays = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: onNaproxen, orders: [{ kind: "medication", medication: duloxetine, supply: { quantity: 30, daysSupply: 0 } }] }));
    expect(zeroDays?.issues).toEqual([{ path: "orders.0.supply.daysSupply", message: "days' supply must be at least 1 day" }]);
    expect(await testDb().order.count({ where: { encounterId: id } })).toBe(0);

    await signEncounter(clinic.clinician, {
      encounterId: id,
      version: 1,
      assessment: onNaproxen,
      orders: [
        { kind: "medication", medication: duloxetine, supply: { quantity: 30, daysSupply: 30 } },
        { kind: "medication", action: "stop", medication: { drug: "naproxen" } },
      ],
    });
    const signed = await getEncounter(clinic.clinician, id);
    expect(signed.orders.map((o) => [o.code, o.medicationAction, o.supply])).toEqual([
      ["duloxetine", "new", { quantity: 30, daysSupply: 30 }],
      ["naproxen", "stop", null],
    ]);
    const stop = await testDb().order.findFirstOrThrow({ where: { encounterId: id, medicationAction: "stop" } });
    await expect(testDb().order.update({ where: { id: stop.id }, data: { quantity: 60, daysSupply: 30 } })).rejects.toThrow(/clinical_order_supply/);
    const dispensed = await testDb().order.findFirstOrThrow({ where: { encounterId: id, medicationAction: "new" } });
    await expect(testDb().order.update({ where: { id: dispensed.id }, data: { daysSupply: null } })).rejects.toThrow(/clinical_order_supply/);
  });

  it("stores imaging, injection and specialist orders with their detail, and names a bad order's fields", async () => {
    const { id } = await draft();
    const bad = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "imaging", code: "x-ray", study: "", reason: "" }] }));
    expect(bad?.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["orders.0.code", "orders.0.study", "orders.0.reason"]));
    await signEncounter(clinic.clinician, {
      encounterId: id,
      version: 1,
      assessment: completeAssessment(),
      orders: [
        { kind: "imaging", code: "imaging", study: "MRI lumbar spine", reason: "Planning an injection" },
        { kind: "injection", code: "medial-branch-block", level: "L4-L5", reason: "Localized facet pain" },
        { kind: "specialist_referral", code: "spine-surgery-referral", reason: "Persistent sciatica" },
      ],
    });
    const orders = await testDb().order.findMany({ where: { encounterId: id }, orderBy: { kind: "asc" }, select: { kind: true, code: true, detail: true } });
    expect(orders.map((o) => [o.kind, o.code])).toEqual([
      ["imaging", "imaging"],
      ["injection", "medial-branch-block"],
      ["specialist_referral", "spine-surgery-referral"],
    ]);
    expect(orders[1]?.detail).toMatchObject({ level: "L4-L5", reason: "Localized facet pain" });
  });

  it("refuses to sign twice or from a stale version", async () => {
    const { id } = await draft();
    await saveDraft(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment() });
    expect((await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment() })))?.code).toBe("conflict");
    await signEncounter(clinic.clinician, { encounterId: id, version: 2, assessment: completeAssessment() });
    expect((await failure(signEncounter(clinic.clinician, { encounterId: id, version: 3, assessment: completeAssessment() })))?.message).toMatch(/signed/);
  });

  it("refuses an auditor and a therapist", async () => {
    const { id } = await draft();
    for (const who of ["auditor", "therapist"] as const) {
      expect((await failure(signEncounter(clinic[who], { encounterId: id, version: 1, assessment: completeAssessment() })))?.code).toBe("forbidden");
    }
  });
});

describe("getEncounter and addenda", () => {
  it("shows the signed visit as it was, with addenda, to the clinician and the auditor, and audits each read", async () => {
    const { id } = await draft();
    const signed = await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment() });
    await addAddendum(clinic.clinician, { encounterId: id, text: "Pain started after a fall, not lifting." });
    for (const who of ["clinician", "auditor"] as const) {
      const detail = await getEncounter(clinic[who], id);
      expect(detail).toMatchObject({ status: "signed", version: 2, addenda: [{ text: "Pain started after a fall, not lifting." }] });
      expect(detail.recommendation).toEqual(signed.recommendation);
      expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "encounter.read", entityId: id });
    }
  });

  it("refuses a therapist and another organization", async () => {
    const { id } = await draft();
    expect((await failure(getEncounter(clinic.therapist, id)))?.code).toBe("forbidden");
    // The refusal names the visit asked for.
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "encounter.read", outcome: "denied", entityType: "encounter", entityId: id });
    const other = await createClinic();
    expect((await failure(getEncounter(other.clinician, id)))?.code).toBe("not-found");
  });

  it("audits writes to another organization's visit as denied, naming the visit, and changes nothing", async () => {
    const { id } = await draft();
    const other = await createClinic();
    expect((await failure(saveDraft(other.clinician, { encounterId: id, version: 1, assessment: {} })))?.code).toBe("not-found");
    expect((await failure(signEncounter(other.clinician, { encounterId: id, version: 1, assessment: completeAssessment() })))?.code).toBe("not-found");
    expect((await failure(addAddendum(other.clinician, { encounterId: id, text: "mine now" })))?.code).toBe("not-found");
    const events = await auditEventsOf(other.clinician.userId);
    expect(events.map((e) => [e.action, e.outcome, e.entityId])).toEqual([
      ["encounter.addendum", "denied", id],
      ["encounter.sign", "denied", id],
      ["encounter.save-draft", "denied", id],
    ]);
    expect(await testDb().encounter.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft", version: 1 });
  });

  it("keeps addenda for signed visits only", async () => {
    const { id } = await draft();
    expect((await failure(addAddendum(clinic.clinician, { encounterId: id, text: "x" })))?.code).toBe("conflict");
    expect((await failure(addAddendum(clinic.auditor, { encounterId: id, text: "x" })))?.code).toBe("forbidden");
  });
});

describe("replayEncounter", () => {
  it("replays a signed encounter through the current rule set, including its medication orders, for an auditor", async () => {
    const { id } = await draft();
    await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "medication", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 }, supply: { quantity: 60, daysSupply: 30 } }] });
    const same = await replayEncounter(clinic.auditor, id);
    expect(same).toMatchObject({ identical: true, stepThen: "conservative", stepNow: "conservative" });
    expect((await auditEventsOf(clinic.auditor.userId))[0]).toMatchObject({ action: "encounter.replay", entityId: id });

    // A recommendation stored by an older rule set that said something else shows up as a difference.
    const stored = await testDb().recommendation.findFirstOrThrow({ where: { encounterId: id } });
    const older = { ...(stored.output as object), rulesetVersion: "2025.01.0", ladder: { suspended: false, step: "pharmacologic", rationale: "older" }, alerts: [] };
    const olderRow = await testDb().recommendation.create({ data: { ...stored, id: undefined, output: older, createdAt: new Date(Date.now() + 1000) } });
    const differs = await replayEncounter(clinic.auditor, id);
    expect(differs).toMatchObject({ identical: false, rulesetThen: "2025.01.0", stepThen: "pharmacologic", stepNow: "conservative" });
    await testDb().recommendation.delete({ where: { id: olderRow.id } });
  });

  it("replays a record that ordered one medicine twice (signed before orders were reconciled) without its orders", async () => {
    const { id } = await draft();
    const naproxen = { drug: "naproxen", doseMg: 500, dosesPerDay: 2 };
    await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: completeAssessment(), orders: [{ kind: "medication", medication: naproxen, supply: { quantity: 60, daysSupply: 30 } }] });
    const first = await testDb().order.findFirstOrThrow({ where: { encounterId: id } });
    await testDb().order.create({ data: { encounterId: id, patientId: first.patientId, orderedById: first.orderedById, kind: "medication", medicationAction: "new", code: "naproxen", detail: naproxen } });
    const replay = await replayEncounter(clinic.auditor, id);
    expect(replay).toMatchObject({ rulesetNow: RULESET_VERSION, stepNow: "conservative" });
  });

  it("refuses a therapist and a draft", async () => {
    const { id } = await draft();
    expect((await failure(replayEncounter(clinic.therapist, id)))?.code).toBe("forbidden");
    expect((await failure(replayEncounter(clinic.auditor, id)))?.code).toBe("not-found");
  });
});
