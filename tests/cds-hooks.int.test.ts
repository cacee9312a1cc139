import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyPair, SignJWT, type CryptoKey } from "jose";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as discoveryRoute } from "../app/cds-services/route";
import { POST as serviceRoute } from "../app/cds-services/[id]/route";
import { POST as feedbackRoute } from "../app/cds-services/[id]/feedback/route";
import { createEhrClient, EHR_ISSUER as ISSUER, type Claims, type EhrClient } from "./support/ehr-client";
import { createClinic, testDb } from "./support/fixtures";
import { getMeasure } from "../lib/measures/measures-data";
import { listAuditEvents } from "../lib/audit/audit-data";
import { writeSmartClientKey } from "./support/smart-client-key";

// The CDS Hooks service as an EHR meets it: a JWT-signing client, a loopback FHIR server behind fhirAuthorization,
// and every malformed or forged request.
const ORIGIN = "https://backstep.test";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

let ehr: EhrClient;
let otherKey: CryptoKey;
let fhir: Server;
let fhirBase: string;
const fhirCalls: { url: string; authorization: string | undefined }[] = [];

const patient = { resourceType: "Patient", id: "p1", birthDate: "1968-05-01", gender: "male" };
const oxycodone = {
  resourceType: "MedicationRequest",
  id: "m1",
  status: "active",
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 4, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 2, code: "{tbl}" } }] }],
};
const temazepam = { ...oxycodone, id: "m2", medicationCodeableConcept: { coding: [{ system: RXNORM, code: "0", display: "temazepam 15 MG Oral Capsule" }] }, dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: 1, code: "{capsule}" } }] }] };
const backPain = { resourceType: "Condition", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://snomed.info/sct", code: "278860009" }] }, onsetDateTime: "2025-01-10" };
const bundle = (...resources: object[]) => ({ resourceType: "Bundle", type: "searchset", entry: resources.map((resource) => ({ resource })) });
const prefetch = { patient, conditions: bundle(backPain), medications: bundle(oxycodone, temazepam), observations: bundle(), procedures: null };

beforeAll(async () => {
  ehr = await createEhrClient();
  otherKey = (await generateKeyPair("ES384", { extractable: true })).privateKey;
  fhir = createServer((req, res) => {
    fhirCalls.push({ url: req.url ?? "", authorization: req.headers.authorization });
    if (req.headers.authorization !== "Bearer fhir-token") return void res.writeHead(401).end();
    const path = req.url ?? "";
    const body = path.startsWith("/fhir/Patient/p1") ? patient : path.startsWith("/fhir/Condition") ? bundle(backPain) : path.startsWith("/fhir/MedicationRequest") ? bundle(oxycodone, temazepam) : bundle();
    res.writeHead(200, { "content-type": "application/fhir+json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => fhir.listen(0, "127.0.0.1", resolve));
  fhirBase = `http://127.0.0.1:${(fhir.address() as AddressInfo).port}/fhir`;
  Object.assign(process.env, { CDS_CLIENT_ISS: `${ISSUER},https://other-ehr.test`, CDS_CLIENT_JWKS_FILE: ehr.jwksFile, BACKSTEP_PUBLIC_URL: ORIGIN, CDS_FHIR_ALLOWED_SERVERS: fhirBase });
});

afterAll(() => new Promise<void>((resolve) => fhir.close(() => resolve())));

const token = (path: string, claims: Claims = {}, options: { alg?: string; kid?: string; signer?: CryptoKey } = {}) => ehr.token(`${ORIGIN}${path}`, claims, options);

async function call(service: string, body: unknown, bearer?: string): Promise<Response> {
  const path = `/cds-services/${service}`;
  const request = new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer ?? (await token(path))}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return serviceRoute(request, { params: Promise.resolve({ id: service }) });
}

const patientView = (extra: object = {}) => ({ hook: "patient-view", hookInstance: randomUUID(), context: { userId: "Practitioner/1", patientId: "p1" }, prefetch, ...extra });

describe("discovery", () => {
  it("lists a service for each hook, with prefetch templates, to a trusted client only", async () => {
    const response = await discoveryRoute(new Request(`${ORIGIN}/cds-services`, { headers: { authorization: `Bearer ${await token("/cds-services")}` } }));
    expect(response.status).toBe(200);
    const { services } = (await response.json()) as { services: { hook: string; id: string; prefetch: Record<string, string> }[] };
    expect(services.map((s) => s.hook).sort()).toEqual(["order-select", "order-sign", "patient-view"]);
    expect(services[0]?.prefetch.patient).toBe("Patient/{{context.patientId}}");
    expect((await discoveryRoute(new Request(`${ORIGIN}/cds-services`))).status).toBe(401);
  });
});

describe("hooks", () => {
  it("answers patient-view from prefetch with the opioid and benzodiazepine card, and audits the call", async () => {
    const body = patientView();
    const response = await call("backstep-patient-view", body);
    expect(response.status).toBe(200);
    const { cards } = (await response.json()) as { cards: { uuid: string; indicator: string; summary: string; source: { topic: { code: string } } }[] };
    expect(cards.find((c) => c.source.topic.code === "opioid-benzodiazepine")?.indicator).toBe("critical");
    const event = await testDb().auditEvent.findFirst({ where: { action: "cds.hook", entityId: body.hookInstance } });
    expect(event?.detail).toMatchObject({ issuer: ISSUER, service: "backstep-patient-view", patientReference: "Patient/p1", cards: cards.map((c) => c.uuid) });
    expect(event?.detail).toMatchObject({ cardCodes: expect.arrayContaining(["opioid-benzodiazepine"]) });
    // Codes, ids and timings only: no medicine, card text or resource reaches the trail.
    expect(JSON.stringify(event?.detail)).not.toMatch(/temazepam|oxycodone|Consider/i);
  });

  it("links the info card to the Backstep visit through a SMART launch when the launch is set up", async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), "smart-")), "key.json");
    writeSmartClientKey(keyFile);
    Object.assign(process.env, { SMART_ISSUERS: "https://ehr.test/fhir", SMART_CLIENT_ID: "backstep", SMART_PRIVATE_KEY_FILE: keyFile });
    try {
      const body = patientView();
      const { cards } = (await (await call("backstep-patient-view", body)).json()) as { cards: { links?: { type: string; url: string; appContext?: string }[]; source: { topic: { code: string } } }[] };
      // No pain score in this chart: the info card says the assessment is incomplete, and opens the visit to finish it.
      const info = cards.find((c) => c.source.topic.code === "assessment-incomplete");
      expect(info?.links).toEqual([{ label: "Open the Backstep visit", url: `${ORIGIN}/smart/launch`, type: "smart", appContext: JSON.stringify({ hookInstance: body.hookInstance }) }]);
    } finally {
      delete process.env.SMART_ISSUERS;
    }
  });

  it("reads the FHIR server with the given token when prefetch is missing, and the same cards come back", async () => {
    fhirCalls.length = 0;
    const body = patientView({ prefetch: undefined, fhirServer: fhirBase, fhirAuthorization: { access_token: "fhir-token", token_type: "Bearer", expires_in: 300, scope: "patient/*.read", subject: "backstep" } });
    const response = await call("backstep-patient-view", body);
    expect(response.status).toBe(200);
    const { cards } = (await response.json()) as { cards: { source: { topic: { code: string } } }[] };
    expect(cards.map((c) => c.source.topic.code)).toContain("opioid-benzodiazepine");
    expect(fhirCalls.length).toBe(5);
    expect(fhirCalls.every((c) => c.authorization === "Bearer fhir-token")).toBe(true);
  });

  it("answers 412 when prefetch is missing and the FHIR server cannot be read (none given, or not allowed)", async () => {
    expect((await call("backstep-patient-view", patientView({ prefetch: undefined }))).status).toBe(412);
    const elsewhere = patientView({ prefetch: undefined, fhirServer: "https://evil.test/fhir", fhirAuthorization: { access_token: "t", token_type: "Bearer", expires_in: 300, scope: "s", subject: "s" } });
    expect((await call("backstep-patient-view", elsewhere)).status).toBe(412);
  });

  it("takes resources from generic prefetch keys and Bundle entries, and names what it could not read", async () => {
    const body = patientView({ prefetch: { item1: { response: { status: "200 OK" }, resource: patient }, item2: bundle(oxycodone, temazepam), item3: null } });
    const response = await call("backstep-patient-view", body);
    expect(response.status).toBe(200);
    const { cards } = (await response.json()) as { cards: { detail?: string; source: { topic: { code: string } } }[] };
    expect(cards.map((c) => c.source.topic.code)).toEqual(expect.arrayContaining(["opioid-benzodiazepine", "assessment-incomplete"]));
    expect(cards.find((c) => c.source.topic.code === "assessment-incomplete")?.detail).toMatch(/diagnoses: could not be read/);
  });

  it("checks order-select's selections against the draft orders", async () => {
    const draft = { ...oxycodone, id: "d1", status: "draft" };
    const body = { hook: "order-select", hookInstance: randomUUID(), context: { userId: "Practitioner/1", patientId: "Patient/p1", draftOrders: bundle(draft), selections: ["MedicationRequest/other"] }, prefetch };
    const response = await call("backstep-order-select", body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid-request", issues: [{ path: "context.selections.0", message: "MedicationRequest/other is not among context.draftOrders" }] });
    const ok = await call("backstep-order-select", { ...body, hookInstance: randomUUID(), context: { ...body.context, selections: ["MedicationRequest/d1"] } });
    expect(ok.status).toBe(200);
  });

  it.each([
    ["not JSON", "{ nope", "(body)"],
    ["no hookInstance", { hook: "patient-view", context: { userId: "u", patientId: "p1" } }, "hookInstance"],
    ["no context", { hook: "patient-view", hookInstance: "h" }, "context"],
    ["another hook", { hook: "order-sign", hookInstance: "h", context: { userId: "u", patientId: "p1" } }, "hook"],
    ["an array", [], "(root)"],
  ])("refuses a request with %s: 400 naming the path", async (_label, body, path) => {
    const response = await call("backstep-patient-view", body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; issues: { path: string }[] };
    expect(answer.error).toBe("invalid-request");
    expect(answer.issues.map((i) => i.path)).toContain(path);
  });

  it("never answers 500, whatever JSON arrives in the request or in its prefetched resources", async () => {
    const junk = fc.oneof(fc.jsonValue(), fc.record({ hook: fc.constant("patient-view"), hookInstance: fc.string(), context: fc.jsonValue(), prefetch: fc.jsonValue() }));
    const resources = fc.dictionary(fc.constantFrom("patient", "conditions", "medications", "observations", "procedures", "item1"), fc.jsonValue());
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, resources.map((prefetch) => patientView({ prefetch }))), async (body) => {
        const response = await call("backstep-patient-view", body);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it("reads the body as JSON whatever media type is declared: text that is not JSON is a 400, JSON sent as text is answered", async () => {
    const path = "/cds-services/backstep-patient-view";
    const send = async (body: string, type?: string) =>
      serviceRoute(new Request(`${ORIGIN}${path}`, { method: "POST", headers: { ...(type ? { "content-type": type } : {}), authorization: `Bearer ${await token(path)}` }, body }), { params: Promise.resolve({ id: "backstep-patient-view" }) });
    const notJson = await send("not json", "text/plain");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "invalid-request", issues: [{ path: "(body)", message: "the request body must be JSON" }] });
    expect((await send(JSON.stringify(patientView()), "text/plain;charset=UTF-8")).status).toBe(200);
    const tooBig = await send(JSON.stringify({ ...patientView(), padding: "x".repeat(1024 * 1024) }), "application/json");
    expect(tooBig.status).toBe(413);
  });

  it("answers 404 for a service it does not have", async () => {
    expect((await call("no-such-service", patientView())).status).toBe(404);
  });
});

describe("client trust", () => {
  const path = "/cds-services/backstep-patient-view";
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ["no token", async () => ""],
    ["a token signed by an unknown key", async () => token(path, {}, { signer: otherKey })],
    ["an issuer not allowed", async () => token(path, { iss: "https://evil.test" })],
    ["another endpoint as audience", async () => token(path, { aud: `${ORIGIN}/cds-services/backstep-order-sign` })],
    ["another origin as audience", async () => token(path, { aud: `https://evil.test${path}` })],
    ["an expired token", async () => token(path, { iat: now() - 600, exp: now() - 300 })],
    ["a token living longer than five minutes", async () => token(path, { exp: now() + 3600 })],
    ["alg none", async () => `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT", kid: "ehr-1" })).toString("base64url")}.${Buffer.from(JSON.stringify({ iss: ISSUER, aud: `${ORIGIN}${path}`, exp: now() + 60, iat: now(), jti: randomUUID() })).toString("base64url")}.`],
    ["a symmetric algorithm", async () => new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: "HS256", kid: "ehr-1", typ: "JWT" }).setIssuer(ISSUER).setAudience(`${ORIGIN}${path}`).setIssuedAt().setExpirationTime("1m").sign(new TextEncoder().encode("a-shared-secret-of-thirty-two-bytes!"))],
  ])("refuses %s with 401", async (_label, make) => {
    const response = await call("backstep-patient-view", patientView(), (await make()) || "x");
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("invalid-token");
  });

  it("accepts a token once: a replayed jti is refused, with a bad body too, and reads nothing from the FHIR server for it", async () => {
    const once = await token(path);
    expect((await call("backstep-patient-view", patientView(), once)).status).toBe(200);
    expect((await call("backstep-patient-view", patientView(), once)).status).toBe(401);
    expect((await call("backstep-patient-view", "not json", once)).status).toBe(401);
    fhirCalls.length = 0;
    const fromServer = patientView({ prefetch: undefined, fhirServer: fhirBase, fhirAuthorization: { access_token: "fhir-token", token_type: "Bearer", expires_in: 300, scope: "patient/*.read", subject: "backstep" } });
    const replayed = await call("backstep-patient-view", fromServer, once);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ error: "invalid-token", message: "the token was already used (jti seen before)" });
    expect(fhirCalls).toEqual([]);
    expect(await testDb().auditEvent.count({ where: { action: "cds.hook", entityId: fromServer.hookInstance } })).toBe(0);
  });
});

describe("feedback", () => {
  const post = async (body: unknown) => {
    const feedbackPath = "/cds-services/backstep-patient-view/feedback";
    return feedbackRoute(new Request(`${ORIGIN}${feedbackPath}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${await token(feedbackPath)}` }, body: JSON.stringify(body) }), { params: Promise.resolve({ id: "backstep-patient-view" }) });
  };

  it("records an override with its coded reason and an acceptance with its suggestions", async () => {
    const card = randomUUID();
    const response = await post({ feedback: [
      { card, outcome: "overridden", overrideReason: { reason: { system: "https://backstep.app/fhir/CodeSystem/override-reason", code: "benefit-outweighs-risk" }, userComment: "discussed" }, outcomeTimestamp: "2026-12-01T10:00:00Z" },
      { card, outcome: "accepted", acceptedSuggestions: [{ id: "s1" }], outcomeTimestamp: "2026-12-01T10:01:00Z" },
    ] });
    expect(response.status).toBe(200);
    const events = await testDb().auditEvent.findMany({ where: { action: "cds.feedback", entityId: card }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.detail)).toMatchObject([{ outcome: "overridden", overrideReason: "benefit-outweighs-risk", commented: true }, { outcome: "accepted", acceptedSuggestions: ["s1"] }]);
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain("discussed");
  });

  it("refuses feedback without its required fields, naming them", async () => {
    const response = await post({ feedback: [{ card: "c", outcome: "accepted", outcomeTimestamp: "yesterday" }] });
    expect(response.status).toBe(400);
    const { issues } = (await response.json()) as { issues: { path: string }[] };
    expect(issues.map((i) => i.path).sort()).toEqual(["feedback.0.acceptedSuggestions", "feedback.0.outcomeTimestamp"].sort());
  });
});

describe("the auditors' view of the EHR's answers", () => {
  it("puts an issuer's calls in its organization's trail and counts overridden critical cards beside measure 6", async () => {
    const clinic = await createClinic();
    const { slug } = await testDb().organization.findUniqueOrThrow({ where: { id: clinic.organizationId }, select: { slug: true } });
    process.env.CDS_CLIENT_ORGANIZATIONS = `${ISSUER}=${slug}`;
    try {
      const body = patientView();
      const { cards } = (await (await call("backstep-patient-view", body)).json()) as { cards: { uuid: string; indicator: string; source: { topic: { code: string } } }[] };
      const critical = cards.filter((c) => c.indicator === "critical" && c.source.topic.code === "opioid-benzodiazepine");
      const warning = cards.find((c) => c.indicator === "warning");
      expect(critical).toHaveLength(1);
      expect(warning).toBeDefined();
      const feedbackPath = "/cds-services/backstep-patient-view/feedback";
      const answer = async (feedback: object[]) =>
        feedbackRoute(new Request(`${ORIGIN}${feedbackPath}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${await token(feedbackPath)}` }, body: JSON.stringify({ feedback }) }), { params: Promise.resolve({ id: "backstep-patient-view" }) });
      const now = new Date().toISOString();
      // A warning card's answer is not a critical alert's; the critical card is answered, then overridden with a reason.
      expect((await answer([{ card: warning?.uuid, outcome: "overridden", outcomeTimestamp: now }])).status).toBe(200);
      expect((await answer([{ card: critical[0]?.uuid, outcome: "accepted", acceptedSuggestions: [{ id: "x" }], outcomeTimestamp: now }])).status).toBe(200);
      expect((await answer([{ card: critical[0]?.uuid, outcome: "overridden", overrideReason: { reason: { code: "benefit-outweighs-risk" } }, outcomeTimestamp: now }])).status).toBe(200);

      const today = now.slice(0, 10);
      const detail = await getMeasure(clinic.auditor, { id: "critical-alert-overrides", from: today, to: today });
      expect(detail.ehrOverrides).toEqual({ answered: 1, overridden: 1, withReason: 1, byAlert: [{ alert: "opioid-benzodiazepine", answered: 1, overridden: 1 }] });
      const trail = await listAuditEvents(clinic.auditor, {});
      expect(trail.items.filter((e) => e.action.startsWith("cds.")).map((e) => e.action)).toEqual(expect.arrayContaining(["cds.hook", "cds.feedback"]));
    } finally {
      delete process.env.CDS_CLIENT_ORGANIZATIONS;
    }
  });
});
