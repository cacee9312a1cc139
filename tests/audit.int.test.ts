import { beforeAll, describe, expect, it } from "vitest";
import { auditChainStatus, listAuditEvents } from "../lib/audit/audit-data";
import { recordAudit } from "../lib/audit/audit-log";
import { chainHash, GENESIS_HASH } from "../lib/audit/chain-hash";
import { sealPendingEvents } from "../lib/audit/audit-sealer";
import { listPatients } from "../lib/patients/patients-data";
import { authenticate } from "../lib/auth/authenticate";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;
let otherClinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
  otherClinic = await createClinic();
  await listPatients(clinic.clinician, {});
  await listPatients(otherClinic.clinician, {});
  await listPatients(clinic.auditor, {});
});

describe("the audit table is append-only in the database itself", () => {
  it.each([
    ["UPDATE", `UPDATE audit_event SET action = 'tampered'`],
    ["DELETE", `DELETE FROM audit_event`],
    ["TRUNCATE", `TRUNCATE audit_event CASCADE`],
  ])("refuses %s", async (operation, sql) => {
    const before = await testDb().auditEvent.count();
    await expect(testDb().$executeRawUnsafe(sql)).rejects.toThrow(new RegExp(`append-only: ${operation}`));
    expect(await testDb().auditEvent.count()).toBe(before);
    expect(await testDb().auditEvent.count({ where: { action: "tampered" } })).toBe(0);
  });
});

describe("recordAudit", () => {
  it("writes the event with a pending marker, and the sealer links every event to the one sealed before it by hash", async () => {
    const key = process.env.AUDIT_CHAIN_KEY!;
    await testDb().$transaction((tx) => recordAudit(tx, { actor: clinic.clinician, action: "patient.read", outcome: "success" }));
    const written = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.clinician.userId }, orderBy: { id: "desc" }, include: { pending: true, seal: true } });
    expect(written).toMatchObject({ action: "patient.read", pending: { eventId: written.id }, seal: null });

    expect(await sealPendingEvents(testDb(), key)).toBeGreaterThan(0);
    expect(await testDb().auditPending.count()).toBe(0);
    const seals = await testDb().auditSeal.findMany({ orderBy: { seq: "asc" }, include: { event: true } });
    expect(seals.length).toBe(await testDb().auditEvent.count());
    expect(seals[0]?.prevHash).toBe(GENESIS_HASH);
    seals.forEach((seal, i) => {
      if (i > 0) expect(seal.prevHash).toBe(seals[i - 1]?.hash);
      expect(seal.hash).toBe(chainHash(seal.prevHash, seal.event, key));
    });
    expect(seals.find((seal) => seal.eventId === written.id)).toBeDefined();
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    const before = await testDb().auditEvent.count();
    await expect(
      testDb().$transaction(async (tx) => {
        await recordAudit(tx, { actor: clinic.clinician, action: "patient.read", outcome: "success" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await testDb().auditEvent.count()).toBe(before);
  });
});

describe("listAuditEvents", () => {
  it("shows an auditor their organization's events only, newest first, and audits the reading", async () => {
    const page = await listAuditEvents(clinic.auditor, {});
    const ids = page.items.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.items.some((e) => e.action === "patient.list" && e.actorName === clinic.clinician.name)).toBe(true);
    expect(page.items.some((e) => e.actorName === otherClinic.clinician.name)).toBe(false);
    expect((await auditEventsOf(clinic.auditor.userId))[0]).toMatchObject({ action: "audit.list", outcome: "success" });
  });

  it("pages backwards from an event number", async () => {
    const first = await listAuditEvents(clinic.admin, {});
    const older = await listAuditEvents(clinic.admin, { before: first.items[1]?.id });
    expect(older.items[0]?.id).toBe(first.items[2]?.id);
  });

  it.each(["clinician", "therapist"] as const)("refuses a %s", async (who) => {
    await expect(listAuditEvents(clinic[who], {})).rejects.toMatchObject({ code: "forbidden" });
    expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "audit.list", outcome: "denied" });
  });

  it("rejects a malformed cursor, or one past any event number", async () => {
    await expect(listAuditEvents(clinic.auditor, { before: "1; DROP TABLE" })).rejects.toMatchObject({ code: "invalid-input", issues: [{ path: "before" }] });
    await expect(listAuditEvents(clinic.auditor, { before: "99999999999999999999999" })).rejects.toMatchObject({ code: "invalid-input", issues: [{ path: "before" }] });
  });

  it("shows every organization the sign-in attempts for no known account, with their address, and no other organization's", async () => {
    await authenticate(testDb(), { email: "nobody-at-all@nowhere.test", password: "guess" }, "192.0.2.77");
    await authenticate(testDb(), { email: otherClinic.auditor.email, password: "guess" }, "192.0.2.78");
    for (const reader of [clinic.auditor, otherClinic.auditor]) {
      const { items } = await listAuditEvents(reader, {});
      expect(items.find((e) => e.action === "auth.sign-in" && e.sourceAddress === "192.0.2.77")).toMatchObject({ outcome: "failure", actorName: null });
    }
    expect((await listAuditEvents(clinic.auditor, {})).items.some((e) => e.sourceAddress === "192.0.2.78")).toBe(false);
    expect((await listAuditEvents(otherClinic.auditor, {})).items.some((e) => e.sourceAddress === "192.0.2.78")).toBe(true);
  });
});

describe("auditChainStatus", () => {
  it("reports the chain for an auditor and records the check", async () => {
    const status = await auditChainStatus(clinic.auditor);
    expect(status.intact).toBe(true);
    expect((await auditEventsOf(clinic.auditor.userId))[0]).toMatchObject({ action: "audit.verify", detail: { intact: true } });
  });

  it("refuses a clinician", async () => {
    await expect(auditChainStatus(clinic.clinician)).rejects.toMatchObject({ code: "forbidden" });
  });
});
