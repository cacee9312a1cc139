import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as launchRoute } from "../app/smart/launch/route";
import { GET as callbackRoute } from "../app/smart/callback/route";
import { GET as jwksRoute } from "../app/.well-known/jwks.json/route";
import { createEhrLink, deleteEhrLink, listEhrLinks } from "../lib/organizations/ehr-links-data";
import { createClinic, testDb, type Clinic } from "./support/fixtures";
import { writeSmartClientKey } from "./support/smart-client-key";
import { startTestEhr, type TestEhr } from "./support/test-ehr";

// The SMART EHR launch end to end against a test EHR: launch, authorize with PKCE, token with a signed client
// assertion, the EHR user mapped by an administrator's link, the patient found or made, a visit filled from the chart.
const ORIGIN = "https://backstep.test";
const CLIENT_ID = "backstep-int";
let clinic: Clinic;
let ehr: TestEhr;

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const chart = (patientId: string, mrn: string) => ({
  Patient: [{ resourceType: "Patient", id: patientId, identifier: [{ type: { coding: [{ code: "MR" }] }, value: mrn }], name: [{ use: "official", given: ["Ana"], family: "Ruiz" }], birthDate: "1971-02-03", gender: "female" }],
  Condition: [{ resourceType: "Condition", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://snomed.info/sct", code: "278860009" }] }, onsetDateTime: "2026-01-05" }],
  MedicationRequest: [
    {
      resourceType: "MedicationRequest",
      id: "m1",
      status: "active",
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: "0", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, code: "{tbl}" } }] }],
    },
  ],
  Observation: [{ resourceType: "Observation", status: "final", code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] }, effectiveDateTime: new Date().toISOString().slice(0, 10), valueQuantity: { value: 7 } }],
  Procedure: [],
});

beforeAll(async () => {
  clinic = await createClinic();
  const keyFile = join(mkdtempSync(join(tmpdir(), "smart-")), "key.json");
  writeSmartClientKey(keyFile);
  ehr = await startTestEhr({ clientId: CLIENT_ID, backstepKeys: async () => (await (await jwksRoute()).json()) as JSONWebKeySet });
  Object.assign(process.env, { SMART_ISSUERS: `${ehr.fhirBase},https://other-ehr.test/fhir`, SMART_CLIENT_ID: CLIENT_ID, SMART_PRIVATE_KEY_FILE: keyFile, BACKSTEP_PUBLIC_URL: ORIGIN });
  Object.assign(ehr.resources, chart("ehr-p1", `MRN-${clinic.organizationId.slice(0, 8)}`));
});

afterAll(async () => {
  await ehr.close();
});

/** Launch → authorize → callback, as the browser goes; returns the callback's answer. */
async function launch(launchId: string, options: { cookie?: (binding: string) => string; iss?: string } = {}): Promise<Response> {
  const started = await launchRoute(new Request(`${ORIGIN}/smart/launch?iss=${encodeURIComponent(options.iss ?? ehr.fhirBase)}&launch=${launchId}`));
  expect(started.status).toBe(303);
  const binding = /backstep-smart-launch=([^;]+)/.exec(started.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const authorized = await fetch(started.headers.get("location") ?? "", { redirect: "manual" });
  expect(authorized.status).toBe(302);
  const callback = authorized.headers.get("location") ?? "";
  expect(callback.startsWith(`${ORIGIN}/smart/callback?`)).toBe(true);
  return callbackRoute(new Request(callback, { headers: { cookie: options.cookie ? options.cookie(binding) : `backstep-smart-launch=${binding}` } }));
}

describe("SMART EHR launch", () => {
  it("publishes Backstep's public key, never the private one", async () => {
    const { keys } = (await (await jwksRoute()).json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kid: "backstep-1", alg: "ES384", kty: "EC" });
    expect(keys[0]?.d).toBeUndefined();
  });

  it("refuses an EHR that is not on the allow-list, and a launch without its parameters", async () => {
    expect((await launchRoute(new Request(`${ORIGIN}/smart/launch?iss=${encodeURIComponent("https://evil.test/fhir")}&launch=x`))).status).toBe(403);
    expect((await launchRoute(new Request(`${ORIGIN}/smart/launch?launch=x`))).status).toBe(400);
  });

  it("refuses an EHR user no administrator linked, and records it", async () => {
    const response = await launch(ehr.launch("Practitioner/unlinked", "ehr-p1"));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/not linked to a Backstep clinician/);
    expect(await testDb().auditEvent.findFirst({ where: { action: "smart.launch", outcome: "denied", detail: { path: ["fhirUser"], equals: "Practitioner/unlinked" } } })).not.toBeNull();
  });

  it("signs the linked clinician in and opens a visit filled from the chart, marked as from the EHR", async () => {
    await createEhrLink(clinic.admin, { issuer: ehr.fhirBase, fhirUser: `${ehr.fhirBase}/Practitioner/dr-1`, userId: clinic.clinician.userId });
    const tokensBefore = ehr.seen.tokenRequests;
    const response = await launch(ehr.launch("Practitioner/dr-1", "ehr-p1"));
    expect(response.status).toBe(303);
    expect(ehr.seen.tokenRequests).toBe(tokensBefore + 1);
    const encounterId = response.headers.get("location")?.split("/").pop() ?? "";
    expect(response.headers.get("set-cookie")).toMatch(/next-auth\.session-token=[^;]+; Path=\/;.*HttpOnly/);
    const encounter = await testDb().encounter.findUniqueOrThrow({ where: { id: encounterId }, select: { clinicianId: true, status: true, assessment: true, ehrSource: true, patient: { select: { mrn: true, givenName: true, familyName: true, organizationId: true } } } });
    expect(encounter).toMatchObject({ clinicianId: clinic.clinician.userId, status: "draft", patient: { givenName: "Ana", familyName: "Ruiz", organizationId: clinic.organizationId } });
    expect(encounter.assessment).toMatchObject({ pain: { intensity: 7 }, medications: [{ drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 4 }] });
    expect((encounter.assessment as { pain: { durationWeeks: number } }).pain.durationWeeks).toBeGreaterThan(40);
    expect(encounter.ehrSource).toMatchObject({ issuer: ehr.fhirBase, filled: expect.arrayContaining(["age", "pain duration", "pain intensity", "medications"]) });
    // The access token went to the FHIR server and nowhere else: not into the visit, not into the trail.
    const token = ehr.seen.fhirAuthorizations.at(-1)?.replace("Bearer ", "") ?? "";
    expect(token).not.toBe("");
    const trail = await testDb().auditEvent.findMany({ where: { organizationId: clinic.organizationId, action: "smart.launch" }, select: { detail: true } });
    expect(JSON.stringify(trail)).not.toContain(token);
    expect(JSON.stringify(encounter)).not.toContain(token);
  });

  it("finds the same patient at the next launch instead of making another, and ties a card's launch to its hook call", async () => {
    const response = await launch(ehr.launch("Practitioner/dr-1", "ehr-p1", JSON.stringify({ hookInstance: "hook-from-card" })));
    expect(response.status).toBe(303);
    const encounterId = response.headers.get("location")?.split("/").pop() ?? "";
    expect(await testDb().auditEvent.findFirst({ where: { action: "smart.launch", entityId: encounterId, outcome: "success" }, orderBy: { id: "desc" }, select: { detail: true } })).toMatchObject({ detail: { hookInstance: "hook-from-card" } });
    expect(await testDb().patient.count({ where: { organizationId: clinic.organizationId, givenName: "Ana", familyName: "Ruiz" } })).toBe(1);
  });

  it("refuses a callback in another browser (no binding cookie, or another's) and a state used twice", async () => {
    expect((await launch(ehr.launch("Practitioner/dr-1", "ehr-p1"), { cookie: () => "" })).status).toBe(403);
    expect((await launch(ehr.launch("Practitioner/dr-1", "ehr-p1"), { cookie: () => "backstep-smart-launch=forged" })).status).toBe(403);
    const started = await launchRoute(new Request(`${ORIGIN}/smart/launch?iss=${encodeURIComponent(ehr.fhirBase)}&launch=${ehr.launch("Practitioner/dr-1", "ehr-p1")}`));
    const binding = /backstep-smart-launch=([^;]+)/.exec(started.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const callback = (await fetch(started.headers.get("location") ?? "", { redirect: "manual" })).headers.get("location") ?? "";
    const again = () => callbackRoute(new Request(callback, { headers: { cookie: `backstep-smart-launch=${binding}` } }));
    expect((await again()).status).toBe(303);
    expect((await again()).status).toBe(400);
  });

  it("lets only an administrator keep the links, and a removed link no longer signs anyone in", async () => {
    await expect(createEhrLink(clinic.clinician, { issuer: ehr.fhirBase, fhirUser: "Practitioner/dr-2", userId: clinic.clinician.userId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createEhrLink(clinic.admin, { issuer: "https://evil.test/fhir", fhirUser: "Practitioner/dr-2", userId: clinic.clinician.userId })).rejects.toMatchObject({ code: "invalid-input", issues: [{ path: "issuer" }] });
    await expect(createEhrLink(clinic.admin, { issuer: ehr.fhirBase, fhirUser: "Practitioner/dr-2", userId: clinic.auditor.userId })).rejects.toMatchObject({ code: "invalid-input", issues: [{ path: "userId" }] });
    await expect(createEhrLink(clinic.admin, { issuer: ehr.fhirBase, fhirUser: "Practitioner/dr-1", userId: clinic.clinician.userId })).rejects.toMatchObject({ code: "conflict" });
    const { links } = await listEhrLinks(clinic.admin);
    await deleteEhrLink(clinic.admin, { id: links[0]?.id });
    expect((await launch(ehr.launch("Practitioner/dr-1", "ehr-p1"))).status).toBe(403);
  });
});
