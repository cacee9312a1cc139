import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { authenticate } from "../lib/auth/authenticate";
import { resolveActor } from "../lib/auth/resolve-actor";
import { THROTTLE_POLICY } from "../lib/auth/sign-in-throttle";
import { confirmTwoStepSetup, startTwoStepSetup, twoStepStatus } from "../lib/users/two-step";
import { updateOrganizationSettings } from "../lib/organizations/organization-data";
import { resetUserTwoStep } from "../lib/users/users-data";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, FIXTURE_PASSWORD, testDb } from "./support/fixtures";

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
let addressCounter = 0;
const address = () => `198.51.100.${200 + (++addressCounter % 50)}`;
const STEP_MS = 30_000;

/** A clinic whose clinician has set up two-step sign-in; returns the secret their app holds and their recovery codes. */
async function enrolled() {
  const clinic = await createClinic();
  const { secret } = await startTwoStepSetup(clinic.clinician);
  const { recoveryCodes } = await confirmTwoStepSetup(clinic.clinician, { code: await generate({ secret, epoch: Date.now() / 1000 - 30 }) });
  return { clinic, secret, recoveryCodes };
}

describe("setting up two-step sign-in", () => {
  it("turns on only with a code from the new secret, stores the secret encrypted, gives ten recovery codes once, and is audited", async () => {
    const clinic = await createClinic();
    const { secret, uri, qrSvg } = await startTwoStepSetup(clinic.clinician);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Backstep:/);
    expect(qrSvg).toContain("<svg");
    expect(await failure(confirmTwoStepSetup(clinic.clinician, { code: "000000" }))).toMatchObject({ code: "invalid-input", issues: [{ path: "code" }] });
    expect(await failure(confirmTwoStepSetup(clinic.clinician, { code: "12ab" }))).toMatchObject({ issues: [{ path: "code", message: "enter the 6 digits your app shows" }] });
    expect(await twoStepStatus(clinic.clinician)).toEqual({ enabled: false, recoveryCodesLeft: 0 });

    const { recoveryCodes } = await confirmTwoStepSetup(clinic.clinician, { code: await generate({ secret }) });
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await twoStepStatus(clinic.clinician)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: clinic.clinician.userId }, select: { totpSecret: true, totpPendingSecret: true } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpPendingSecret).toBeNull();
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "user.two-step-enable", outcome: "success" });
  });
});

describe("signing in in two steps", () => {
  it("asks for the code after the right password, takes each code once, and takes a recovery code once", async () => {
    const { clinic, secret, recoveryCodes } = await enrolled();
    const email = clinic.clinician.email;
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD }, address())).toEqual({ ok: false, reason: "code-required" });
    // A wrong password never reaches the code question.
    expect(await authenticate(testDb(), { email, password: "wrong-password-here" }, address())).toEqual({ ok: false, reason: "invalid" });

    const code = await generate({ secret });
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code }, address())).toEqual({ ok: true, userId: clinic.clinician.userId });
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code }, address())).toEqual({ ok: false, reason: "invalid-code" });
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: await generate({ secret, epoch: (Date.now() + STEP_MS) / 1000 }) }, address())).toMatchObject({ ok: true });

    const recovery = recoveryCodes[0]!.toUpperCase();
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: recovery }, address())).toMatchObject({ ok: true });
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: recovery }, address())).toEqual({ ok: false, reason: "invalid-code" });
    expect(await twoStepStatus(clinic.clinician)).toMatchObject({ recoveryCodesLeft: 9 });
    const events = await testDb().auditEvent.findMany({ where: { action: "auth.sign-in", entityId: clinic.clinician.userId, outcome: "failure" } });
    expect(events.map((e) => (e.detail as { reason: string }).reason)).toEqual(["invalid", "invalid-code", "invalid-code"]);
  });

  it("throttles wrong codes as it throttles wrong passwords", async () => {
    const { clinic } = await enrolled();
    const email = clinic.clinician.email;
    for (let i = 0; i < THROTTLE_POLICY.accountFailures; i += 1) {
      expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: "000000" }, address())).toEqual({ ok: false, reason: "invalid-code" });
    }
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: "111111" }, address())).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("keeps counting wrong codes when the password alone is sent in between", async () => {
    const { clinic } = await enrolled();
    const email = clinic.clinician.email;
    for (let i = 0; i < THROTTLE_POLICY.accountFailures; i += 1) {
      expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD }, address())).toEqual({ ok: false, reason: "code-required" });
      expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: "000000" }, address())).toEqual({ ok: false, reason: "invalid-code" });
    }
    expect(await authenticate(testDb(), { email, password: FIXTURE_PASSWORD, code: "111111" }, address())).toMatchObject({ ok: false, reason: "throttled" });
  });
});

describe("who must sign in in two steps", () => {
  it("every administrator, and everyone once their organization says so; until set up, only setting it up is open", async () => {
    const clinic = await createClinic();
    const claims = (userId: string) => ({ userId, signedInAt: Date.now() });
    expect(await resolveActor(testDb(), claims(clinic.admin.userId))).toMatchObject({ mustEnrolTwoStep: true });
    expect(await resolveActor(testDb(), claims(clinic.clinician.userId))).not.toHaveProperty("mustEnrolTwoStep");
    await updateOrganizationSettings(clinic.admin, { name: "Two-step Health", guidelineProfile: "us", profileSwitchAllowed: true, ptVisitLimit: 20, adherenceThresholdPercent: 60, mfaRequired: true });
    expect(await resolveActor(testDb(), claims(clinic.clinician.userId))).toMatchObject({ mustEnrolTwoStep: true });
    const { secret } = await startTwoStepSetup(clinic.clinician);
    await confirmTwoStepSetup(clinic.clinician, { code: await generate({ secret }) });
    expect(await resolveActor(testDb(), claims(clinic.clinician.userId))).not.toHaveProperty("mustEnrolTwoStep");
  });
});

describe("an administrator resetting someone's two-step sign-in", () => {
  it("switches it off, spends the recovery codes, ends their sessions, and is audited; other roles and organizations are refused", async () => {
    const { clinic } = await enrolled();
    const claims = { userId: clinic.clinician.userId, signedInAt: Date.now() - 1000 };
    expect(await failure(resetUserTwoStep(clinic.therapist, { userId: clinic.clinician.userId }))).toMatchObject({ code: "forbidden" });
    const other = await createClinic();
    expect(await failure(resetUserTwoStep(other.admin, { userId: clinic.clinician.userId }))).toMatchObject({ code: "not-found" });
    expect(await twoStepStatus(clinic.clinician)).toEqual({ enabled: true, recoveryCodesLeft: 10 });

    await resetUserTwoStep(clinic.admin, { userId: clinic.clinician.userId });
    expect(await twoStepStatus(clinic.clinician)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect(await resolveActor(testDb(), claims)).toBeNull();
    expect(await authenticate(testDb(), { email: clinic.clinician.email, password: FIXTURE_PASSWORD }, address())).toMatchObject({ ok: true });
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "user.two-step-reset", entityId: clinic.clinician.userId, outcome: "success" });
  });
});
