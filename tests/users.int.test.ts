import { beforeAll, describe, expect, it } from "vitest";
import { createUser, listUsers, resetUserPassword, setUserActive, unlockUser, updateUserAccess } from "../lib/users/users-data";
import { LINK_REFUSED, setPasswordWithLink } from "../lib/users/password-links";
import { authenticate } from "../lib/auth/authenticate";
import { randomUUID } from "node:crypto";
import { resolveActor } from "../lib/auth/resolve-actor";
import { type AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;
let otherClinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
  otherClinic = await createClinic();
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

describe("listUsers", () => {
  it("lists the administrator's organization only, with the sites a person can be placed at, and audits it", async () => {
    await testDb().site.update({ where: { id: clinic.otherClinicId }, data: { retiredAt: new Date() } });
    const { users, sites } = await listUsers(clinic.admin);
    expect(sites.map((site) => site.id).sort()).toEqual([clinic.practiceId, clinic.clinicId].sort());
    await testDb().site.update({ where: { id: clinic.otherClinicId }, data: { retiredAt: null } });
    expect(users).toHaveLength(5);
    expect(users.every((u) => u.email.endsWith("@fixture.test"))).toBe(true);
    expect(users.map((u) => u.id)).not.toContain(otherClinic.admin.userId);
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "user.list", outcome: "success" });
  });

  it.each(["clinician", "therapist", "auditor"] as const)("refuses a %s", async (who) => {
    expect((await failure(listUsers(clinic[who])))?.code).toBe("forbidden");
    expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "user.list", outcome: "denied" });
  });
});

describe("setUserActive", () => {
  it("disables an account, ending its session, then enables it again; both audited", async () => {
    const local = await createClinic();
    const claims = { userId: local.clinician.userId, signedInAt: Date.now() };
    await setUserActive(local.admin, { userId: local.clinician.userId, active: false, reason: "Left the practice" });
    expect(await resolveActor(testDb(), claims)).toBeNull();
    await setUserActive(local.admin, { userId: local.clinician.userId, active: true });
    expect(await resolveActor(testDb(), claims)).not.toBeNull();
    const events = await auditEventsOf(local.admin.userId);
    expect(events.slice(0, 2).map((e) => e.detail)).toEqual([
      { "active.before": false, "active.after": true },
      { "active.before": true, "active.after": false, reason: "Left the practice" },
    ]);
    expect(events[0]).toMatchObject({ action: "user.update", entityId: local.clinician.userId });
  });

  it("cannot reach a user of another organization", async () => {
    expect((await failure(setUserActive(clinic.admin, { userId: otherClinic.clinician.userId, active: false, reason: "x" })))?.code).toBe("not-found");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: otherClinic.clinician.userId } })).active).toBe(true);
  });

  it("does not let an administrator lock themselves out", async () => {
    const error = await failure(setUserActive(clinic.admin, { userId: clinic.admin.userId, active: false }));
    expect(error?.code).toBe("invalid-input");
    expect(error?.issues[0]?.path).toBe("userId");
  });

  it("refuses a clinician and names bad input", async () => {
    expect((await failure(setUserActive(clinic.clinician, { userId: clinic.auditor.userId, active: false, reason: "x" })))?.code).toBe("forbidden");
    const bad = await failure(setUserActive(clinic.admin, { userId: "x", active: "no" }));
    expect(bad?.issues.map((i) => i.path).sort()).toEqual(["active", "userId"]);
  });
});

describe("disabling needs a reason, and the last administrator stays", () => {
  it("refuses to disable without a reason, and refuses to disable the last active administrator", async () => {
    const local = await createClinic();
    expect(await failure(setUserActive(local.admin, { userId: local.clinician.userId, active: false }))).toMatchObject({ issues: [{ path: "reason", message: "a reason is required to disable an account" }] });
    const second = await createUser(local.admin, { name: "Second Admin", email: `second.${randomUUID().slice(0, 8)}@fixture.test`, role: "admin" });
    // Two admins: one may disable the other; then the one left cannot be disabled by anyone.
    await setUserActive(local.admin, { userId: second.userId, active: false, reason: "Covering admin no longer needed" });
    await setUserActive(local.admin, { userId: second.userId, active: true });
    const secondActor = { ...local.admin, userId: second.userId };
    await setUserActive(secondActor, { userId: local.admin.userId, active: false, reason: "Handing over" });
    expect(await failure(setUserActive(local.admin, { userId: second.userId, active: false, reason: "x" }))).toMatchObject({ code: "invalid-input" });
    expect(await failure(setUserActive(secondActor, { userId: second.userId, active: false, reason: "x" }))).toMatchObject({ code: "invalid-input" });
  });
});

describe("people and their passwords", () => {
  const PASSWORD = "lantern moss quietly figs";
  const email = () => `new.${randomUUID().slice(0, 8)}@fixture.test`;

  it("adds a person with a one-time link: only its hash is stored, it sets the password once, and they sign in", async () => {
    const address = email();
    const { userId, link } = await createUser(clinic.admin, { name: "Nia New", email: address.toUpperCase(), role: "physical_therapist", siteId: clinic.clinicId });
    expect(link).toMatch(/^\/set-password#[A-Za-z0-9_-]{43}$/);
    const token = link.split("#")[1]!;
    const stored = await testDb().passwordLink.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 3_600_000);
    expect(await authenticate(testDb(), { email: address, password: PASSWORD }, null)).toMatchObject({ ok: false });
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "user.create", entityId: userId, detail: { role: "physical_therapist", siteId: clinic.clinicId } });

    expect(await failure(setPasswordWithLink({ token, password: "password1234", confirm: "password1234" }))).toMatchObject({ code: "invalid-input", issues: [{ path: "password" }] });
    expect(await failure(setPasswordWithLink({ token, password: PASSWORD, confirm: "something else" }))).toMatchObject({ issues: [{ path: "confirm", message: "type the same password again" }] });
    expect(await setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD })).toEqual({ email: address });
    expect(await authenticate(testDb(), { email: address, password: PASSWORD }, null)).toEqual({ ok: true, userId });
    expect(await failure(setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "not-found", message: LINK_REFUSED });
  });

  it("refuses an expired link, an unknown one and a malformed one", async () => {
    const { userId, link } = await createUser(clinic.admin, { name: "Old Link", email: email(), role: "auditor" });
    const token = link.split("#")[1]!;
    await testDb().passwordLink.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "not-found", message: LINK_REFUSED });
    expect(await failure(setPasswordWithLink({ token: "A".repeat(43), password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "not-found" });
    expect(await failure(setPasswordWithLink({ token: "short", password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "invalid-input", issues: [{ path: "token", message: "the link is incomplete" }] });
  });

  it("resets a password: the old one stops working, every session ends, and only the newest link works", async () => {
    const local = await createClinic();
    const claims = { userId: local.clinician.userId, signedInAt: Date.now() - 1000 };
    expect(await resolveActor(testDb(), claims)).not.toBeNull();
    const first = await resetUserPassword(local.admin, { userId: local.clinician.userId });
    const second = await resetUserPassword(local.admin, { userId: local.clinician.userId });
    expect(await resolveActor(testDb(), claims)).toBeNull();
    expect(await authenticate(testDb(), { email: local.clinician.email, password: "correct horse battery staple" }, null)).toMatchObject({ ok: false });
    expect(await failure(setPasswordWithLink({ token: first.link.split("#")[1], password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "not-found" });
    await setPasswordWithLink({ token: second.link.split("#")[1], password: PASSWORD, confirm: PASSWORD });
    expect(await authenticate(testDb(), { email: local.clinician.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
    expect(await resolveActor(testDb(), { userId: local.clinician.userId, signedInAt: Date.now() + 1000 })).not.toBeNull();
    expect((await auditEventsOf(local.admin.userId))[0]).toMatchObject({ action: "user.reset-password", entityId: local.clinician.userId });
  });

  it("names bad fields, a taken email, another organization's site, and a therapist without a clinic", async () => {
    expect(await failure(createUser(clinic.admin, { name: "", email: "nope", role: "boss" }))).toMatchObject({
      code: "invalid-input",
      issues: [
        { path: "name", message: "name is required" },
        { path: "email", message: "email must be an email address" },
        { path: "role", message: "choose a role" },
      ],
    });
    expect(await failure(createUser(clinic.admin, { name: "Dup", email: clinic.clinician.email, role: "clinician" }))).toMatchObject({ code: "conflict", issues: [{ path: "email" }] });
    expect(await failure(createUser(clinic.admin, { name: "Far", email: email(), role: "clinician", siteId: otherClinic.practiceId }))).toMatchObject({ issues: [{ path: "siteId", message: "choose a site from the list" }] });
    expect(await failure(createUser(clinic.admin, { name: "PT", email: email(), role: "physical_therapist", siteId: clinic.practiceId }))).toMatchObject({ issues: [{ path: "siteId", message: "a physical therapist works at a PT clinic: choose one" }] });
  });

  it.each(["clinician", "therapist", "auditor"] as const)("refuses a %s adding people or resetting passwords", async (who) => {
    expect((await failure(createUser(clinic[who], { name: "X", email: email(), role: "admin" })))?.code).toBe("forbidden");
    expect((await failure(resetUserPassword(clinic[who], { userId: clinic.admin.userId })))?.code).toBe("forbidden");
    expect(await testDb().user.count({ where: { organizationId: clinic.organizationId, name: "X" } })).toBe(0);
  });

  it("cannot reset the password of another organization's user", async () => {
    expect((await failure(resetUserPassword(clinic.admin, { userId: otherClinic.clinician.userId })))?.code).toBe("not-found");
  });
});

describe("role, site and sign-in blocks", () => {
  it("changes a role and site, audited before and after, and the change holds at the next request", async () => {
    const local = await createClinic();
    await updateUserAccess(local.admin, { userId: local.clinician.userId, role: "physical_therapist", siteId: local.clinicId });
    expect(await resolveActor(testDb(), { userId: local.clinician.userId, signedInAt: Date.now() })).toMatchObject({ role: "physical_therapist", siteId: local.clinicId });
    expect((await auditEventsOf(local.admin.userId))[0]).toMatchObject({
      action: "user.update",
      detail: { "role.before": "clinician", "role.after": "physical_therapist", "siteId.before": local.practiceId, "siteId.after": local.clinicId },
    });
  });

  it("keeps the last active administrator an administrator, and a therapist at a PT clinic", async () => {
    const local = await createClinic();
    expect(await failure(updateUserAccess(local.admin, { userId: local.admin.userId, role: "auditor", siteId: "" }))).toMatchObject({ issues: [{ path: "role", message: "this is the last active administrator" }] });
    expect(await failure(updateUserAccess(local.admin, { userId: local.therapist.userId, role: "physical_therapist", siteId: local.practiceId }))).toMatchObject({ issues: [{ path: "siteId" }] });
    expect(await failure(updateUserAccess(local.clinician, { userId: local.auditor.userId, role: "admin", siteId: "" }))).toMatchObject({ code: "forbidden" });
    expect((await failure(updateUserAccess(local.admin, { userId: otherClinic.clinician.userId, role: "auditor", siteId: "" })))?.code).toBe("not-found");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: local.admin.userId } })).role).toBe("admin");
  });

  it("shows a person blocked by failed sign-ins, and unlocking lets them sign in at once", async () => {
    const local = await createClinic();
    for (let i = 0; i < 5; i += 1) await authenticate(testDb(), { email: local.auditor.email, password: "wrong password here" }, null);
    expect(await authenticate(testDb(), { email: local.auditor.email, password: "correct horse battery staple" }, null)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await listUsers(local.admin)).users.find((u) => u.id === local.auditor.userId)?.locked).toBe(true);
    await unlockUser(local.admin, { userId: local.auditor.userId });
    expect(await authenticate(testDb(), { email: local.auditor.email, password: "correct horse battery staple" }, null)).toMatchObject({ ok: true });
    expect((await auditEventsOf(local.admin.userId))[0]).toMatchObject({ action: "user.unlock", entityId: local.auditor.userId, detail: { wasBlocked: true } });
    expect((await failure(unlockUser(local.clinician, { userId: local.auditor.userId })))?.code).toBe("forbidden");
  });
});

describe("changing one's own password", () => {
  it("needs the current password, meets the policy, and ends every other session", async () => {
    const { changeOwnPassword } = await import("../lib/users/own-password");
    const local = await createClinic();
    const NEW = "lantern moss quietly figs";
    const wrong = await failure(changeOwnPassword(local.auditor, { current: "not it at all", password: NEW, confirm: NEW }));
    expect(wrong).toMatchObject({ code: "invalid-input", issues: [{ path: "current", message: "this is not your current password" }] });
    expect((await auditEventsOf(local.auditor.userId))[0]).toMatchObject({ action: "user.change-password", outcome: "failure" });
    expect(await failure(changeOwnPassword(local.auditor, { current: "correct horse battery staple", password: "auditor1234!", confirm: "auditor1234!" }))).toMatchObject({ issues: [{ path: "password" }] });

    const earlier = { userId: local.auditor.userId, signedInAt: Date.now() - 1000 };
    const validAfter = await changeOwnPassword(local.auditor, { current: "correct horse battery staple", password: NEW, confirm: NEW });
    expect(await resolveActor(testDb(), earlier)).toBeNull();
    expect(await resolveActor(testDb(), { userId: local.auditor.userId, signedInAt: validAfter.getTime() + 1 })).not.toBeNull();
    expect(await authenticate(testDb(), { email: local.auditor.email, password: NEW }, null)).toMatchObject({ ok: true });
    expect(await authenticate(testDb(), { email: local.auditor.email, password: "correct horse battery staple" }, null)).toMatchObject({ ok: false });
  });
});
