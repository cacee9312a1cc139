import { beforeAll, describe, expect, it } from "vitest";
import { auditChainStatus, exportAuditCsv, listAuditEvents } from "../lib/audit/audit-data";
import { getPatient } from "../lib/patients/patients-data";
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

describe("searching the trail", () => {
  it("narrows by person, action, outcome, patient, dates and address, and names the patient for an auditor", async () => {
    await getPatient(clinic.clinician, clinic.referredPatientId);
    await authenticate(testDb(), { email: clinic.clinician.email, password: "wrong password" }, "192.0.2.219");
    const byUser = await listAuditEvents(clinic.auditor, { user: clinic.clinician.userId });
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((e) => e.actorName === clinic.clinician.name)).toBe(true);
    const reads = await listAuditEvents(clinic.auditor, { action: "patient.read", patient: clinic.referredPatientId });
    expect(reads.items[0]).toMatchObject({ action: "patient.read", patientId: clinic.referredPatientId, patientName: "Rita Referred" });
    const failures = await listAuditEvents(clinic.auditor, { outcome: "failure", address: "192.0.2.219" });
    expect(failures.items.map((e) => e.sourceAddress)).toEqual(["192.0.2.219"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(clinic.auditor, { from: today, to: today, user: clinic.clinician.userId })).items.length).toBe(byUser.items.length);
    expect((await listAuditEvents(clinic.auditor, { from: "2020-01-01", to: "2020-01-31" })).items).toEqual([]);
    // Empty fields from the form mean "any".
    expect((await listAuditEvents(clinic.auditor, { user: "", action: "", outcome: "", from: "", to: "", address: "" })).items.length).toBeGreaterThan(0);
    // An administrator may read the trail, not patients: the patient stays an id.
    const asAdmin = await listAuditEvents(clinic.admin, { action: "patient.read", patient: clinic.referredPatientId });
    expect(asAdmin.items[0]).toMatchObject({ patientId: clinic.referredPatientId, patientName: null });
    expect(reads.items[0]?.detail).toEqual(expect.any(Array));
    // Each search is recorded with its filters.
    expect(await auditEventsOf(clinic.auditor.userId)).toContainEqual(expect.objectContaining({ action: "audit.list", detail: expect.objectContaining({ action: "patient.read", patient: clinic.referredPatientId }) }));
  });

  it("refuses filters that are not filters, naming each", async () => {
    await expect(listAuditEvents(clinic.auditor, { action: "drop.tables", outcome: "maybe", user: "me", from: "2026-13-01" })).rejects.toMatchObject({
      code: "invalid-input",
      issues: expect.arrayContaining([expect.objectContaining({ path: "action" }), expect.objectContaining({ path: "outcome" }), expect.objectContaining({ path: "user" }), expect.objectContaining({ path: "from" })]),
    });
    await expect(listAuditEvents(clinic.auditor, { from: "2026-12-01", to: "2026-11-01" })).rejects.toMatchObject({ issues: [{ path: "to", message: "from must not be after to" }] });
    await expect(listAuditEvents(clinic.auditor, { address: "'; --" })).rejects.toMatchObject({ issues: [{ path: "address" }] });
  });

  it("exports the filtered trail as CSV for an auditor, audited, and refuses everyone else", async () => {
    const { csv, truncated } = await exportAuditCsv(clinic.auditor, { action: "patient.read" });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("event,at_utc,who,role,action,outcome,entity_type,entity_id,patient_id,patient,source_address,detail");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(",patient.read,"))).toBe(true);
    expect(truncated).toBe(false);
    expect((await auditEventsOf(clinic.auditor.userId))[0]).toMatchObject({ action: "audit.export", outcome: "success", detail: { action: "patient.read" } });
    for (const who of ["admin", "clinician", "therapist"] as const) {
      await expect(exportAuditCsv(clinic[who], {})).rejects.toMatchObject({ code: "forbidden" });
      expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "audit.export", outcome: "denied" });
    }
    expect((await exportAuditCsv(otherClinic.auditor, { patient: clinic.referredPatientId })).csv.trim().split("\r\n")).toHaveLength(1);
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
