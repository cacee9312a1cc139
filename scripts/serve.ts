// Runs Backstep: picks the database (embedded or DATABASE_URL), migrates it, seeds demo data in demo mode,
// builds when the build is missing or older than the sources, then serves on PORT.
//   npm start             production build; embedded database with demo data, or DATABASE_URL in production mode
//   npm run dev           the same with Next's development server
//   --fresh               start from an empty embedded database (the data folder is removed first)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "../lib/db/prisma-client";
import { seedDemo } from "../prisma/seed";
import { deriveMissingFacts, rederiveOutdatedFacts } from "../lib/measures/fact-store";
import { rebuildMeasureCasesIfOutdated } from "../lib/measures/measure-cases";
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, OTHER_CLINIC_THERAPIST, OTHER_PRACTICE_CLINICIAN } from "../prisma/demo-accounts";
import { readLaunchEnv, requireProductionSettings } from "./launch-env";
import { demoSecret, openDatabase, prepareDatabase, applyAuditChainKey } from "./database";
import { auditTableRights, servingRoleProblem } from "../lib/db/app-role";

const dev = process.argv.includes("--dev");
const fresh = process.argv.includes("--fresh");
const NEXT = join("node_modules", ".bin", "next");
const TSX = join("node_modules", ".bin", "tsx");

async function main(): Promise<void> {
  const env = readLaunchEnv(process.env);
  requireProductionSettings(env);
  const auditChainKey = applyAuditChainKey(env);
  if (fresh && !env.DATABASE_URL) rmSync(env.BACKSTEP_DATA_DIR, { recursive: true, force: true });

  const database = await openDatabase(env);
  const migration = await prepareDatabase(env, database);
  log(`database ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded (${env.BACKSTEP_DATA_DIR})`}: ${migration.applied.length} migration(s) applied, ${migration.alreadyApplied} already in place`);

  if (env.BACKSTEP_MODE === "production") {
    const problem = servingRoleProblem(await auditTableRights(database.url));
    if (problem) throw new Error(problem);
  }
  const secret = env.NEXTAUTH_SECRET ?? demoSecret(env.BACKSTEP_DATA_DIR);
  const prisma = createPrismaClient(database.url);
  if (env.BACKSTEP_MODE === "demo") {
    const seeded = await seedDemo(prisma, startOfToday(), secret);
    log(seeded.created ? `demo data created: ${seeded.patients} patients` : `demo data already present: ${seeded.patients} patients`);
  }
  const derived = await deriveMissingFacts(prisma);
  if (derived) log(`measure facts derived for ${derived} signed encounter(s)`);
  const rederived = await rederiveOutdatedFacts(prisma);
  if (rederived.examined) log(`measure facts re-derived: ${rederived.examined} examined, ${rederived.changed} changed`);
  const rebuilt = await rebuildMeasureCasesIfOutdated(prisma);
  if (rebuilt) log(`measure cases worked out for ${rebuilt} patient(s)`);
  await prisma.$disconnect();

  if (!dev && buildIsStale()) {
    log("building the app (first start or changed sources)...");
    const build = spawnSync(NEXT, ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const url = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const server = spawn(TSX, ["scripts/next-server.ts", ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      AUDIT_CHAIN_KEY: auditChainKey,
      PORT: String(env.PORT),
      BACKSTEP_MODE: env.BACKSTEP_MODE,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (env.BACKSTEP_MODE === "demo") printDemoLogins(url);

  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    void database.close().finally(() => process.exit(code ?? 0));
  });
}

function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const SOURCE_ROOTS = ["app", "components", "lib", "prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "postcss.config.mjs", "tsconfig.json"];

function buildIsStale(): boolean {
  const marker = join(".next", "BUILD_ID");
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  return SOURCE_ROOTS.some((root) => newestChange(root) > builtAt);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

function printDemoLogins(url: string): void {
  const rows = [...DEMO_ACCOUNTS.map((account) => `    ${account.role.padEnd(20)} ${account.email}`), `    ${"(another PT clinic)".padEnd(20)} ${OTHER_CLINIC_THERAPIST.email}`, `    ${"(another practice)".padEnd(20)} ${OTHER_PRACTICE_CLINICIAN.email}`].join("\n");
  log(`demo mode: open ${url} and sign in with password "${DEMO_PASSWORD}" as\n${rows}\n  the administrator also gives a code: add the key ${DEMO_ADMIN_TOTP_SECRET} to an authenticator app, or run \`npm run --silent demo:code\``);
}

function log(message: string): void {
  console.log(`[backstep] ${message}`);
}

main().catch((error: Error) => {
  console.error(`[backstep] ${error.message}`);
  process.exit(1);
});
