// npm run bench:api — Backstep as `npm start` runs it, once on the embedded database and once on PostgreSQL
// (BENCH_SERVER_URL, default the local server; a database is made for the run and dropped after), loaded on loopback
// by 50 clients at a time for a bounded time each: the health check, the recommendation API, a patient's chart page,
// and signing a visit (started and signed over HTTP as the visit page does; the signing is what is timed). Prints p50,
// p99, throughput and failures for each, and the aims. The chart and signing are then run again with 50 clinicians
// pausing between actions, as people do: a chart opened every ~2 s each, a visit started and signed every ~10 s each
// (still far busier than a clinic, where a clinician signs a visit every quarter of an hour), so the figures are what a
// clinician waits for on a busy server rather than the length of a queue no person would form.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEmbeddedDatabase } from "../lib/db/embedded-server";
import { createPrismaClient } from "../lib/db/prisma-client";
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD } from "../prisma/demo-accounts";
import { callServerAction, scratchDatabase, signInOverHttp, startLauncher } from "./app-processes";
import { expectStatus, formatLoad, percentile, runLoad, throughput, type LoadResult } from "./http-load";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// The paced runs last longer, so the 50 arrivals spread over the first pause are a small part of them.
const PACED_SECONDS = 20;
const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = 3400;
const SIGNING_PATIENTS = 4000;
const CHART_PACE_SECONDS = 2;
const SIGNING_PACE_SECONDS = 10;

const ASSESSMENT = {
  profile: "us",
  patient: { ageYears: 50, employment: "working" },
  pain: { durationWeeks: 30, intensity: 6, aggravatedBy: ["flexion"], directionalPreference: "extension" },
  treatments: [{ therapy: "physical-therapy", status: "completed", weeks: 8, adherencePercent: 80, response: "none" }],
  medications: [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }],
  opioidSafety: { naloxoneOnHand: true, pdmpReviewedDaysAgo: 10, urineDrugTestDaysAgo: 30 },
};
const API_INPUT = { asOf: "2026-11-02", ...ASSESSMENT };

async function bench(label: string, env: Record<string, string>, databaseUrl: (dataDir: string) => Promise<string>): Promise<LoadResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "backstep-bench-api-"));
  const app = await startLauncher(PORT, dataDir, env);
  const db = createPrismaClient(await databaseUrl(dataDir));
  try {
    const cookie = await signInOverHttp(app.url, DEMO_ACCOUNTS[0].email, DEMO_PASSWORD);
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
    const charts = (await db.patient.findMany({ where: { organizationId: organization.id }, select: { id: true } })).map((p) => p.id);
    // A patient of its own for every visit signed, so signers never meet on one draft.
    await db.patient.createMany({
      data: Array.from({ length: SIGNING_PATIENTS }, (_, i) => ({ organizationId: organization.id, mrn: `BENCH-${i}`, givenName: "Bench", familyName: `Patient ${i}`, birthDate: new Date("1975-06-01"), sex: "female" as const })),
    });
    const signing = (await db.patient.findMany({ where: { organizationId: organization.id, mrn: { startsWith: "BENCH-" } }, select: { id: true } })).map((p) => p.id);
    const headers = { Cookie: cookie };

    const health = () => fetch(`${app.url}/api/health`).then((r) => expectStatus(r, 200)).then((r) => r.arrayBuffer()).then(() => undefined);
    const recommend = () =>
      fetch(`${app.url}/api/v1/recommendations`, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(API_INPUT) })
        .then((r) => expectStatus(r, 200))
        .then((r) => r.arrayBuffer())
        .then(() => undefined);
    const chart = (i: number) =>
      fetch(`${app.url}/patients/${charts[i % charts.length]}`, { headers: { ...headers, Accept: "text/html" }, redirect: "manual" })
        .then((r) => expectStatus(r, 200))
        .then((r) => r.arrayBuffer())
        .then(() => undefined);
    const sign = async (i: number) => {
      const patientId = signing[i]!;
      const started = await callServerAction(app.url, cookie, `/patients/${patientId}`, "startVisitAction", [patientId]);
      const encounterId = started.redirect?.split("/").pop();
      if (!encounterId) throw new Error(`starting the visit: HTTP ${started.status}`);
      const t = performance.now();
      const signed = await callServerAction(app.url, cookie, `/encounters/${encounterId}`, "signAction", [{ encounterId, version: 1, assessment: ASSESSMENT, decisions: [], orders: [] }]);
      const elapsed = performance.now() - t;
      if (signed.status !== 200 || !signed.text.includes('"ok":true')) throw new Error(`signing: HTTP ${signed.status}${signed.text.includes('"ok":false') ? " refused" : ""}`);
      return elapsed;
    };

    // Warm every path once, so the figures are of a running server, not of its first requests.
    await Promise.all([health(), recommend(), chart(0)]);
    const results = [
      await runLoad("GET /api/health", CLIENTS, SECONDS * 1000, health),
      await runLoad("POST /api/v1/recommendations", CLIENTS, SECONDS * 1000, recommend),
      await runLoad("GET /patients/[id] (chart page)", CLIENTS, SECONDS * 1000, chart),
      await runLoad("signing a visit", CLIENTS, SECONDS * 1000, sign, signing.length / 2),
      await runLoad(`chart page, each every ~${CHART_PACE_SECONDS} s`, CLIENTS, PACED_SECONDS * 1000, chart, Infinity, CHART_PACE_SECONDS * 1000),
      await runLoad(`signing, each a visit every ~${SIGNING_PACE_SECONDS} s`, CLIENTS, PACED_SECONDS * 1000, (i) => sign(i + signing.length / 2), signing.length / 2, SIGNING_PACE_SECONDS * 1000),
    ];
    const unsealed = await db.auditPending.count();
    console.log(`\n${label}: ${CLIENTS} clients, ${SECONDS} s each`);
    for (const result of results) console.log(formatLoad(result));
    console.log(`  audit events waiting to be sealed at the end: ${unsealed}`);
    return results;
  } finally {
    await db.$disconnect();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function verdict(results: LoadResult[]): string[] {
  const [health, recommend, chart, sign, pacedChart, pacedSign] = results as [LoadResult, LoadResult, LoadResult, LoadResult, LoadResult, LoadResult];
  const p99 = (r: LoadResult) => percentile(r.latencies, 0.99);
  return [
    `recommendation p99 ${p99(recommend).toFixed(0)} ms vs 3× health p99 ${(3 * p99(health)).toFixed(0)} ms: ${p99(recommend) <= 3 * p99(health) ? "met" : "NOT met"}`,
    `recommendation throughput ${throughput(recommend).toFixed(0)} vs half of health's ${(throughput(health) / 2).toFixed(0)} req/s: ${throughput(recommend) >= throughput(health) / 2 ? "met" : "NOT met"}`,
    `failures: ${results.reduce((n, r) => n + r.failures, 0)} (aim 0)`,
    `chart p99 ${p99(chart).toFixed(0)} ms, signing p99 ${p99(sign).toFixed(0)} ms (aim under 250 ms): ${p99(chart) < 250 && p99(sign) < 250 ? "met" : "NOT met"}${
      // The health check does no work of its own, so its p99 is what any request waits at this load on this machine.
      p99(health) >= 250 ? ` (out of reach here: the health check alone takes ${p99(health).toFixed(0)} ms at p99 under the same load)` : ""
    }`,
    `50 clinicians at a pace: chart p99 ${p99(pacedChart).toFixed(0)} ms, signing p99 ${p99(pacedSign).toFixed(0)} ms (under 250 ms): ${p99(pacedChart) < 250 && p99(pacedSign) < 250 ? "yes" : "no"}`,
  ];
}

const embedded = await bench("embedded database (PGlite)", {}, async (dataDir) => (await openEmbeddedDatabase(join(dataDir, "db"))).url);
const scratch = await scratchDatabase(SERVER);
let postgres: LoadResult[];
try {
  postgres = await bench("PostgreSQL", { DATABASE_URL: scratch.url }, async () => scratch.url);
} finally {
  await scratch.close();
}
console.log("\naims, embedded:");
for (const line of verdict(embedded)) console.log(`  ${line}`);
console.log("aims, PostgreSQL:");
for (const line of verdict(postgres)) console.log(`  ${line}`);
