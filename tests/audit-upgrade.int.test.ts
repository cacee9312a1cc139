import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openMemoryDatabase } from "../lib/db/embedded-server";
import { migrate } from "../lib/db/migrator";
import { createPrismaClient } from "../lib/db/prisma-client";
import { chainHash, checkpointSignature, GENESIS_HASH } from "../lib/audit/chain-hash";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { sealPendingEvents } from "../lib/audit/audit-sealer";
import { recordAudit } from "../lib/audit/audit-log";

const KEY = process.env.AUDIT_CHAIN_KEY!;
const SEALER_MIGRATION = "20261201094002_audit_sealer";

describe("upgrading a trail chained by its writers to the sealer", () => {
  it("moves the chain into seals unchanged: it verifies, and new events continue it", async () => {
    const database = await openMemoryDatabase();
    const before = mkdtempSync(join(tmpdir(), "backstep-migrations-"));
    try {
      const all = readdirSync("prisma/migrations").filter((name) => /^\d/.test(name)).sort();
      for (const name of all.filter((name) => name < SEALER_MIGRATION)) cpSync(join("prisma/migrations", name), join(before, name), { recursive: true });
      await migrate(database.url, before);

      // Three events as the writers chained them, the first one signed into a checkpoint.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      let prevHash = GENESIS_HASH;
      for (const [i, action] of ["auth.sign-in", "patient.list", "audit.list"].entries()) {
        const at = new Date(Date.UTC(2026, 10, 30, 12, 0, i));
        const row = { at, actorUserId: null, actorRole: null, organizationId: null, action, outcome: "success", entityType: null, entityId: null, patientId: null, sourceAddress: "192.0.2.1", detail: { i } };
        const hash = chainHash(prevHash, row, KEY);
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO audit_event (at, action, outcome, source_address, detail, prev_hash, hash, keyed) VALUES ($1, $2, 'success', $3, $4, $5, $6, true) RETURNING id`,
          [at, action, row.sourceAddress, JSON.stringify(row.detail), prevHash, hash],
        );
        if (i === 0) await client.query(`INSERT INTO audit_checkpoint (event_id, hash, signature, at) VALUES ($1, $2, $3, $4)`, [rows[0]!.id, hash, checkpointSignature(KEY, BigInt(rows[0]!.id), hash), at]);
        prevHash = hash;
      }
      await client.end();

      await migrate(database.url);
      const db = createPrismaClient(database.url);
      try {
        expect(await verifyAuditChain(db, KEY, { full: true })).toMatchObject({ intact: true, events: 3, checkpoints: 1 });
        await db.$transaction((tx) => recordAudit(tx, { actor: null, action: "auth.sign-in", outcome: "failure", sourceAddress: "192.0.2.2" }));
        expect(await sealPendingEvents(db, KEY)).toBe(1);
        expect(await verifyAuditChain(db, KEY, { full: true })).toMatchObject({ intact: true, events: 4 });
        const newest = await db.auditSeal.findFirstOrThrow({ orderBy: { seq: "desc" } });
        expect(newest.prevHash).toBe(prevHash);
      } finally {
        await db.$disconnect();
      }
    } finally {
      rmSync(before, { recursive: true, force: true });
      await database.close();
    }
  }, 60_000);
});
