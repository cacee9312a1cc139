import { beforeAll, describe, expect, it } from "vitest";
import { evaluateForActor } from "../lib/recommendations/evaluate-data";
import { recommend } from "../lib/ladder/evaluate";
import { assessment } from "./support/assessment";
import { auditEventsOf, createClinic, type Clinic } from "./support/fixtures";

let clinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
});

describe("evaluateForActor", () => {
  it.each(["clinician", "therapist", "auditor"] as const)("evaluates for a %s, exactly as the engine does, and audits it", async (who) => {
    const result = await evaluateForActor(clinic[who], assessment());
    expect(result).toEqual(recommend(assessment()));
    expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "recommendation.evaluate", outcome: "success", detail: { step: "conservative", suspended: false } });
  });

  it("answers bad input with the contract's error shape and audits the failure", async () => {
    const result = await evaluateForActor(clinic.clinician, { ...assessment(), pain: { durationWeeks: 20, intensity: 11 } });
    expect(result).toMatchObject({ ok: false, error: { error: "invalid-assessment", issues: [{ path: "pain.intensity" }] } });
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "recommendation.evaluate", outcome: "failure" });
  });

  it("fills a missing evaluation date with today", async () => {
    const { asOf: _omit, ...undated } = assessment();
    const result = await evaluateForActor(clinic.clinician, undated);
    expect(result.ok && result.recommendation.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it("refuses an administrator and records the denial", async () => {
    await expect(evaluateForActor(clinic.admin, assessment())).rejects.toMatchObject({ code: "forbidden" });
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "recommendation.evaluate", outcome: "denied" });
  });
});
