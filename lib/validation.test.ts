import { describe, expect, it } from "vitest";
import { recommend } from "./ladder/evaluate";
import { toFieldIssues } from "./validation";
import { assessmentSchema } from "./ladder/assessment-schema";

const issuesFor = (input: unknown) => {
  const result = assessmentSchema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error);
};
const VALID = { asOf: "2026-12-01", patient: { ageYears: 50 }, pain: { durationWeeks: 20, intensity: 6 } };

describe("a value of the wrong kind", () => {
  it.each([
    [{ ...VALID, treatments: {} }, "treatments", "treatments must be a list, not an object"],
    [{ ...VALID, labs: [] }, "labs", "labs must be an object, not a list"],
    [{ ...VALID, patient: "x" }, "patient", "patient must be an object, not text"],
    [{ ...VALID, pain: { ...VALID.pain, aggravatedBy: "sitting" } }, "pain.aggravatedBy", "pain.aggravatedBy must be a list, not text"],
    [{ ...VALID, medications: [5] }, "medications.0", "medications.0 must be an object, not a number"],
  ])("is named with its field and what it should be (%#)", (input, path, message) => {
    expect(issuesFor(input)).toContainEqual({ path, message });
  });

  it("keeps the schema's own messages where it has them", () => {
    expect(issuesFor({ ...VALID, patient: { ageYears: 12 } })).toContainEqual({ path: "patient.ageYears", message: "ageYears under 18 is out of scope: Backstep covers adults" });
  });

  it("never passes zod's field-less wording on, whatever the shape", () => {
    for (const input of [[], "x", 5, null, { ...VALID, screening: [] }, { ...VALID, coverage: 1 }, { ...VALID, orders: "new" }, { ...VALID, settings: true }]) {
      const result = recommend(input);
      expect(result.ok).toBe(false);
      if (!result.ok) for (const issue of result.error.issues) expect(issue.message).not.toMatch(/^Invalid input/);
    }
  });
});
