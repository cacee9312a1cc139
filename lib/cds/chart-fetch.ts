import "server-only";
import type { Chart } from "@/lib/fhir/chart-assessment";
import { listOf, objectOf, textOf, type FhirJson } from "@/lib/fhir/fhir-values";
import type { CdsRequest } from "./cds-request";
import { PREFETCH, type PrefetchKey } from "./cds-services";

// The chart for one hook call: prefetched data first; each key the EHR did not send is read from its FHIR server
// with the access token it gave (in parallel, each with a deadline). The token is used for these reads only: never
// stored, never logged. `null` means "nothing"; an OperationOutcome or a failed read means "unknown", named in `unread`.
const READ_TIMEOUT_MS = 800;

export class PrefetchUnavailable extends Error {}

export type FetchedChart = { chart: Chart; unread: string[] };

const KEY_LABEL: Record<PrefetchKey, string> = { patient: "the patient", conditions: "diagnoses", medications: "medications", observations: "observations", procedures: "procedures" };

export async function fetchChart(request: CdsRequest, allowedServers: string[]): Promise<FetchedChart> {
  const keys = Object.keys(PREFETCH) as PrefetchKey[];
  const absent = keys.filter((key) => !(key in request.prefetch));
  const canRead = request.fhirServer !== undefined && request.fhirAuthorization && allowedServers.includes(request.fhirServer);
  if (absent.length && !canRead) throw new PrefetchUnavailable(`prefetch lacks ${absent.join(", ")} and no allowed fhirServer with fhirAuthorization was given`);
  const unread: string[] = [];
  const values = await Promise.all(
    keys.map(async (key) => {
      if (key in request.prefetch) return request.prefetch[key];
      const read = await readFhir(`${request.fhirServer}/${PREFETCH[key].replaceAll("{{context.patientId}}", encodeURIComponent(request.patientId))}`, request.fhirAuthorization?.access_token as string);
      if (read === undefined) unread.push(KEY_LABEL[key]);
      return read ?? null;
    }),
  );
  const byKey = Object.fromEntries(keys.map((key, i) => [key, values[i]])) as Record<PrefetchKey, unknown>;
  for (const key of keys) if (textOf(objectOf(byKey[key])?.resourceType) === "OperationOutcome" && !unread.includes(KEY_LABEL[key])) unread.push(KEY_LABEL[key]);

  const patient = objectOf(byKey.patient);
  const medicationResources = new Map<string, FhirJson>();
  const medications = resourcesOf(byKey.medications, "MedicationRequest", medicationResources);
  return {
    chart: {
      patient: textOf(patient?.resourceType) === "Patient" ? patient : undefined,
      conditions: resourcesOf(byKey.conditions, "Condition"),
      medications: medications.filter((m) => ["active", "on-hold", undefined].includes(textOf(m.status))),
      observations: resourcesOf(byKey.observations, "Observation"),
      procedures: resourcesOf(byKey.procedures, "Procedure"),
      medicationResources,
    },
    unread,
  };
}

/** The resources of one type in a Bundle (or a lone resource); Medication resources included are kept for references. */
function resourcesOf(value: unknown, type: string, medications?: Map<string, FhirJson>): FhirJson[] {
  const single = objectOf(value);
  if (!single) return [];
  const resources = single.resourceType === "Bundle" ? listOf(single.entry).map((e) => objectOf(objectOf(e)?.resource)) : [single];
  const found: FhirJson[] = [];
  for (const resource of resources) {
    if (!resource) continue;
    if (resource.resourceType === type) found.push(resource);
    else if (resource.resourceType === "Medication" && medications && textOf(resource.id)) medications.set(`Medication/${textOf(resource.id)}`, resource);
  }
  return found;
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
