import { describe, expect, it } from "vitest";
import { seedDemo } from "../prisma/seed";
import { generate } from "otplib";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD } from "../prisma/demo-accounts";
import { authenticate } from "../lib/auth/authenticate";
import { testDb } from "./support/fixtures";
import { RULESET_VERSION } from "../lib/ladder/rule-registry";

type Med = { drug: string; doseMg?: number; dosesPerDay?: number; mcgPerHour?: number };
type Assessment = { redFlags: string[]; medications: Med[]; treatments: { therapy: string }[] };

// Enough to check the demo covers the stories later screens need; the engine computes MME properly.
const FACTORS: Record<string, number> = { oxycodone: 1.5, morphine: 1, hydrocodone: 1, tramadol: 0.2, hydromorphone: 5 };
const mme = (meds: Med[]) =>
  meds.reduce((sum, m) => sum + (m.drug === "fentanyl" ? (m.mcgPerHour ?? 0) * 2.4 : (FACTORS[m.drug] ?? 0) * (m.doseMg ?? 0) * (m.dosesPerDay ?? 0)), 0);

describe("seedDemo", () => {
  it("creates the demo organization once, with a login per role that works", async () => {
    const today = new Date("2026-11-27T00:00:00Z");
    const first = await seedDemo(testDb(), today, process.env.NEXTAUTH_SECRET!);
    const second = await seedDemo(testDb(), today, process.env.NEXTAUTH_SECRET!);
    expect(first).toEqual({ created: true, patients: 42 });
    expect(second).toEqual({ created: false, patients: 42 });
    const org = await testDb().organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
    expect(await testDb().site.findMany({ where: { organizationId: org.id }, select: { kind: true }, orderBy: { kind: "asc" } })).toEqual([
      { kind: "primary_care" },
      { kind: "primary_care" },
      { kind: "pt_clinic" },
      { kind: "pt_clinic" },
    ]);
    for (const account of DEMO_ACCOUNTS) {
      // The administrator signs in in two steps, with the published authenticator key.
      const code = account.role === "admin" ? await generate({ secret: DEMO_ADMIN_TOTP_SECRET }) : undefined;
      const result = await authenticate(testDb(), { email: account.email, password: DEMO_PASSWORD, code }, "203.0.113.9");
      expect(result.ok, account.email).toBe(true);
    }
  });

  it("tells the stories the product needs, over the year before today", async () => {
    const org = await testDb().organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
    const encounters = await testDb().encounter.findMany({ where: { organizationId: org.id }, select: { date: true, patientId: true, assessment: true } });
    const dates = encounters.map((e) => e.date.getTime());
    expect(Math.max(...dates)).toBeLessThanOrEqual(Date.parse("2026-11-27"));
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(Date.parse("2025-11-27"));
    const latest = new Map<string, Assessment>();
    for (const e of [...encounters].sort((a, b) => a.date.getTime() - b.date.getTime())) latest.set(e.patientId, e.assessment as Assessment);
    const current = [...latest.values()];
    const totals = current.map((a) => mme(a.medications));
    expect(totals.some((t) => t >= 50 && t < 90)).toBe(true);
    expect(totals.some((t) => t >= 90)).toBe(true);
    expect(current.some((a) => a.medications.some((m) => m.drug === "alprazolam") && mme(a.medications) > 0)).toBe(true);
    expect(current.some((a) => a.medications.some((m) => m.drug === "naproxen" || m.drug === "ibuprofen"))).toBe(true);
    expect(current.some((a) => a.medications.some((m) => m.drug === "duloxetine"))).toBe(true);
    expect(current.some((a) => a.redFlags.includes("cancer-history"))).toBe(true);
    expect(current.some((a) => a.treatments.some((t) => t.therapy === "epidural-steroid-injection" || t.therapy === "medial-branch-block"))).toBe(true);
    expect(current.filter((a) => a.treatments.length === 0).length).toBeGreaterThanOrEqual(8);
    const referrals = await testDb().referral.groupBy({ by: ["status"], where: { organizationId: org.id }, _count: true });
    const statuses = referrals.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(["new", "in_progress", "discharged"]));
    expect(await testDb().ptVisit.count({ where: { referral: { organizationId: org.id } } })).toBeGreaterThan(50);
  });

  it("stores the recommendation shown at each signed encounter, from the current rule set", async () => {
    const org = await testDb().organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
    const signed = await testDb().encounter.count({ where: { organizationId: org.id, status: "signed" } });
    const stored = await testDb().recommendation.findMany({ where: { encounter: { organizationId: org.id } }, select: { output: true, suspended: true, rulesetVersion: true } });
    expect(stored).toHaveLength(signed);
    expect(new Set(stored.map((r) => r.rulesetVersion))).toEqual(new Set([RULESET_VERSION]));
    const alertCodes = stored.flatMap((r) => (r.output as { alerts: { code: string }[] }).alerts.map((a) => a.code));
    expect(alertCodes).toEqual(expect.arrayContaining(["opioid-benzodiazepine", "mme-50", "mme-90", "red-flag-malignancy", "naloxone-not-on-hand"]));
    expect(stored.some((r) => r.suspended)).toBe(true);
  });

  it("answers every critical alert, as signing requires, and derives the measure facts of every signed encounter", async () => {
    const org = await testDb().organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
    const stored = await testDb().recommendation.findMany({ where: { encounter: { organizationId: org.id } }, select: { output: true, decisions: { select: { itemKey: true, response: true } } } });
    for (const { output, decisions } of stored) {
      const critical = (output as { alerts: { code: string; severity: string }[] }).alerts.filter((a) => a.severity === "critical").map((a) => a.code);
      expect(decisions.map((d) => d.itemKey)).toEqual(expect.arrayContaining(critical));
    }
    expect(stored.some((r) => r.decisions.some((d) => d.response === "overridden"))).toBe(true);
    const signed = await testDb().encounter.count({ where: { organizationId: org.id, status: "signed" } });
    expect(await testDb().encounterFact.count({ where: { organizationId: org.id } })).toBe(signed);
    const spread = await testDb().encounterFact.groupBy({ by: ["clinicianId", "siteId"], where: { organizationId: org.id } });
    expect(spread).toHaveLength(2);
  });
});
