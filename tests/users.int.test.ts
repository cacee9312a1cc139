import { beforeAll, describe, expect, it } from "vitest";
import { listUsers, setUserActive } from "../lib/users/users-data";
import { resolveActor } from "../lib/auth/resolve-actor";
import { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;
let otherClinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
  otherClinic = await createClinic();
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

describe("listUsers", () => {
  it("lists the administrator's organization only, and audits it", async () => {
    const users = await listUsers(clinic.admin);
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
    await setUserActive(local.admin, { userId: local.clinician.userId, active: false });
    expect(await resolveActor(testDb(), claims)).toBeNull();
    await setUserActive(local.admin, { userId: local.clinician.userId, active: true });
    expect(await resolveActor(testDb(), claims)).not.toBeNull();
    const events = await auditEventsOf(local.admin.userId);
    expect(events.slice(0, 2).map((e) => e.detail)).toEqual([{ active: true }, { active: false }]);
    expect(events[0]).toMatchObject({ action: "user.update", entityId: local.clinician.userId });
  });

  it("cannot reach a user of another organization", async () => {
    expect((await failure(setUserActive(clinic.admin, { userId: otherClinic.clinician.userId, active: false })))?.code).toBe("not-found");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: otherClinic.clinician.userId } })).active).toBe(true);
  });

  it("does not let an administrator lock themselves out", async () => {
    const error = await failure(setUserActive(clinic.admin, { userId: clinic.admin.userId, active: false }));
    expect(error?.code).toBe("invalid-input");
    expect(error?.issues[0]?.path).toBe("userId");
  });

  it("refuses a clinician and names bad input", async () => {
    expect((await failure(setUserActive(clinic.clinician, { userId: clinic.auditor.userId, active: false })))?.code).toBe("forbidden");
    const bad = await failure(setUserActive(clinic.admin, { userId: "x", active: "no" }));
    expect(bad?.issues.map((i) => i.path).sort()).toEqual(["active", "userId"]);
  });
});
