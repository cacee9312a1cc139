import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { recordAudit } from "../lib/audit/audit-log";
import { sealPendingEvents, startAuditSealer } from "../lib/audit/audit-sealer";
import { chainHash, CHECKPOINT_EVERY } from "../lib/audit/chain-hash";
import { createPrismaClient } from "../lib/db/prisma-client";
import { listPatients } from "../lib/patients/patients-data";
import { createClinic, testDb, type Clinic } from "./support/fixtures";

const KEY = process.env.AUDIT_CHAIN_KEY!;

async function sealAndVerify(options: { full?: boolean } = {}) {
  await sealPendingEvents(testDb(), KEY);
  return verifyAuditChain(testDb(), KEY, options);
}

async function writeEvents(clinic: Clinic, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await testDb().$transaction((tx) => recordAudit(tx, { actor: clinic.auditor, action: "audit.list", outcome: "success" }));
}

async function sealOf(clinic: Clinic) {
  const event = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.clinician.userId }, orderBy: { id: "desc" }, include: { seal: true } });
  return { event, seal: event.seal! };
}

describe("verifyAuditChain", () => {
  it("verifies an intact chain, and finds an event altered, or its seal removed, behind the app's back", async () => {
    const clinic = await createClinic();
    await listPatients(clinic.clinician, {});
    await listPatients(clinic.auditor, {});
    const before = await sealAndVerify({ full: true });
    expect(before).toMatchObject({ intact: true, firstBroken: null, awaitingSeal: { count: 0 } });
    expect(before.events).toBe(await testDb().auditEvent.count());

    const { event: victim, seal } = await sealOf(clinic);
    await withTriggersOff(async () => {
      await testDb().$executeRaw`UPDATE audit_event SET action = 'patient.create' WHERE id = ${victim.id}`;
      expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("altered") } });
      await testDb().$executeRaw`UPDATE audit_event SET action = ${victim.action} WHERE id = ${victim.id}`;
      expect((await verifyAuditChain(testDb(), KEY, { full: true })).intact).toBe(true);

      await testDb().$executeRaw`DELETE FROM audit_seal WHERE seq = ${seal.seq}`;
      const gap = await verifyAuditChain(testDb(), KEY, { full: true });
      expect(gap).toMatchObject({ intact: false, firstBroken: { reason: expect.stringContaining("does not link") } });
      await testDb().auditSeal.create({ data: seal });
    });
    expect((await verifyAuditChain(testDb(), KEY, { full: true })).intact).toBe(true);
  });

  it("catches an event re-sealed without the chain's key, and events sealed unkeyed after keyed ones", async () => {
    const clinic = await createClinic();
    await listPatients(clinic.clinician, {});
    await sealPendingEvents(testDb(), KEY);
    const { event: victim, seal } = await sealOf(clinic);
    await withTriggersOff(async () => {
      // Someone who can write to the database changes the event and hashes it again, with any key but the chain's.
      const forged = { ...victim, action: "patient.create" };
      await testDb().$executeRaw`UPDATE audit_event SET action = ${forged.action} WHERE id = ${victim.id}`;
      await testDb().$executeRaw`UPDATE audit_seal SET hash = ${chainHash(seal.prevHash, forged, "a-key-that-is-not-the-chain-key-0000")} WHERE seq = ${seal.seq}`;
      expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("altered") } });
      // Or as an event from before keying, with a plain hash anyone can compute.
      await testDb().$executeRaw`UPDATE audit_seal SET keyed = false, hash = ${chainHash(seal.prevHash, forged, null)} WHERE seq = ${seal.seq}`;
      expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("not keyed") } });
      await testDb().$executeRaw`UPDATE audit_event SET action = ${victim.action} WHERE id = ${victim.id}`;
      await testDb().$executeRaw`UPDATE audit_seal SET keyed = true, hash = ${seal.hash} WHERE seq = ${seal.seq}`;
    });
    expect((await verifyAuditChain(testDb(), KEY, { full: true })).intact).toBe(true);
  });

  it("signs the head every so many seals, so removed checkpoints and removed newest events both show", async () => {
    const clinic = await createClinic();
    await writeEvents(clinic, CHECKPOINT_EVERY * 2 + 5);
    const status = await sealAndVerify({ full: true });
    expect(status).toMatchObject({ intact: true });
    expect(status.checkpoints).toBeGreaterThanOrEqual(2);
    const [newest, middle] = await testDb().auditCheckpoint.findMany({ orderBy: { seq: "desc" }, take: 2 });

    await withTriggersOff(async () => {
      await testDb().auditCheckpoint.delete({ where: { seq: middle!.seq } });
      expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: false, firstBroken: { reason: expect.stringContaining("no signed checkpoint") } });
      await testDb().auditCheckpoint.create({ data: middle! });

      // The newest seals go, the checkpoint that signed one of them stays: the chain alone would still link.
      const removed = await testDb().auditSeal.findMany({ where: { seq: { gte: newest!.seq } }, orderBy: { seq: "asc" } });
      await testDb().auditSeal.deleteMany({ where: { seq: { gte: newest!.seq } } });
      expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: false, firstBroken: { id: newest!.seq.toString(), reason: expect.stringContaining("is gone") } });
      await testDb().auditSeal.createMany({ data: removed });
    });
    expect((await verifyAuditChain(testDb(), KEY, { full: true })).intact).toBe(true);
  }, 60_000);

  it("reads only what was sealed since the last verified checkpoint, and still finds tampering after it", async () => {
    const clinic = await createClinic();
    await writeEvents(clinic, CHECKPOINT_EVERY + 1);
    const first = await sealAndVerify();
    expect(first.intact).toBe(true);
    const mark = await testDb().auditVerification.findFirstOrThrow({ orderBy: { seq: "desc" } });

    await writeEvents(clinic, 3);
    await listPatients(clinic.clinician, {});
    const second = await sealAndVerify();
    expect(second).toMatchObject({ intact: true, events: first.events + 4 });
    // At most the seals after the last mark: never the whole chain again.
    expect(second.checkedNow).toBeLessThanOrEqual(CHECKPOINT_EVERY + 4);
    expect(second.checkedNow).toBeLessThan(second.events);

    // Sealed after the second verification, so after any mark it signed: when the chain's length puts a checkpoint on
    // the newest seal, that verification trusts everything up to it.
    await listPatients(clinic.clinician, {});
    await sealPendingEvents(testDb(), KEY);
    const latestMark = await testDb().auditVerification.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const { event: victim } = await sealOf(clinic);
    expect(victim.seal!.seq).toBeGreaterThan(latestMark.seq);
    await withTriggersOff(async () => {
      await testDb().$executeRaw`UPDATE audit_event SET outcome = 'denied' WHERE id = ${victim.id}`;
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { id: victim.id.toString(), reason: expect.stringContaining("altered") } });
      await testDb().$executeRaw`UPDATE audit_event SET outcome = ${victim.outcome}::"AuditOutcome" WHERE id = ${victim.id}`;
    });

    // Before the mark, the quick check trusts what it verified; the full walk re-reads everything and finds it.
    const old = await testDb().auditSeal.findFirstOrThrow({ where: { seq: { lt: mark.seq } }, orderBy: { seq: "desc" }, include: { event: true } });
    await withTriggersOff(async () => {
      await testDb().$executeRaw`UPDATE audit_event SET action = 'tampered' WHERE id = ${old.eventId}`;
      expect((await verifyAuditChain(testDb(), KEY)).intact).toBe(true);
      expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: false, firstBroken: { id: old.eventId.toString() } });
      await testDb().$executeRaw`UPDATE audit_event SET action = ${old.event.action} WHERE id = ${old.eventId}`;
    });
    expect((await verifyAuditChain(testDb(), KEY, { full: true })).intact).toBe(true);
  }, 60_000);

  it("refuses a verification mark not signed with the chain's key, so it cannot be used to skip tampered seals", async () => {
    const clinic = await createClinic();
    await writeEvents(clinic, 2);
    await sealAndVerify();
    const head = await testDb().auditSeal.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const mark = await testDb().auditVerification.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await withTriggersOff(async () => {
      await testDb().auditVerification.create({ data: { ...mark, seq: head.seq, hash: head.hash, signature: "0".repeat(64) } });
      expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { reason: expect.stringContaining("forged") } });
      await testDb().auditVerification.delete({ where: { seq: head.seq } });
    });
    expect((await verifyAuditChain(testDb(), KEY)).intact).toBe(true);
  });

  it("finds an event whose pending marker was removed before it could be sealed", async () => {
    const clinic = await createClinic();
    await sealPendingEvents(testDb(), KEY);
    await writeEvents(clinic, 1);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.auditor.userId }, orderBy: { id: "desc" } });
    expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: true, awaitingSeal: { count: 1 } });
    await testDb().auditPending.delete({ where: { eventId: event.id } });
    expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: false, firstBroken: { id: event.id.toString(), reason: expect.stringContaining("pending marker was removed") } });
    await testDb().auditPending.create({ data: { eventId: event.id } });
    expect((await sealAndVerify()).intact).toBe(true);
  });
});

describe("the sealer", () => {
  it("chains events from concurrent writers in commit order, with two sealers taking turns", async () => {
    const clinic = await createClinic();
    const secondPool = createPrismaClient(process.env.DATABASE_URL!);
    const sealers = [startAuditSealer(testDb(), KEY, 20), startAuditSealer(secondPool, KEY, 20)];
    try {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (i % 2 ? testDb() : secondPool).$transaction((tx) => recordAudit(tx, { actor: clinic.auditor, action: "audit.list", outcome: "success", detail: { writer: i } })),
        ),
      );
    } finally {
      await Promise.all(sealers.map((sealer) => sealer.stop()));
      await secondPool.$disconnect();
    }
    expect(await testDb().auditPending.count()).toBe(0);
    const written = await testDb().auditEvent.findMany({ where: { actorUserId: clinic.auditor.userId }, include: { seal: true } });
    expect(written).toHaveLength(60);
    expect(written.every((event) => event.seal)).toBe(true);
    expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: true });
  });

  it("chains events written by another process at the same time as this one's", async () => {
    const clinic = await createClinic();
    const other = spawn(process.execPath, ["--import", "tsx", "tests/support/audit-writer.ts", clinic.auditor.userId, clinic.organizationId, "80"], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL!, AUDIT_CHAIN_KEY: KEY },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => other.on("exit", resolve));
    const sealer = startAuditSealer(testDb(), KEY, 20);
    try {
      await Promise.all(Array.from({ length: 40 }, () => testDb().$transaction((tx) => recordAudit(tx, { actor: clinic.auditor, action: "audit.list", outcome: "success" }))));
      expect(await exited).toBe(0);
    } finally {
      await sealer.stop();
    }
    const written = await testDb().auditEvent.findMany({ where: { actorUserId: clinic.auditor.userId }, include: { seal: true } });
    expect(written).toHaveLength(120);
    expect(written.every((event) => event.seal)).toBe(true);
    expect(await verifyAuditChain(testDb(), KEY, { full: true })).toMatchObject({ intact: true });
  }, 60_000);

  it("loses nothing when sealing fails part-way: the events stay pending and are sealed on the next run", async () => {
    const clinic = await createClinic();
    await sealPendingEvents(testDb(), KEY);
    await writeEvents(clinic, CHECKPOINT_EVERY + 3);
    const sealsBefore = await testDb().auditSeal.count();
    // The database fails while the seals are being written (after the first ones went in, in the same transaction).
    await testDb().$executeRawUnsafe(`
      CREATE FUNCTION fail_sealing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full'; END; $$;
      CREATE TRIGGER fail_sealing BEFORE INSERT ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION fail_sealing();`);
    try {
      await expect(sealPendingEvents(testDb(), KEY)).rejects.toThrow(/disk is full/);
    } finally {
      await testDb().$executeRawUnsafe(`DROP TRIGGER fail_sealing ON audit_checkpoint; DROP FUNCTION fail_sealing();`);
    }
    expect(await testDb().auditSeal.count()).toBe(sealsBefore);
    expect(await testDb().auditPending.count()).toBe(CHECKPOINT_EVERY + 3);
    expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: true, awaitingSeal: { count: CHECKPOINT_EVERY + 3 } });

    // The app starts again: a new client, a new sealer.
    const restarted = createPrismaClient(process.env.DATABASE_URL!);
    try {
      expect(await sealPendingEvents(restarted, KEY)).toBe(CHECKPOINT_EVERY + 3);
    } finally {
      await restarted.$disconnect();
    }
    expect(await verifyAuditChain(testDb(), KEY)).toMatchObject({ intact: true, awaitingSeal: { count: 0 } });
  }, 60_000);
});

/** As the tables' owner could: switches off the append-only guards for the length of `change`. */
async function withTriggersOff(change: () => Promise<void>): Promise<void> {
  const tables = ["audit_event", "audit_seal", "audit_checkpoint", "audit_verification"];
  for (const table of tables) await testDb().$executeRawUnsafe(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    await change();
  } finally {
    for (const table of tables) await testDb().$executeRawUnsafe(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
}
