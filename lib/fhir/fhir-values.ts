// Safe reads of FHIR JSON from an EHR. Nothing received is trusted to have the shape FHIR gives it: a field of the
// wrong type reads as absent, so a malformed resource loses that fact instead of failing the request.

export type FhirJson = Record<string, unknown>;

export const objectOf = (value: unknown): FhirJson | undefined => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as FhirJson) : undefined);
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const textOf = (value: unknown): string | undefined => (typeof value === "string" && value.length ? value : undefined);
export const numberOf = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** The code systems the mapping reads, by the short names its tables use. */
const SYSTEMS: Record<string, string> = {
  "http://www.nlm.nih.gov/research/umls/rxnorm": "rxnorm",
  "http://loinc.org": "loinc",
  "http://snomed.info/sct": "snomed",
  "http://hl7.org/fhir/sid/icd-10-cm": "icd10cm",
  "http://hl7.org/fhir/sid/icd-10": "icd10cm",
  "http://www.ama-assn.org/go/cpt": "cpt",
};

/** The short name the mapping's tables use for a code system's URL, or undefined when the mapping does not read it. */
export const systemName = (url: string | undefined): string | undefined => SYSTEMS[url ?? ""];

export type Coded = { system: string; code: string; display?: string };

/** The codings of a CodeableConcept in the systems the mapping knows, as `system|code` keys with their display. */
export function codingsOf(concept: unknown): Coded[] {
  const found: Coded[] = [];
  for (const item of listOf(objectOf(concept)?.coding)) {
    const coding = objectOf(item);
    const system = systemName(textOf(coding?.system));
    const code = textOf(coding?.code);
    if (system && code) found.push({ system, code: code.trim(), display: textOf(coding?.display) });
  }
  return found;
}

export const keyOf = (coded: Coded): string => `${coded.system}|${coded.code}`;

/** A resource's date as YYYY-MM-DD from a FHIR date or dateTime, or undefined when absent or unreadable. */
export function dayOf(value: unknown): string | undefined {
  const text = textOf(value);
  const match = text?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2] ?? "01"}-${match[3] ?? "01"}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}

/** Whole days from one YYYY-MM-DD to another (negative when the first is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
