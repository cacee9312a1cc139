// npm run bench:cds — the CDS Hooks services as an EHR calls them: Backstep as `npm start` runs it, on the embedded
// database and on PostgreSQL (BENCH_SERVER_URL, a scratch database dropped after), 20 concurrent clients for a bounded
// time each on loopback, every call carrying its own ES384 JWT (signed before the run) and a prefetched chart (a patient on oxycodone and temazepam with chronic back pain). Prints p50, p99, throughput and
// failures for patient-view and order-select; the aim is p99 under 100 ms (an EHR waits about 500 ms for cards).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createEhrClient, EHR_ISSUER } from "../tests/support/ehr-client";
import { scratchDatabase, startLauncher } from "./app-processes";
import { expectStatus, formatLoad, percentile, runLoad, type LoadResult } from "./http-load";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = 3450;
const TOKENS_PER_RUN = 12_000;
// Both services are first called for a while unmeasured, so the figures are of a warmed-up server (its code compiled
// by the JIT), as an EHR meets it, not of its first seconds.
const WARM_UP_MS = 3000;
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

const tablets = (id: string, display: string, everyHours: number) => ({
  resourceType: "MedicationRequest",
  id,
  status: "active",
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: "0", display }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: everyHours, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, code: "{tbl}" } }] }],
});
const bundle = (...resources: object[]) => ({ resourceType: "Bundle", type: "searchset", entry: resources.map((resource) => ({ resource })) });
const PREFETCH = {
  patient: { resourceType: "Patient", id: "p1", birthDate: "1966-04-02", gender: "female" },
  conditions: bundle({ resourceType: "Condition", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "M54.50" }] }, onsetDateTime: "2025-02-01" }),
  medications: bundle(tablets("m1", "oxycodone hydrochloride 10 MG Oral Tablet", 6), tablets("m2", "temazepam 15 MG Oral Capsule", 24)),
  observations: bundle({ resourceType: "Observation", status: "final", code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] }, effectiveDateTime: new Date().toISOString().slice(0, 10), valueQuantity: { value: 6 } }),
  procedures: null,
};
const DRAFT = { ...tablets("d1", "gabapentin 300 MG Oral Capsule", 8), status: "draft" };

const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ehr = await createEhrClient();

/** Tokens signed before the run: the EHR's signing is its own work, not Backstep's answer time. */
async function tokensFor(url: string, count: number): Promise<() => string> {
  const tokens = await Promise.all(Array.from({ length: count }, () => ehr.token(url)));
  let next = 0;
  return () => {
    if (next >= tokens.length) throw new Error("out of pre-signed tokens");
    return tokens[next++] as string;
  };
}

async function bench(label: string, env: Record<string, string>): Promise<LoadResult[]> {
  const app = await startLauncher(PORT, mkdtempSync(join(tmpdir(), "backstep-bench-cds-")), { CDS_CLIENT_ISS: EHR_ISSUER, CDS_CLIENT_JWKS_FILE: ehr.jwksFile, BACKSTEP_PUBLIC_URL: `http://localhost:${PORT}`, ...env });
  try {
    const call = async (service: string, token: () => string, body: object) => {
      const response = await fetch(`${app.url}/cds-services/${service}`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token()}` }, body: JSON.stringify(body) });
      await expectStatus(response, 200);
      const { cards } = (await response.json()) as { cards: unknown[] };
      if (!cards.length) throw new Error("no cards");
    };
    const context = { userId: "Practitioner/1", patientId: "p1" };
    const results: LoadResult[] = [];
    for (const [name, service, body] of [
      ["patient-view (prefetch)", "backstep-patient-view", () => ({ hook: "patient-view", hookInstance: randomUUID(), context, prefetch: PREFETCH })],
      ["order-select (prefetch)", "backstep-order-select", () => ({ hook: "order-select", hookInstance: randomUUID(), context: { ...context, draftOrders: bundle(DRAFT), selections: ["MedicationRequest/d1"] }, prefetch: PREFETCH })],
    ] as const) {
      const token = await tokensFor(`${app.url}/cds-services/${service}`, TOKENS_PER_RUN);
      await runLoad(`${name} warm-up`, CLIENTS, WARM_UP_MS, () => call(service, token, body()), TOKENS_PER_RUN / 4);
      results.push(await runLoad(name, CLIENTS, SECONDS * 1000, () => call(service, token, body()), (TOKENS_PER_RUN * 3) / 4));
    }
    console.log(`\n${label}: ${CLIENTS} concurrent clients, ${SECONDS} s each, loopback`);
    for (const result of results) console.log(formatLoad(result));
    return results;
  } finally {
    await app.stop();
  }
}

const embedded = await bench("embedded database (PGlite)", {});
const scratch = await scratchDatabase(SERVER);
let postgres: LoadResult[];
try {
  postgres = await bench("PostgreSQL", { DATABASE_URL: scratch.url });
} finally {
  await scratch.close();
}
for (const [label, results] of [["embedded", embedded], ["PostgreSQL", postgres]] as const) {
  const worst = Math.max(...results.map((r) => percentile(r.latencies, 0.99)));
  console.log(`aim, ${label}: p99 under 100 ms with prefetch: ${worst < 100 ? "met" : "NOT met"} (worst p99 ${worst.toFixed(0)} ms; failures ${results.reduce((n, r) => n + r.failures, 0)})`);
}
