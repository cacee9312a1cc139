import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../lib/auth/authenticate";
import { authOptions } from "../lib/auth/auth-options";
import { resolveActor } from "../lib/auth/resolve-actor";
import { THROTTLE_POLICY } from "../lib/auth/sign-in-throttle";
import { createClinic, FIXTURE_PASSWORD, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
});

const signInEvents = (organizationId: string | null, reason?: string) =>
  testDb().auditEvent.findMany({
    where: { action: "auth.sign-in", organizationId, ...(reason ? { detail: { equals: { reason } } } : {}) },
    orderBy: { id: "desc" },
    select: { outcome: true, actorUserId: true, sourceAddress: true, detail: true, entityId: true },
  });

// Each test signs in from its own address so address throttling from one test never leaks into another.
let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

describe("authenticate", () => {
  it("accepts the right password and audits the success with the address", async () => {
    const address = freshAddress();
    const result = await authenticate(testDb(), { email: clinic.clinician.email.toUpperCase(), password: FIXTURE_PASSWORD }, address);
    expect(result).toEqual({ ok: true, userId: clinic.clinician.userId });
    const [event] = await signInEvents(clinic.organizationId);
    expect(event).toMatchObject({ outcome: "success", actorUserId: clinic.clinician.userId, sourceAddress: address });
  });

  it("refuses a wrong password and audits the failure against the account", async () => {
    const result = await authenticate(testDb(), { email: clinic.auditor.email, password: "wrong" }, freshAddress());
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const [event] = await signInEvents(clinic.organizationId);
    expect(event).toMatchObject({ outcome: "failure", entityId: clinic.auditor.userId, detail: { reason: "invalid" } });
  });

  it("refuses an unknown email the same way", async () => {
    expect(await authenticate(testDb(), { email: "nobody@fixture.test", password: "x" }, freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses malformed input without throwing", async () => {
    expect(await authenticate(testDb(), { email: "not an email", password: "" }, freshAddress())).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(testDb(), null, freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled account with the answer a wrong password gets, and audits which it was", async () => {
    const local = await createClinic();
    await testDb().user.update({ where: { id: local.therapist.userId }, data: { active: false } });
    const right = await authenticate(testDb(), { email: local.therapist.email, password: FIXTURE_PASSWORD }, freshAddress());
    const wrong = await authenticate(testDb(), { email: local.therapist.email, password: "not-the-password" }, freshAddress());
    expect(right).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(right);
    const [afterWrong, afterRight] = await signInEvents(local.organizationId);
    expect(afterRight).toMatchObject({ entityId: local.therapist.userId, detail: { reason: "disabled" } });
    expect(afterWrong).toMatchObject({ entityId: local.therapist.userId, detail: { reason: "invalid" } });
  });

  it("checks no more guesses than the limit when they arrive at once", async () => {
    const local = await createClinic();
    const results = await Promise.all(Array.from({ length: 15 }, () => authenticate(testDb(), { email: local.auditor.email, password: "guess" }, freshAddress())));
    const reasons = results.map((r) => (r.ok ? "signed in" : r.reason));
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(THROTTLE_POLICY.accountFailures);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(15 - THROTTLE_POLICY.accountFailures);
    // The checked guesses are audited, and the start of the block once, on the account's organization.
    const events = await signInEvents(local.organizationId);
    expect(events.filter((e) => (e.detail as { reason: string }).reason === "invalid")).toHaveLength(THROTTLE_POLICY.accountFailures);
    expect(events.filter((e) => (e.detail as { blocked?: string }).blocked === "account")).toHaveLength(1);
  });

  it("keeps only live counts: a window and block that have run out are removed", async () => {
    const stale = new Date("2026-11-01T09:00:00Z");
    await authenticate(testDb(), { email: "stale@fixture.test", password: "x" }, "192.0.2.200", stale);
    expect(await testDb().signInThrottle.count({ where: { key: { in: ["account:stale@fixture.test", "address:192.0.2.200"] } } })).toBe(2);
    await authenticate(testDb(), { email: "other@fixture.test", password: "x" }, freshAddress(), new Date("2026-11-01T10:00:00Z"));
    expect(await testDb().signInThrottle.count({ where: { key: { in: ["account:stale@fixture.test", "address:192.0.2.200"] } } })).toBe(0);
  });

  it("throttles an account after repeated failures, from any address, and says when to retry", async () => {
    const local = await createClinic();
    const now = new Date("2026-11-27T10:00:00Z");
    for (let i = 0; i < THROTTLE_POLICY.accountFailures; i += 1) {
      expect((await authenticate(testDb(), { email: local.admin.email, password: "guess" }, freshAddress(), now)).ok).toBe(false);
    }
    const blocked = await authenticate(testDb(), { email: local.admin.email, password: FIXTURE_PASSWORD }, freshAddress(), now);
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: THROTTLE_POLICY.blockMinutes * 60 });
    // Other accounts are unaffected, and the block lifts once its time is up.
    expect((await authenticate(testDb(), { email: local.clinician.email, password: FIXTURE_PASSWORD }, freshAddress(), now)).ok).toBe(true);
    const later = new Date(now.getTime() + (THROTTLE_POLICY.blockMinutes * 60 + 1) * 1000);
    expect(await authenticate(testDb(), { email: local.admin.email, password: FIXTURE_PASSWORD }, freshAddress(), later)).toEqual({ ok: true, userId: local.admin.userId });
  });

  it("does not throttle below the limit, and a success resets the account's count", async () => {
    const local = await createClinic();
    const now = new Date("2026-11-27T11:00:00Z");
    const address = freshAddress();
    for (let i = 0; i < THROTTLE_POLICY.accountFailures - 1; i += 1) await authenticate(testDb(), { email: local.auditor.email, password: "guess" }, address, now);
    expect((await authenticate(testDb(), { email: local.auditor.email, password: FIXTURE_PASSWORD }, address, now)).ok).toBe(true);
    for (let i = 0; i < THROTTLE_POLICY.accountFailures - 1; i += 1) await authenticate(testDb(), { email: local.auditor.email, password: "guess" }, address, now);
    expect((await authenticate(testDb(), { email: local.auditor.email, password: FIXTURE_PASSWORD }, address, now)).ok).toBe(true);
  });

  it("throttles an address that fails across many accounts", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const address = freshAddress();
    for (let i = 0; i < THROTTLE_POLICY.addressFailures; i += 1) {
      await authenticate(testDb(), { email: `spray-${i}@fixture.test`, password: "guess" }, address, now);
    }
    const blocked = await authenticate(testDb(), { email: clinic.clinician.email, password: FIXTURE_PASSWORD }, address, now);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    const [event] = await signInEvents(null);
    expect(event).toMatchObject({ outcome: "failure", sourceAddress: address, detail: { reason: "invalid", blocked: "address" } });
    expect((await authenticate(testDb(), { email: clinic.clinician.email, password: FIXTURE_PASSWORD }, freshAddress(), now)).ok).toBe(true);
  });
});

describe("resolveActor (every request)", () => {
  it("returns the user with role and site read from the database", async () => {
    const actor = await resolveActor(testDb(), { userId: clinic.therapist.userId, signedInAt: Date.now() });
    expect(actor).toEqual(clinic.therapist);
  });

  it("stops a disabled user's session at once", async () => {
    const local = await createClinic();
    const claims = { userId: local.clinician.userId, signedInAt: Date.now() };
    expect(await resolveActor(testDb(), claims)).not.toBeNull();
    await testDb().user.update({ where: { id: local.clinician.userId }, data: { active: false } });
    expect(await resolveActor(testDb(), claims)).toBeNull();
  });

  it("applies a role change on the next request", async () => {
    const local = await createClinic();
    const claims = { userId: local.clinician.userId, signedInAt: Date.now() };
    await testDb().user.update({ where: { id: local.clinician.userId }, data: { role: "auditor" } });
    expect((await resolveActor(testDb(), claims))?.role).toBe("auditor");
  });

  it("ends a session 8 hours after sign-in, however active", async () => {
    const signedInAt = Date.parse("2026-11-27T08:00:00Z");
    const claims = { userId: clinic.clinician.userId, signedInAt, seenAt: Date.parse("2026-11-27T15:55:00Z") };
    expect(await resolveActor(testDb(), claims, new Date("2026-11-27T15:59:59Z"))).not.toBeNull();
    expect(await resolveActor(testDb(), claims, new Date("2026-11-27T16:00:01Z"))).toBeNull();
  });

  it("ends a session left idle longer than the idle limit", async () => {
    const claims = { userId: clinic.clinician.userId, signedInAt: Date.parse("2026-11-27T08:00:00Z"), seenAt: Date.parse("2026-11-27T09:00:00Z") };
    expect(await resolveActor(testDb(), claims, new Date("2026-11-27T09:15:00Z"), 15)).not.toBeNull();
    expect(await resolveActor(testDb(), claims, new Date("2026-11-27T09:15:01Z"), 15)).toBeNull();
    expect(await resolveActor(testDb(), claims, new Date("2026-11-27T09:15:01Z"), 30)).not.toBeNull();
  });

  it("ends every session of a person who signs out, so a copied token opens nothing", async () => {
    const local = await createClinic();
    const claims = { userId: local.auditor.userId, signedInAt: Date.now() - 1000 };
    expect(await resolveActor(testDb(), claims)).not.toBeNull();
    await authOptions.events!.signOut!({ token: { sub: local.auditor.userId }, session: null as never });
    expect(await resolveActor(testDb(), claims)).toBeNull();
    expect((await signInEvents(local.organizationId)).length).toBe(0);
    expect(await testDb().auditEvent.findFirst({ where: { actorUserId: local.auditor.userId, action: "auth.sign-out" } })).not.toBeNull();
  });

  it("returns null for no session or an unknown user", async () => {
    expect(await resolveActor(testDb(), null)).toBeNull();
    expect(await resolveActor(testDb(), { userId: "00000000-0000-4000-8000-000000000000", signedInAt: Date.now() })).toBeNull();
  });
});
