import { describe, expect, it } from "vitest";
import { generateAssessments } from "@/tests/support/assessment-generator";
import { assessmentSchema } from "./assessment-schema";
import { reconcileOrders } from "./reconcile-orders";

// The engine reads every parsed object many times per evaluation, so objects of one kind must share one shape
// (the same keys in the same order, absent optional fields as undefined): the bench's speed rests on it.

const keysOf = (objects: object[]) => new Set(objects.map((o) => Object.keys(o).join(",")));

describe("parsed assessments have one shape per kind of object", () => {
  const parsed = generateAssessments(500).map((input) => assessmentSchema.parse(input));

  it("gives every object of a kind the same keys, whichever optional fields were given", () => {
    expect(keysOf(parsed)).toEqual(new Set(["profile,asOf,patient,pain,redFlags,screening,conditions,labs,treatments,medications,orders,opioidSafety,coverage,settings"]));
    expect(keysOf(parsed.flatMap((a) => [...a.medications, ...a.orders.map((o) => o.medication)]))).toEqual(new Set(["drug,form,doseMg,dosesPerDay,mcgPerHour,prn,indication"]));
    expect(keysOf(parsed.flatMap((a) => a.treatments))).toEqual(new Set(["therapy,status,weeks,sessions,adherencePercent,response"]));
    expect(keysOf(parsed.map((a) => a.patient))).toEqual(new Set(["ageYears,sex,pregnant,employment"]));
    expect(keysOf(parsed.map((a) => a.pain)).size).toBe(1);
    expect(keysOf(parsed.map((a) => a.screening))).toEqual(new Set(["startBack,peg,odi,phq2,gad2"]));
    expect(keysOf(parsed.map((a) => a.opioidSafety))).toEqual(new Set(["naloxoneOnHand,pdmpReviewedDaysAgo,urineDrugTestDaysAgo"]));
    expect(keysOf(parsed.map((a) => a.coverage))).toEqual(new Set(["ptVisitsUsedThisYear,ptVisitLimit"]));
  });

  it("fills a missing section with the same shape as a given one, defaults included", () => {
    const minimal = assessmentSchema.parse({ asOf: "2026-12-01", patient: { ageYears: 40 }, pain: { durationWeeks: 20, intensity: 5 } });
    expect(Object.keys(minimal.screening)).toEqual(["startBack", "peg", "odi", "phq2", "gad2"]);
    expect(minimal.coverage).toEqual({ ptVisitsUsedThisYear: undefined, ptVisitLimit: 20 });
    expect(Object.keys(minimal.coverage)).toEqual(["ptVisitsUsedThisYear", "ptVisitLimit"]);
    expect(minimal.settings).toEqual({ adherenceThresholdPercent: 60 });
  });

  it("keeps the absent fields out of JSON, so a stored or sent Assessment reads as it was given", () => {
    const minimal = assessmentSchema.parse({ asOf: "2026-12-01", patient: { ageYears: 40 }, pain: { durationWeeks: 20, intensity: 5 }, medications: [{ drug: "naproxen" }] });
    expect(JSON.parse(JSON.stringify(minimal.medications))).toEqual([{ drug: "naproxen" }]);
    expect(JSON.stringify(minimal.patient)).toBe('{"ageYears":40}');
  });

  it("gives a medication an order changed the shape of a parsed one", () => {
    const assessment = assessmentSchema.parse({
      asOf: "2026-12-01",
      patient: { ageYears: 40 },
      pain: { durationWeeks: 20, intensity: 5 },
      medications: [{ drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 4 }],
      orders: [{ action: "change", medication: { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 } }],
    });
    const [changed] = reconcileOrders(assessment.medications, assessment.orders).medications;
    expect(Object.keys(changed as object)).toEqual(Object.keys(assessment.medications[0] as object));
    expect(changed).toEqual({ drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 3, mcgPerHour: undefined, prn: undefined, indication: undefined });
  });

  it("still refuses unknown keys and explains a wrong optional value", () => {
    const result = assessmentSchema.safeParse({ asOf: "2026-12-01", patient: { ageYears: 40, sex: "x" }, pain: { durationWeeks: 20, intensity: 5, bogus: 1 } });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toContain('patient.sex: sex must be one of female, male, other, unknown (got "x")');
    expect(issues).toContain('pain: Unrecognized key: "bogus"');
  });
});
