// npm run bench:measures — each auditor measure over 1,000,000 signed encounters in PostgreSQL. Seeds the
// benchmark database on first use (BENCH_DATABASE_URL, default a backstep_bench database on the local server),
// then times what a measure's page loads (figure, monthly trend, spread by clinician and site, first 200 cases)
// over the last twelve months and over all three years. Runs with the react-server condition (see package.json).
import pg from "pg";
import { migrate } from "../lib/db/migrator";
import { createPrismaClient, DEFAULT_POOL } from "../lib/db/prisma-client";
import { rebuildMeasureCasesIfOutdated } from "../lib/measures/measure-cases";
import { resolveActor } from "../lib/auth/resolve-actor";
import type { Actor } from "../lib/access/actor";
import { MEASURES } from "../lib/measures/measure-definitions";
import { defaultPeriod } from "../lib/measures/period";
import { BENCH_AUDITOR, seedMeasuresBench } from "./measures-bench-data";
import { summarize } from "./bench-database";

const ROUNDS = 5;
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/backstep_bench");
const log = (line: string) => console.log(line);

async function recreateDatabase(drop: boolean): Promise<void> {
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  const name = url.pathname.slice(1);
  if (drop) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

const today = new Date(new Date().toISOString().slice(0, 10));
await recreateDatabase(false);
await migrate(url.toString());
let encounters = await seedMeasuresBench(url.toString(), today, log);
if (encounters !== 1_000_000) {
  log(`bench: found ${encounters} encounters from an interrupted seed; starting again`);
  await recreateDatabase(true);
  await migrate(url.toString());
  encounters = await seedMeasuresBench(url.toString(), today, log);
}

const building = performance.now();
const builder = createPrismaClient(url.toString(), { ...DEFAULT_POOL, statementTimeoutMs: 600_000 });
const built = await rebuildMeasureCasesIfOutdated(builder);
await builder.$disconnect();
if (built) log(`bench: measure cases worked out for ${built.toLocaleString("en-US")} patients in ${((performance.now() - building) / 1000).toFixed(0)} s`);

process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= "benchmark-secret-that-is-long-enough-to-pass";
process.env.AUDIT_CHAIN_KEY ??= "benchmark-audit-chain-key-long-enough-to-pass";
const prisma = createPrismaClient(url.toString());
const auditor = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_AUDITOR } });
const actor = (await resolveActor(prisma, { userId: auditor.id, signedInAt: Date.now() })) as Actor;
const { getMeasure, listMeasures } = await import("../lib/measures/measures-data");

async function time(run: () => Promise<unknown>): Promise<string> {
  await run();
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const facts = await prisma.encounterFact.count({ where: { organizationId: actor.organizationId } });
log(`\n${encounters.toLocaleString("en-US")} signed encounters (${facts.toLocaleString("en-US")} with measure facts) in PostgreSQL at ${url.host}${url.pathname}`);
const twelveMonths = defaultPeriod(today);
const threeYears = { from: new Date(today.getTime() - 1095 * 86_400_000).toISOString().slice(0, 10), to: twelveMonths.to };
for (const [label, period] of [["last twelve months", twelveMonths], ["all three years", threeYears]] as const) {
  log(`\n${label} (${period.from} to ${period.to}), ${ROUNDS} runs after one warm-up:`);
  for (const measure of MEASURES) {
    log(`  ${`${measure.number}. ${measure.id}`.padEnd(44)} ${await time(() => getMeasure(actor, { id: measure.id, ...period }))}`);
  }
  log(`  ${"dashboard (all eight: figure, trend, spread)".padEnd(44)} ${await time(() => listMeasures(actor, period))}`);
}
await prisma.$disconnect();
