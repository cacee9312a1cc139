// npm run bench:cds — the CDS Hooks services as an EHR calls them: Backstep as `npm start` runs it (embedded
// database), 20 concurrent clients for a bounded time each on loopback, every call carrying a freshly signed ES384 JWT
// and a prefetched chart (a patient on oxycodone and temazepam with chronic back pain). Prints p50, p99, throughput and
// failures for patient-view and order-select; the aim is p99 under 100 ms (an EHR waits about 500 ms for cards).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createEhrClient, EHR_ISSUER } from "../tests/support/ehr-client";
import { startLauncher } from "./app-processes";
import { expectStatus, formatLoad, percentile, runLoad } from "./http-load";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = 3450;
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

const ehr = await createEhrClient();
const app = await startLauncher(PORT, mkdtempSync(join(tmpdir(), "backstep-bench-cds-")), {
  CDS_CLIENT_ISS: EHR_ISSUER,
  CDS_CLIENT_JWKS_FILE: ehr.jwksFile,
  BACKSTEP_PUBLIC_URL: `http://localhost:${PORT}`,
});
try {
  const call = async (service: string, body: object) => {
    const url = `${app.url}/cds-services/${service}`;
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${await ehr.token(url)}` }, body: JSON.stringify(body) });
    await expectStatus(response, 200);
    const { cards } = (await response.json()) as { cards: unknown[] };
    if (!cards.length) throw new Error("no cards");
  };
  const context = { userId: "Practitioner/1", patientId: "p1" };
  const patientView = () => call("backstep-patient-view", { hook: "patient-view", hookInstance: randomUUID(), context, prefetch: PREFETCH });
  const orderSelect = () =>
    call("backstep-order-select", { hook: "order-select", hookInstance: randomUUID(), context: { ...context, draftOrders: bundle(DRAFT), selections: ["MedicationRequest/d1"] }, prefetch: PREFETCH });
  await Promise.all([patientView(), orderSelect()]);
  const results = [await runLoad("patient-view (prefetch)", CLIENTS, SECONDS * 1000, patientView), await runLoad("order-select (prefetch)", CLIENTS, SECONDS * 1000, orderSelect)];
  console.log(`\nCDS Hooks, ${CLIENTS} concurrent clients, ${SECONDS} s each, embedded database, loopback:`);
  for (const result of results) console.log(formatLoad(result));
  const worst = Math.max(...results.map((r) => percentile(r.latencies, 0.99)));
  console.log(`aim: p99 under 100 ms with prefetch: ${worst < 100 ? "met" : "not met"} (worst p99 ${worst.toFixed(0)} ms)`);
} finally {
  await app.stop();
}
