import type { Hook } from "./cds-request";

// The services Backstep offers an EHR, as its discovery document lists them. One set of prefetch templates serves
// all three: the chart facts the engine reads. CDS Hooks has no date token, so look-back windows are applied when the
// chart is read, not in the queries.
export const PREFETCH = {
  patient: "Patient/{{context.patientId}}",
  conditions: "Condition?patient={{context.patientId}}",
  medications: "MedicationRequest?patient={{context.patientId}}&status=active",
  observations: "Observation?patient={{context.patientId}}&_sort=-date&_count=200",
  procedures: "Procedure?patient={{context.patientId}}&_sort=-date&_count=50",
} as const;
export type PrefetchKey = keyof typeof PREFETCH;

export type CdsService = { id: string; hook: Hook; title: string; description: string; prefetch: typeof PREFETCH; usageRequirements: string };

const USAGE = "Calls must carry a JWT signed by a registered EHR (ES384 or RS384) with the endpoint's URL as audience. Prefetch is preferred; otherwise give fhirServer and fhirAuthorization with read access to the patient's Condition, MedicationRequest, Observation and Procedure resources.";

export const CDS_SERVICES: CdsService[] = [
  {
    id: "backstep-patient-view",
    hook: "patient-view",
    title: "Backstep: low back pain stepped care and opioid safety",
    description: "Where the patient is on the stepped-care ladder for low back pain, the next step with its evidence, red flags, and opioid and sedative safety alerts.",
    prefetch: PREFETCH,
    usageRequirements: USAGE,
  },
  {
    id: "backstep-order-select",
    hook: "order-select",
    title: "Backstep: check selected orders against back pain guidance",
    description: "The selected opioid, benzodiazepine, sedating drug, NSAID, imaging or physical therapy orders judged as if started: new safety alerts and orders not advised for this patient's back pain.",
    prefetch: PREFETCH,
    usageRequirements: USAGE,
  },
  {
    id: "backstep-order-sign",
    hook: "order-sign",
    title: "Backstep: final check of orders before signing",
    description: "The same check as order-select on every draft order, before they are signed.",
    prefetch: PREFETCH,
    usageRequirements: USAGE,
  },
];

export const serviceById = (id: string): CdsService | undefined => CDS_SERVICES.find((service) => service.id === id);
