import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { auditTableRights, grantAppRole, servingRoleProblem } from "../lib/db/app-role";
import { testDb } from "./support/fixtures";

// On PGlite and PostgreSQL alike: a role made for the test, granted as the app's role is at every start, then taken
// on inside a transaction to try what an attacker holding the app's connection would try.
describe("the app's database role", () => {
  it("may read and append audit events, but not change, delete or truncate them, nor disable the triggers", async () => {
    const role = `backstep_app_${randomUUID().slice(0, 8)}`;
    await testDb().$executeRawUnsafe(`CREATE ROLE ${role} NOLOGIN`);
    await grantAppRole(process.env.DATABASE_URL!, role);
    const asApp = async (sql: string) =>
      testDb().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL ROLE ${role}`);
        return tx.$queryRawUnsafe<unknown[]>(sql);
      });

    expect((await asApp(`SELECT count(*) FROM audit_event`)).length).toBe(1);
    expect(await asApp(`SELECT has_table_privilege('audit_event', 'INSERT') AS insert`)).toEqual([{ insert: true }]);
    for (const sql of [`UPDATE audit_event SET action = 'tampered'`, `DELETE FROM audit_event`, `TRUNCATE audit_event`, `DELETE FROM audit_checkpoint`, `UPDATE audit_seal SET hash = 'x'`, `DELETE FROM audit_seal`, `DELETE FROM audit_verification`]) {
      await expect(asApp(sql)).rejects.toThrow(/permission denied/);
    }
    for (const sql of [`ALTER TABLE audit_event DISABLE TRIGGER ALL`, `DROP TRIGGER audit_event_no_update_or_delete ON audit_event`]) {
      await expect(asApp(sql)).rejects.toThrow(/must be owner/);
    }
    expect(await asApp(`SELECT has_table_privilege('audit_pending', 'DELETE') AS delete`)).toEqual([{ delete: true }]);
    // The rest of the data is the app's to write.
    expect(await asApp(`SELECT has_table_privilege('patient', 'UPDATE') AS update`)).toEqual([{ update: true }]);
    expect(await asApp(`SELECT has_table_privilege('_prisma_migrations', 'INSERT') AS insert`)).toEqual([{ insert: false }]);
    // Roles belong to the whole server, not the test's database.
    await testDb().$executeRawUnsafe(`DROP OWNED BY ${role}`);
    await testDb().$executeRawUnsafe(`DROP ROLE ${role}`);
  });

  it("is told apart from the owner at start: production refuses to serve as a role that could rewrite the trail", async () => {
    const owner = await auditTableRights(process.env.DATABASE_URL!);
    expect(owner).toMatchObject({ canModify: true });
    expect(servingRoleProblem(owner)).toMatch(/MIGRATION_DATABASE_URL/);
    expect(servingRoleProblem({ superuser: false, owner: false, canModify: false })).toBeNull();
  });
});
