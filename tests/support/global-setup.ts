import type { TestProject } from "vitest/node";
import pg from "pg";
import { openMemoryDatabase } from "../../lib/db/embedded-server";
import { migrate } from "../../lib/db/migrator";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// The integration suite runs against a real Postgres: an in-memory PGlite served over the wire by default,
// or, with TEST_DATABASE_URL, a new database created on that PostgreSQL server and dropped afterwards.
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await openMemoryDatabase();
    await migrate(database.url);
    project.provide("databaseUrl", database.url);
    return () => database.close();
  }
  const name = `backstep_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  project.provide("databaseUrl", url.toString());
  console.log(`integration tests on PostgreSQL database ${name}`);
  return async () => {
    const cleanup = new pg.Client({ connectionString: server });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
