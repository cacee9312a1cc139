import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import { ageInYears, fromIsoDate } from "@/lib/dates";
import type { Condition, RedFlag } from "@/lib/ladder/vocabulary";
import { codingsOf, dayOf, daysBetween, keyOf, listOf, numberOf, objectOf, textOf, type Coded, type FhirJson } from "./fhir-values";
import { MEDICATION_MAPPING_VERSION, readMedication } from "./medication-map";
import { treatmentsFromProcedures } from "./procedure-treatments";
import terminology from "./terminology-data.json";

// A patient's chart in FHIR R4 read as the contract's Assessment: what the EHR knows, and nothing more. A fact the
// chart does not hold stays out (the engine then treats it as unknown) and is named in `missing`, so the card can say
// what Backstep could not see. `asOf` is the caller's day: the mapping reads no clock.
export const CHART_MAPPING_VERSION = `chart-2026-12-2/medications-${MEDICATION_MAPPING_VERSION}/${terminology.version}`;

export type Chart = {
  patient?: FhirJson;
  conditions: FhirJson[];
  /** Active MedicationRequests and MedicationStatements. */
  medications: FhirJson[];
  observations: FhirJson[];
  procedures: FhirJson[];
  /** Medication resources a request may reference, by `Medication/<id>`. */
  medicationResources: Map<string, FhirJson>;
};

export type ChartReading = {
  /** The Assessment, or null when the chart cannot give one (no birth date). */
  assessment: AssessmentInput | null;
  /** What the chart lacks for a full evaluation, in words for the card. */
  missing: string[];
  /** Medicines Backstep did not assess (outside its vocabulary) or whose dose it could not read. */
  unassessed: string[];
  doseNotes: string[];
  /** Screening scores the chart holds only as totals, which the contract's items cannot be rebuilt from. */
  scoreTotals: string[];
  /** Under 18: outside Backstep's scope. */
  minor: boolean;
  /** Whether the chart gave the pain's duration and intensity. Without them the Assessment carries placeholders
   *  (0 weeks, 0/10) that only the medication-safety rules, which never read pain, may be judged on. */
  painKnown: boolean;
  /** The pain facts the chart did give, for a visit to start from. */
  painFacts: { durationWeeks?: number; intensity?: number; radicular?: true };
};

const SETS = Object.fromEntries(Object.entries(terminology.valueSets).map(([name, codes]) => [name, new Set(codes)])) as Record<keyof typeof terminology.valueSets, Set<string>>;
const inSet = (set: Set<string>, codes: Coded[]) => codes.some((c) => set.has(keyOf(c)));
const icd = (codes: Coded[], ...prefixes: string[]) => codes.some((c) => c.system === "icd10cm" && prefixes.some((p) => c.code.toUpperCase().replace(".", "").startsWith(p.replace(".", ""))));
const snomed = (codes: Coded[], ...values: string[]) => codes.some((c) => c.system === "snomed" && values.includes(c.code));
const loinc = (codes: Coded[], ...values: string[]) => codes.some((c) => c.system === "loinc" && values.includes(c.code));

const LOW_BACK_PAIN = (c: Coded[]) => icd(c, "M54.5", "M54.4", "M54.3", "M54.1", "M51.1", "M51.2", "M51.3", "M47.8", "M48.0") || snomed(c, "279039007", "278860009", "23056005", "161891005");
const RADICULAR = (c: Coded[]) => icd(c, "M54.1", "M54.3", "M54.4", "M51.1") || snomed(c, "23056005", "128196005");

const OPIOID_USE_DISORDER = (c: Coded[]) => inSet(SETS.opioidMisuse, c) || icd(c, "F11");

/** Conditions of the contract read off diagnosis codes. */
const CONDITION_CODES: [Condition, (c: Coded[]) => boolean][] = [
  ["ckd", (c) => icd(c, "N18") || snomed(c, "709044004")],
  ["gi-bleed-history", (c) => icd(c, "K92.0", "K92.1", "K92.2", "K25.0", "K25.4", "K26.0", "K26.4", "K27.0", "K27.4", "K28.0", "K28.4")],
  ["peptic-ulcer", (c) => icd(c, "K25", "K26", "K27", "K28") || snomed(c, "13200003")],
  ["cardiovascular-disease", (c) => icd(c, "I20", "I21", "I22", "I23", "I24", "I25", "I63", "I64", "I70", "G45") || snomed(c, "49601007", "53741008", "22298006")],
  ["heart-failure", (c) => icd(c, "I50") || snomed(c, "84114007")],
  ["hepatic-impairment", (c) => icd(c, "K70", "K71", "K72", "K73", "K74", "K75", "K76", "K77") || snomed(c, "19943007")],
  ["sleep-apnea", (c) => inSet(SETS.sleepBreathing, c) || icd(c, "G47.3")],
  ["opioid-use-disorder", (c) => OPIOID_USE_DISORDER(c)],
  ["substance-use-disorder", (c) => inSet(SETS.substanceMisuse, c)],
  ["depression", (c) => icd(c, "F32", "F33") || snomed(c, "35489007", "370143000")],
  ["anxiety", (c) => icd(c, "F41") || snomed(c, "197480006")],
  ["osteoporosis", (c) => icd(c, "M80", "M81") || snomed(c, "64859006")],
  ["active-cancer", (c) => inSet(SETS.malignantCancer, c)],
  ["palliative-care", (c) => inSet(SETS.endOfLife, c) || icd(c, "Z51.5")],
  ["sickle-cell-disease", (c) => inSet(SETS.sickleCell, c) || icd(c, "D57")],
];

/** Red flags the chart can show by diagnosis: history, not findings at this visit. */
const RED_FLAG_CODES: [RedFlag, (c: Coded[]) => boolean][] = [
  ["cancer-history", (c) => inSet(SETS.malignantCancer, c) || icd(c, "Z85")],
  ["immunosuppression", (c) => icd(c, "D80", "D81", "D82", "D83", "D84", "B20", "Z94", "Z79.6") || snomed(c, "86406008", "234532001")],
  ["osteoporosis", (c) => icd(c, "M80", "M81") || snomed(c, "64859006")],
  ["iv-drug-use", (c) => snomed(c, "228388006", "10741871000119101")],
];
const PREGNANT = (c: Coded[]) => icd(c, "Z33.1", "O09") || snomed(c, "77386006");

const PAIN_INTENSITY = ["72514-3", "75893-8"];
const PEG_ITEMS = ["75893-8", "91145-3", "91146-1"];
const PHQ2_ITEMS = ["44250-9", "44255-8"];
const GAD2_ITEMS = ["69725-0", "68509-6"];
const EGFR = ["98979-8", "62238-1", "33914-3", "48642-3", "48643-1", "50044-7", "88293-6", "88294-4"];
const BODY_TEMPERATURE = "8310-5";
// Totals only: the STarT Back risk group needs the psychosocial items apart, and the Oswestry percentage cannot be
// split back into sections, so these are named for the clinician, never fed to the engine.
const STARTBACK_TOTAL = "91351-7";
const ODI_SCORE = "97909-6";
const PDMP_REVIEW = (c: Coded[]) => inSet(SETS.pdmpReview, c);
/** LOINC answer codes of the PHQ and GAD items, as their scores. */
const ANSWER_SCORES: Record<string, number> = { "LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3 };

const isActiveCondition = (condition: FhirJson) => {
  const status = codesIn(condition.clinicalStatus);
  const verification = codesIn(condition.verificationStatus);
  if (verification.some((code) => code === "refuted" || code === "entered-in-error")) return false;
  return status.length === 0 || status.some((code) => code === "active" || code === "recurrence" || code === "relapse");
};
const codesIn = (concept: unknown) => listOf(objectOf(concept)?.coding).map((c) => textOf(objectOf(c)?.code) ?? "");

const observationDay = (o: FhirJson) => dayOf(o.effectiveDateTime) ?? dayOf(objectOf(o.effectivePeriod)?.start) ?? dayOf(o.issued);
const performedDay = (p: FhirJson) => dayOf(p.performedDateTime) ?? dayOf(objectOf(p.performedPeriod)?.start) ?? dayOf(p.effectiveDateTime) ?? dayOf(p.issued);

/** An Observation's numeric value: a quantity, an integer, or a LOINC answer with a score. */
function valueOf(o: FhirJson): number | undefined {
  const quantity = numberOf(objectOf(o.valueQuantity)?.value) ?? numberOf(o.valueInteger);
  if (quantity !== undefined) return quantity;
  const answer = listOf(objectOf(o.valueCodeableConcept)?.coding).map((c) => ANSWER_SCORES[textOf(objectOf(c)?.code) ?? ""]).find((v) => v !== undefined);
  return answer;
}

const usable = (o: FhirJson) => !["entered-in-error", "cancelled", "preliminary"].includes(textOf(o.status) ?? "");

/** The latest usable value of any of the codes, within `withinDays` of asOf. */
function latest(observations: FhirJson[], codes: string[], asOf: string, withinDays: number): { value: number; day: string } | undefined {
  let best: { value: number; day: string } | undefined;
  for (const o of observations) {
    if (!usable(o) || !loinc(codingsOf(o.code), ...codes)) continue;
    const day = observationDay(o);
    const value = valueOf(o);
    if (!day || value === undefined) continue;
    const age = daysBetween(day, asOf);
    if (age < 0 || age > withinDays) continue;
    if (!best || day > best.day) best = { value, day };
  }
  return best;
}

/** Items of a screening, each the latest within the window; null unless every item was answered. */
function items(observations: FhirJson[], codes: string[], asOf: string, withinDays: number): number[] | null {
  const values = codes.map((code) => latest(observations, [code], asOf, withinDays)?.value);
  return values.every((v) => v !== undefined) ? (values as number[]) : null;
}

export function readChart(chart: Chart, asOf: string): ChartReading {
  const missing: string[] = [];
  const birthDate = dayOf(chart.patient?.birthDate);
  const ageYears = birthDate ? ageInYears(fromIsoDate(birthDate), fromIsoDate(asOf)) : undefined;
  if (ageYears === undefined) missing.push("birth date");
  const minor = ageYears !== undefined && ageYears < 18;

  const active = chart.conditions.filter(isActiveCondition);
  const activeCodes = active.map((c) => codingsOf(c.code));
  const allCodes = chart.conditions.map((c) => codingsOf(c.code));
  const conditions = CONDITION_CODES.filter(([, matches]) => activeCodes.some(matches)).map(([condition]) => condition);
  const redFlags = RED_FLAG_CODES.filter(([flag, matches]) => (flag === "cancer-history" ? allCodes : activeCodes).some(matches)).map(([flag]) => flag);
  const fever = latest(chart.observations, [BODY_TEMPERATURE], asOf, 7);
  if (fever && fever.value >= 38) redFlags.push("fever");

  const backPain = active.filter((c) => LOW_BACK_PAIN(codingsOf(c.code)));
  const onsets = backPain.map((c) => dayOf(c.onsetDateTime) ?? dayOf(objectOf(c.onsetPeriod)?.start) ?? dayOf(c.recordedDate)).filter((d): d is string => d !== undefined);
  const onset = onsets.sort()[0];
  const durationWeeks = onset ? Math.max(0, Math.floor(daysBetween(onset, asOf) / 7)) : undefined;
  if (durationWeeks === undefined) missing.push("how long the back pain has lasted (no low back pain diagnosis with an onset date)");
  const intensity = latest(chart.observations, PAIN_INTENSITY, asOf, 30)?.value;
  if (intensity === undefined) missing.push("pain intensity (no pain score in the last 30 days)");

  const oudReason = (r: FhirJson) => listOf(r.reasonCode).some((reason) => OPIOID_USE_DISORDER(codingsOf(reason)));
  const medications: NonNullable<AssessmentInput["medications"]> = [];
  const unassessed: string[] = [];
  const doseNotes: string[] = [];
  let naloxoneOnHand = false;
  for (const request of chart.medications) {
    const codes = codingsOf(request.medicationCodeableConcept);
    const reading = readMedication(request, (reference) => chart.medicationResources.get(reference), oudReason(request));
    if (!reading) continue;
    if (inSet(SETS.naloxone, codes) && !/buprenorphine/i.test(reading.name)) naloxoneOnHand = true;
    if (reading.kind === "unassessed") unassessed.push(reading.name);
    if (reading.kind !== "mapped") continue;
    medications.push(reading.medication);
    if (reading.doseNote) doseNotes.push(`${reading.name}: ${reading.doseNote}`);
  }

  const peg = items(chart.observations, PEG_ITEMS, asOf, 30);
  const phq2 = items(chart.observations, PHQ2_ITEMS, asOf, 365);
  const gad2 = items(chart.observations, GAD2_ITEMS, asOf, 365);
  const egfr = latest(chart.observations, EGFR, asOf, 365)?.value;
  const urineDrugTest = mostRecentDay([...chart.observations.filter((o) => usable(o) && inSet(SETS.urineDrugScreen, codingsOf(o.code))).map(observationDay)], asOf);
  const treatments = treatmentsFromProcedures(chart.procedures, asOf);
  const scoreTotals: string[] = [];
  const startBackTotal = latest(chart.observations, [STARTBACK_TOTAL], asOf, 365);
  if (startBackTotal) scoreTotals.push(`STarT Back: the chart holds only the total (${startBackTotal.value} on ${startBackTotal.day}); the risk group needs the nine answers`);
  const odiScore = latest(chart.observations, [ODI_SCORE], asOf, 365);
  if (odiScore) scoreTotals.push(`Oswestry: the chart holds only the score (${odiScore.value}% on ${odiScore.day}); the visit needs the ten sections`);
  const pdmp = mostRecentDay(
    [...chart.procedures, ...chart.observations].filter((r) => PDMP_REVIEW(codingsOf(r.code))).map(performedDay),
    asOf,
  );

  const assessment: AssessmentInput | null =
    ageYears === undefined || minor
      ? null
      : {
          asOf,
          patient: { ageYears: Math.min(ageYears, 120), ...sexOf(chart.patient), ...(activeCodes.some(PREGNANT) ? { pregnant: true } : {}) },
          pain: {
            durationWeeks: Math.min(durationWeeks ?? 0, 5200),
            intensity: clampScore(intensity ?? 0),
            ...(activeCodes.some(RADICULAR) ? { radicular: true } : {}),
          },
          redFlags: [...new Set(redFlags)],
          conditions,
          screening: {
            ...(peg && peg.every((v) => v >= 0 && v <= 10) ? { peg } : {}),
            ...(phq2 && phq2.every((v) => Number.isInteger(v) && v >= 0 && v <= 3) ? { phq2 } : {}),
            ...(gad2 && gad2.every((v) => Number.isInteger(v) && v >= 0 && v <= 3) ? { gad2 } : {}),
          },
          labs: egfr !== undefined && egfr >= 0 && egfr <= 200 ? { egfr } : {},
          ...(treatments.length ? { treatments } : {}),
          medications,
          opioidSafety: { naloxoneOnHand, pdmpReviewedDaysAgo: pdmp ?? null, ...(urineDrugTest !== undefined ? { urineDrugTestDaysAgo: urineDrugTest } : {}) },
        };
  const painFacts = {
    ...(durationWeeks !== undefined ? { durationWeeks: Math.min(durationWeeks, 5200) } : {}),
    ...(intensity !== undefined ? { intensity: clampScore(intensity) } : {}),
    ...(activeCodes.some(RADICULAR) ? { radicular: true as const } : {}),
  };
  return { assessment, missing, unassessed, doseNotes, scoreTotals, minor, painKnown: durationWeeks !== undefined && intensity !== undefined, painFacts };
}

function sexOf(patient: FhirJson | undefined): { sex?: "female" | "male" | "other" | "unknown" } {
  const gender = textOf(patient?.gender);
  return gender === "female" || gender === "male" || gender === "other" || gender === "unknown" ? { sex: gender } : {};
}

const clampScore = (value: number) => Math.min(10, Math.max(0, value));

/** Days since the most recent of the days (none in the future), or undefined when there is none. */
function mostRecentDay(days: (string | undefined)[], asOf: string): number | undefined {
  const past = days.filter((d): d is string => d !== undefined && d <= asOf).sort();
  const last = past[past.length - 1];
  return last === undefined ? undefined : daysBetween(last, asOf);
}
