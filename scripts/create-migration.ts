// npm run db:migration -- NAME: writes prisma/migrations/<timestamp>_<NAME>/migration.sql with the SQL that takes
// the committed migrations to prisma/schema.prisma. Offline: Prisma's schema engine as WebAssembly, diffing
// against a scratch PostgreSQL database that the existing migrations are applied to. (PGlite will not do here:
// it is a newer Postgres whose catalogs this engine version cannot read.)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrate } from "../lib/db/migrator";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- name_in_snake_case");
  process.exit(2);
}

// Node 20 cannot import .wasm files: instantiate the engine by hand and hand its exports to the bindings.
function loadEngine(): typeof engineBindings.SchemaEngine {
  // The engine reports a panic's message through this global before throwing.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => console.error(`schema engine panic: ${message}`),
  };
  const require = createRequire(import.meta.url);
  const wasmPath = join(require.resolve("@prisma/schema-engine-wasm"), "..", "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
  });
  (engineBindings as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return engineBindings.SchemaEngine;
}

// The engine reads Postgres catalogs whose "char" columns (type OID 18) the driver adapter cannot map;
// their text form is the character itself, so they are handed over as text (OID 25). The adapter queries
// through the pool outside transactions and through a checked-out client inside them: both are covered.
const PG_CHAR = 18;
const PG_TEXT = 25;

function asText(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  return result;
}

class CatalogClient extends pg.Client {
  override query(...args: unknown[]): never {
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then(asText) : pending) as never;
  }
}

class CatalogPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then(asText) : pending) as never;
  }
}

// A scratch database on the PostgreSQL server (SCRATCH_DATABASE_URL, default the local one), dropped afterwards.
const server = process.env.SCRATCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const scratchName = `backstep_migration_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE "${scratchName}"`);
const scratchUrl = new URL(server);
scratchUrl.pathname = `/${scratchName}`;
const scratch = { url: scratchUrl.toString() };
const pool = new CatalogPool({ connectionString: scratch.url, Client: CatalogClient });
try {
  await migrate(scratch.url);
  // Prisma does not model CHECK constraints (the migrations add them by hand) and this engine cannot read them
  // through the adapter: dropped from the scratch copy, the diff is the same.
  const direct = new pg.Client({ connectionString: scratch.url });
  await direct.connect();
  await direct.query(
    `DO $$ DECLARE c record; BEGIN
       FOR c IN SELECT conrelid::regclass AS t, conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace LOOP
         EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.t, c.conname);
       END LOOP;
     END $$`,
  );
  await direct.end();
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const files = [{ path: "schema.prisma", content: schema }];
  const engine = await loadEngine().new({ datamodels: [["schema.prisma", schema]] }, () => undefined, bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool)));
  const result = await engine.diff({
    from: { tag: "schemaDatasource", files, configDir: process.cwd() },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("prisma/schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), `${sql}\n`);
    console.log(`wrote ${dir}/migration.sql`);
  }
} finally {
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  await admin.end();
}
