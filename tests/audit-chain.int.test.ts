import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { listPatients } from "../lib/patients/patients-data";
import { createClinic, testDb } from "./support/fixtures";

describe("verifyAuditChain", () => {
  it("verifies an intact chain, and finds a row altered behind the app's back", async () => {
    const clinic = await createClinic();
    await listPatients(clinic.clinician, {});
    await listPatients(clinic.auditor, {});
    const before = await verifyAuditChain(testDb());
    expect(before).toMatchObject({ intact: true, firstBroken: null });
    expect(before.events).toBe(await testDb().auditEvent.count());

    const victim = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.clinician.userId }, orderBy: { id: "desc" } });
    // Someone with direct database access switches the guard off and edits history.
    await testDb().$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete`);
    try {
      await testDb().$executeRaw`UPDATE audit_event SET action = 'patient.create' WHERE id = ${victim.id}`;
      expect(await verifyAuditChain(testDb())).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("altered") } });
      await testDb().$executeRaw`UPDATE audit_event SET action = ${victim.action} WHERE id = ${victim.id}`;
      expect((await verifyAuditChain(testDb())).intact).toBe(true);
      await testDb().$executeRaw`DELETE FROM audit_event WHERE id = ${victim.id}`;
      const gap = await verifyAuditChain(testDb());
      expect(gap).toMatchObject({ intact: false, firstBroken: { reason: expect.stringContaining("does not link") } });
      expect(BigInt(gap.firstBroken!.id)).toBeGreaterThan(victim.id);
      await testDb().auditEvent.create({ data: { ...victim, detail: victim.detail ?? {} } });
    } finally {
      await testDb().$executeRawUnsafe(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete`);
    }
    expect((await verifyAuditChain(testDb())).intact).toBe(true);
  });
});
