import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { storageState } from "./support";

const EXAMPLE = {
  profile: "us",
  asOf: "2026-11-02",
  patient: { ageYears: 58, sex: "male" },
  pain: { durationWeeks: 80, intensity: 7 },
  treatments: [{ therapy: "physical-therapy", status: "completed", weeks: 8, sessions: 14, adherencePercent: 80, response: "partial" }],
  medications: [{ drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 }],
  opioidSafety: { naloxoneOnHand: false, pdmpReviewedDaysAgo: null, urineDrugTestDaysAgo: 400 },
};

function cli(input: unknown): unknown {
  const path = join(mkdtempSync(join(tmpdir(), "api-vs-cli-")), "input.json");
  writeFileSync(path, JSON.stringify(input));
  return JSON.parse(execFileSync("npm", ["run", "--silent", "recommend", "--", path], { encoding: "utf8" }));
}

test.describe("POST /api/v1/recommendations", () => {
  test.use({ storageState: storageState("clinician") });

  test("answers exactly as the CLI does", async ({ request }) => {
    const response = await request.post("/api/v1/recommendations", { data: EXAMPLE });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toEqual(cli(EXAMPLE));
    expect(body.mme.totalPerDay).toBe(60);
  });

  test("answers a suspended ladder and a first visit as the CLI does", async ({ request }) => {
    const feverAndInjectionDrugUse = { asOf: "2026-11-02", patient: { ageYears: 36 }, pain: { durationWeeks: 3, intensity: 8 }, redFlags: ["fever", "iv-drug-use"] };
    const firstVisit = {
      asOf: "2026-11-02",
      patient: { ageYears: 44, sex: "female", employment: "working" },
      pain: { durationWeeks: 16, intensity: 6, distribution: "above-knee", aggravatedBy: ["flexion", "lifting"], directionalPreference: "extension" },
      screening: { startBack: [1, 0, 1, 1, 0, 1, 0, 0, 1], peg: [6, 5, 6] },
    };
    for (const input of [feverAndInjectionDrugUse, firstVisit]) {
      const response = await request.post("/api/v1/recommendations", { data: input });
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual(cli(input));
    }
  });

  test("speaks contract 1.1: this visit's orders, medication for opioid use disorder, a taper schedule, as the CLI does", async ({ request }) => {
    const renewedWithSleepingPill = {
      ...EXAMPLE,
      treatments: [...EXAMPLE.treatments, { therapy: "opioid", status: "current", weeks: 70, response: "none" }],
      medications: [...EXAMPLE.medications, { drug: "zolpidem", doseMg: 5, dosesPerDay: 1 }],
      orders: [{ action: "new", medication: { drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 } }],
    };
    const response = await request.post("/api/v1/recommendations", { data: renewedWithSleepingPill });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toEqual(cli(renewedWithSleepingPill));
    expect(body).toMatchObject({ contractVersion: "1.1", mme: { currentPerDay: 60, totalPerDay: 60 }, taperSchedule: { pace: "monthly", startMmePerDay: 60 } });
    expect(body.alerts.map((a: { code: string }) => a.code)).toContain("opioid-cns-depressant");

    const moud = { ...EXAMPLE, conditions: ["opioid-use-disorder"], medications: [{ drug: "methadone", doseMg: 100, dosesPerDay: 1, indication: "opioid-use-disorder" }] };
    const moudBody = await (await request.post("/api/v1/recommendations", { data: moud })).json();
    expect(moudBody).toEqual(cli(moud));
    expect(moudBody.mme.totalPerDay).toBe(0);
    expect(moudBody.alerts.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(["moud-continue", "naloxone-not-on-hand"]));
    expect(moudBody.next.map((s: { therapy: string }) => s.therapy)).not.toContain("opioid-taper-plan");
  });

  test("names an order that fits no current medicine with a 400", async ({ request }) => {
    const response = await request.post("/api/v1/recommendations", { data: { ...EXAMPLE, orders: [{ action: "stop", medication: { drug: "morphine" } }] } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error: "invalid-assessment", issues: [{ path: "orders.0", message: expect.stringContaining("needs a current morphine") }] });
  });

  test("names the fields of bad input with a 400", async ({ request }) => {
    const response = await request.post("/api/v1/recommendations", { data: { ...EXAMPLE, patient: { ageYears: 15 }, redFlags: ["back-ache"] } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid-assessment");
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["patient.ageYears", "redFlags.0"]);
  });

  test("refuses a body too large, of another type or nested without end, with a short answer", async ({ request }) => {
    const huge = await request.post("/api/v1/recommendations", { data: { ...EXAMPLE, note: "x".repeat(5_000_000) } });
    expect(huge.status()).toBe(413);
    expect((await huge.body()).length).toBeLessThan(500);
    const text = await request.post("/api/v1/recommendations", { data: JSON.stringify(EXAMPLE), headers: { "content-type": "text/plain" } });
    expect(text.status()).toBe(415);
    const deep = await request.post("/api/v1/recommendations", { data: "[".repeat(200_000), headers: { "content-type": "application/json" } });
    expect(deep.status()).toBe(413);
    const nested = await request.post("/api/v1/recommendations", { data: "[".repeat(20_000) + "]".repeat(20_000), headers: { "content-type": "application/json" } });
    expect(nested.status()).toBe(400);
    expect(await nested.json()).toEqual({ error: "invalid-assessment", issues: [{ path: "(body)", message: "the body nests deeper than 32 levels" }] });
    // A long value is quoted, not echoed whole.
    const echoed = await request.post("/api/v1/recommendations", { data: { ...EXAMPLE, redFlags: ["y".repeat(60_000)] } });
    expect(echoed.status()).toBe(400);
    expect((await echoed.body()).length).toBeLessThan(1000);
  });

  test("rejects a body that is not JSON with a 400", async ({ request }) => {
    const response = await request.post("/api/v1/recommendations", { data: "not json", headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe("invalid-assessment");
  });
});

test("refuses a request without a session with a 401", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.post("/api/v1/recommendations", { data: EXAMPLE });
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toBe("unauthenticated");
  await anonymous.dispose();
});

test.describe("an administrator", () => {
  test.use({ storageState: storageState("admin") });

  test("is refused with a 403", async ({ request }) => {
    expect((await request.post("/api/v1/recommendations", { data: EXAMPLE })).status()).toBe(403);
  });
});
