import "server-only";
import type { Chart } from "@/lib/fhir/chart-assessment";
import { listOf, objectOf, textOf, type FhirJson } from "@/lib/fhir/fhir-values";
import type { CdsRequest } from "./cds-request";
import { PREFETCH, type PrefetchKey } from "./cds-services";

// The chart for one hook call: prefetched data first; each key the EHR did not send is read from its FHIR server
// with the access token it gave (in parallel, each with a deadline). The token is used for these reads only: never
// stored, never logged. `null` means "nothing"; an OperationOutcome or a failed read means "unknown", named in
// `unread`. Only the patient and the medication list are required (412 when neither sent nor readable); without the
// rest the cards say what was not read.
const READ_TIMEOUT_MS = 800;

export class PrefetchUnavailable extends Error {}

export type FetchedChart = { chart: Chart; unread: string[] };

const KEY_LABEL: Record<PrefetchKey, string> = { patient: "the patient", conditions: "diagnoses", medications: "medications", observations: "observations", procedures: "procedures" };

/** Without the patient and the medication list there is nothing to judge: those keys must come, one way or another. */
const REQUIRED: PrefetchKey[] = ["patient", "medications"];
const KEY_TYPE: Record<PrefetchKey, string> = { patient: "Patient", conditions: "Condition", medications: "MedicationRequest", observations: "Observation", procedures: "Procedure" };

export async function fetchChart(request: CdsRequest, allowedServers: string[]): Promise<FetchedChart> {
  const keys = Object.keys(PREFETCH) as PrefetchKey[];
  // Resources are taken by type from every prefetch value, whatever its key: some EHRs send generic keys (item1...)
  // or wrap a resource in a Bundle entry.
  const prefetched = Object.values(request.prefetch).flatMap(resourcesIn);
  const unread = keys.filter((key) => textOf(objectOf(request.prefetch[key])?.resourceType) === "OperationOutcome").map((key) => KEY_LABEL[key]);
  const absent = keys.filter((key) => !(key in request.prefetch) && !prefetched.some((r) => r.resourceType === KEY_TYPE[key]));
  const canRead = request.fhirServer !== undefined && request.fhirAuthorization && allowedServers.includes(request.fhirServer);
  const needed = absent.filter((key) => REQUIRED.includes(key));
  if (needed.length && !canRead) throw new PrefetchUnavailable(`prefetch lacks ${needed.join(", ")} and no allowed fhirServer with fhirAuthorization was given`);
  const fetched = canRead ? await readFhirChart(request.fhirServer as string, request.fhirAuthorization?.access_token as string, request.patientId, absent) : { resources: [], unread: absent.map((key) => KEY_LABEL[key]) };
  return { chart: chartOf([...prefetched, ...fetched.resources]), unread: [...unread, ...fetched.unread] };
}

/** The chart's resources read from a FHIR server with an access token, one search per key, in parallel. */
export async function readFhirChart(server: string, accessToken: string, patientId: string, keys: PrefetchKey[] = Object.keys(PREFETCH) as PrefetchKey[]): Promise<{ resources: FhirJson[]; unread: string[] }> {
  const unread: string[] = [];
  const read = await Promise.all(
    keys.map(async (key) => {
      const value = await readFhir(`${server}/${PREFETCH[key].replaceAll("{{context.patientId}}", encodeURIComponent(patientId))}`, accessToken);
      if (value === undefined || textOf(objectOf(value)?.resourceType) === "OperationOutcome") unread.push(KEY_LABEL[key]);
      return resourcesIn(value);
    }),
  );
  return { resources: read.flat(), unread };
}

/** The chart the mapping reads, from resources of any kind. */
export function chartOf(resources: FhirJson[]): Chart {
  const ofType = (type: string) => resources.filter((r) => r.resourceType === type);
  const medicationResources = new Map(ofType("Medication").flatMap((m) => (textOf(m.id) ? [[`Medication/${textOf(m.id)}`, m] as const] : [])));
  return {
    patient: ofType("Patient")[0],
    conditions: ofType("Condition"),
    medications: ofType("MedicationRequest").filter((m) => ["active", "on-hold", undefined].includes(textOf(m.status))),
    observations: ofType("Observation"),
    procedures: ofType("Procedure"),
    medicationResources,
  };
}

/** The resources in a prefetch value or a FHIR answer: a Bundle's entries, a Bundle entry, or a lone resource. */
function resourcesIn(value: unknown): FhirJson[] {
  const single = objectOf(value);
  if (!single) return [];
  if (single.resourceType === "Bundle") return listOf(single.entry).flatMap((e) => resourcesIn(objectOf(e)?.resource));
  if (single.resourceType === undefined) return resourcesIn(single.resource);
  return textOf(single.resourceType) && single.resourceType !== "OperationOutcome" ? [single] : [];
}

async function readFhir(url: string, accessToken: string): Promise<unknown> {
  try {
    const response = await fetch(url, {
      headers: { Accept: "application/fhir+json", Authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      redirect: "error",
    });
    if (!response.ok) return undefined;
    const text = await response.text();
    if (text.length > 5_000_000) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
