import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { chainHash, CHECKPOINT_EVERY, recordAudit } from "../lib/audit/audit-log";
import { listPatients } from "../lib/patients/patients-data";
import { createClinic, testDb } from "./support/fixtures";

const KEY = process.env.AUDIT_CHAIN_KEY!;

describe("verifyAuditChain", () => {
  it("verifies an intact chain, and finds a row altered behind the app's back", async () => {
    const clinic = await createClinic();
    await listPatients(clinic.clinician, {});
    await listPatients(clinic.auditor, {});
    const before = await verifyAuditChain(testDb(), KEY);
    expect(before).toMatchObject({ intact: true, firstBroken: null });
    expect(before.events).toBe(await testDb().auditEvent.count());

    const victim = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.clinician.userId }, orderBy: { id: "desc" } });
    // Someone with direct database access switches the guard off and edits history.
    await testDb().$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete`);
    try {
      await testDb().$executeRaw`UPDATE audit_event SET action = 'patient.create' WHERE id = ${victim.id}`;
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("altered") } });
      await testDb().$executeRaw`UPDATE audit_event SET action = ${victim.action} WHERE id = ${victim.id}`;
      expect((await verifyAuditChain(testDb(), KEY)).intact).toBe(true);
      await testDb().$executeRaw`DELETE FROM audit_event WHERE id = ${victim.id}`;
      const gap = await verifyAuditChain(testDb(), KEY);
      expect(gap).toMatchObject({ intact: false, firstBroken: { reason: expect.stringContaining("does not link") } });
      expect(BigInt(gap.firstBroken!.id)).toBeGreaterThan(victim.id);
      await testDb().auditEvent.create({ data: { ...victim, detail: victim.detail ?? {} } });
    } finally {
      await testDb().$executeRawUnsafe(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete`);
    }
    expect((await verifyAuditChain(testDb(), KEY)).intact).toBe(true);
  });

  it("catches an event re-hashed without the chain's key, and events written unkeyed after keyed ones", async () => {
    const clinic = await createClinic();
    await listPatients(clinic.clinician, {});
    const victim = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.clinician.userId }, orderBy: { id: "desc" } });
    await withTriggersOff(async () => {
      // Someone who can write to the database changes the event and hashes it again, with any key but the chain's.
      const forged = { ...victim, action: "patient.create" };
      await testDb().$executeRaw`UPDATE audit_event SET action = ${forged.action}, hash = ${chainHash(victim.prevHash, forged, "a-key-that-is-not-the-chain-key-0000")} WHERE id = ${victim.id}`;
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("altered") } });
      // Or as an event from before keying, with a plain hash anyone can compute.
      await testDb().$executeRaw`UPDATE audit_event SET keyed = false, hash = ${chainHash(victim.prevHash, forged, null)} WHERE id = ${victim.id}`;
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("not keyed") } });
      await testDb().$executeRaw`UPDATE audit_event SET action = ${victim.action}, keyed = true, hash = ${victim.hash} WHERE id = ${victim.id}`;
    });
    expect((await verifyAuditChain(testDb(), KEY)).intact).toBe(true);
  });

  it("signs the head every so many events, so removed checkpoints and removed newest events both show", async () => {
    const clinic = await createClinic();
    for (let i = 0; i < CHECKPOINT_EVERY * 2 + 5; i += 1) {
      await testDb().$transaction((tx) => recordAudit(tx, { actor: clinic.auditor, action: "audit.list", outcome: "success" }));
    }
    const status = await verifyAuditChain(testDb(), KEY);
    expect(status).toMatchObject({ intact: true });
    expect(status.checkpoints).toBeGreaterThanOrEqual(2);
    const [newest, middle] = await testDb().auditCheckpoint.findMany({ orderBy: { eventId: "desc" }, take: 2 });

    await withTriggersOff(async () => {
      await testDb().auditCheckpoint.delete({ where: { eventId: middle!.eventId } });
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { reason: expect.stringContaining("no signed checkpoint") } });
      await testDb().auditCheckpoint.create({ data: middle! });

      // The newest events go, the checkpoint that signed one of them stays: the chain alone would still link.
      const removed = await testDb().auditEvent.findMany({ where: { id: { gte: newest!.eventId } }, orderBy: { id: "asc" } });
      await testDb().auditEvent.deleteMany({ where: { id: { gte: newest!.eventId } } });
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { id: newest!.eventId.toString(), reason: expect.stringContaining("is gone") } });
      for (const event of removed) await testDb().auditEvent.create({ data: { ...event, detail: event.detail ?? {} } });
    });
    expect((await verifyAuditChain(testDb(), KEY)).intact).toBe(true);
  }, 60_000);
});

/** As the tables' owner could: switches off the append-only guards for the length of `change`. */
async function withTriggersOff(change: () => Promise<void>): Promise<void> {
  await testDb().$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
  await testDb().$executeRawUnsafe(`ALTER TABLE audit_checkpoint DISABLE TRIGGER USER`);
  try {
    await change();
  } finally {
    await testDb().$executeRawUnsafe(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    await testDb().$executeRawUnsafe(`ALTER TABLE audit_checkpoint ENABLE TRIGGER USER`);
  }
}
