import pg from "pg";

// The app runs as a role that owns nothing: migrations run as the owner (MIGRATION_DATABASE_URL), which then grants
// the app's role what serving needs. On the audit tables that is reading and appending only: without ownership the
// role can neither update, delete nor truncate events, their seals, signed checkpoints or verification marks, nor
// disable the triggers that also refuse those. (It may delete pending markers: sealing does, as it seals.)

/** Grants the app's role its rights, as the owner, after migrating: idempotent, so every start runs it. */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(appRole);
    await client.query(`
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
      REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event, audit_seal, audit_checkpoint, audit_verification FROM ${role};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM ${role};
    `);
  } finally {
    await client.end();
  }
}

export type AuditTableRights = { superuser: boolean; owner: boolean; canModify: boolean };

/** What the connected role could do to past audit events: nothing, for the role the app serves as in production. */
export async function auditTableRights(url: string): Promise<AuditTableRights> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<AuditTableRights>(`
      SELECT r.rolsuper AS superuser,
             pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
             has_table_privilege('audit_event', 'UPDATE') OR has_table_privilege('audit_event', 'DELETE') OR has_table_privilege('audit_event', 'TRUNCATE') AS "canModify"
      FROM pg_roles r, pg_class c
      WHERE r.rolname = current_user AND c.relname = 'audit_event' AND c.relnamespace = 'public'::regnamespace`);
    return rows[0] ?? { superuser: false, owner: false, canModify: false };
  } finally {
    await client.end();
  }
}

/** Why the app may not serve production as a role with these rights, or null when it may. */
export function servingRoleProblem(rights: AuditTableRights): string | null {
  if (!rights.superuser && !rights.owner && !rights.canModify) return null;
  const what = rights.superuser ? "a superuser" : rights.owner ? "the owner of the tables" : "allowed to change audit events";
  return (
    `In production the app must not be able to rewrite its audit trail, but DATABASE_URL signs in as ${what}. ` +
    "Set MIGRATION_DATABASE_URL to the owner (it migrates and grants) and DATABASE_URL to a role of its own that owns nothing; see the README."
  );
}

/** The role a connection URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || "postgres";
}
