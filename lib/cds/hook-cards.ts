import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import { recommend } from "@/lib/ladder/evaluate";
import type { Alert, Recommendation } from "@/lib/ladder/recommendation";
import type { TherapyId } from "@/lib/ladder/vocabulary";
import { drugClass } from "@/lib/ladder/vocabulary";
import { readChart, type Chart } from "@/lib/fhir/chart-assessment";
import { codingsOf, textOf, type FhirJson } from "@/lib/fhir/fhir-values";
import { productName, readMedication } from "@/lib/fhir/medication-map";
import type { CdsRequest } from "./cds-request";
import {
  alertCard,
  avoidCard,
  deleteDraftSuggestion,
  incompleteCard,
  ladderCard,
  naloxoneSuggestion,
  redFlagCard,
  serviceSuggestion,
  unassessedCard,
  type Card,
  type Link,
  type Suggestion,
} from "./cards";

// One hook call's cards: the chart read as an Assessment, the engine run on it (for order hooks, with the draft
// orders and without, so only what the orders change is shown), and the Recommendation turned into cards.

/**
 * Alerts judged from medicines, doses, conditions and red flags alone: the engine's rules for these never read the
 * pain's duration or intensity (a test holds them to that), so they stand when the chart lacks those facts. Not the
 * fracture alert: the chart records no trauma, and without it a fragility fracture is suspected only in new pain.
 */
export const PAIN_INDEPENDENT_ALERTS = new Set([
  "opioid-benzodiazepine",
  "opioid-cns-depressant",
  "serotonergic-combination",
  "er-opioid-opioid-naive",
  "fentanyl-not-opioid-tolerant",
  "buprenorphine-precipitated-withdrawal",
  "er-opioid-not-opioid-tolerant",
  "mme-50",
  "mme-90",
  "mme-not-computable",
  "opioid-dose-increase",
  "naloxone-not-on-hand",
  "pdmp-review-due",
  "prescribing-record-review",
  "moud-continue",
  "oud-treatment",
  "opioid-pregnancy",
  "opioid-stop-ordered",
  "opioid-rapid-reduction",
  "sleeping-pill-older-adult",
  "stop-gradually",
  "red-flag-cauda-equina",
  "red-flag-infection",
  "red-flag-malignancy",
  "red-flag-neurological-deficit",
]);

/** What a draft order is, for the avoid list: a drug therapy, or imaging. */
const THERAPY_OF_CLASS: Partial<Record<string, TherapyId>> = {
  opioid: "opioid",
  benzodiazepine: "benzodiazepine",
  nsaid: "nsaid",
  gabapentinoid: "gabapentinoid",
  "muscle-relaxant": "muscle-relaxant",
  corticosteroid: "oral-corticosteroid",
  acetaminophen: "acetaminophen",
};
const IMAGING_CODES = new Set(["loinc|24968-0", "loinc|24969-8", "loinc|24970-6", "loinc|36396-9", "cpt|72100", "cpt|72110", "cpt|72131", "cpt|72148", "cpt|72149", "cpt|72158"]);
const isImagingOrder = (order: FhirJson) =>
  codingsOf(order.code).some((c) => IMAGING_CODES.has(`${c.system}|${c.code}`)) || /\b(mri|mr|x-?ray|xr|ct)\b.*\blumbar|\blumbar\b.*\b(mri|mr|x-?ray|xr|ct)\b/i.test(productName(order.code) ?? "");

export type HookOutcome = { cards: Card[]; alertCodes: string[]; evaluated: boolean };

export function hookCards(request: CdsRequest, chart: Chart, unread: string[], asOf: string, links: Link[]): HookOutcome {
  const reading = readChart(chart, asOf);
  if (reading.minor) return { cards: [], alertCodes: [], evaluated: false };
  const notes = [...unread.map((what) => `${what}: could not be read from the EHR`), ...reading.doseNotes, ...reading.scoreTotals];
  const base = reading.assessment;
  if (!base) return { cards: [incompleteCard(request.hookInstance, reading.missing, notes, links)], alertCodes: [], evaluated: false };

  const drafts = request.orders.map((order) => ({ order, reading: textOf(order.resourceType) === "MedicationRequest" ? readMedication(order, (reference) => chart.medicationResources.get(reference), false) : null }));
  const current = new Set((base.medications ?? []).map((m) => m.drug));
  const orders = drafts.flatMap(({ reading: r }) => (r?.kind === "mapped" ? [{ action: current.has(r.medication.drug) ? ("change" as const) : ("new" as const), medication: r.medication }] : []));
  const unassessed = [...reading.unassessed, ...drafts.flatMap(({ reading: r }) => (r?.kind === "unassessed" ? [`${r.name} (ordered)`] : []))];

  const withOrders = evaluate({ ...base, orders: dedupeOrders(orders) });
  if (!withOrders) return { cards: [incompleteCard(request.hookInstance, ["a medication list Backstep can read"], notes, links)], alertCodes: [], evaluated: false };
  const shown = (alert: Alert) => alert.severity !== "info" && (reading.painKnown || PAIN_INDEPENDENT_ALERTS.has(alert.code));
  let alerts = withOrders.alerts.filter(shown);
  if (request.hook !== "patient-view") {
    const before = evaluate(base);
    const seen = new Set((before?.alerts ?? []).map((a) => `${a.code}\u0000${a.summary}`));
    alerts = alerts.filter((a) => !seen.has(`${a.code}\u0000${a.summary}`));
  }

  const cards: Card[] = [];
  const suspended = withOrders.ladder.suspended;
  if (suspended && alerts.some((a) => a.code.startsWith("red-flag-"))) cards.push(redFlagCard(request.hookInstance, withOrders, links));
  for (const alert of alerts) {
    if (alert.code.startsWith("red-flag-")) continue;
    const suggestions: Suggestion[] = alert.code === "naloxone-not-on-hand" ? [naloxoneSuggestion(request.hookInstance, request.patientId)] : [];
    cards.push(alertCard(request.hookInstance, alert, { suggestions }));
  }
  if (request.hook !== "patient-view" && !suspended) cards.push(...orderCards(request, drafts, withOrders, reading.painKnown));
  if (unassessed.length) cards.push(unassessedCard(request.hookInstance, unassessed));
  if (!reading.painKnown) {
    if (request.hook === "patient-view" || cards.length) cards.push(incompleteCard(request.hookInstance, reading.missing, notes, links));
  } else if (request.hook === "patient-view" && !suspended) {
    cards.push(ladderCard(request.hookInstance, withOrders, notes, links));
  }
  return { cards, alertCodes: alerts.map((a) => a.code), evaluated: true };
}

function evaluate(assessment: AssessmentInput): Recommendation | null {
  const result = recommend(assessment);
  return result.ok ? result.recommendation : null;
}

/** One order per drug: an EHR may send the same drug twice in one set of drafts. */
function dedupeOrders<T extends { medication: { drug: string } }>(orders: T[]): T[] {
  const seen = new Set<string>();
  return orders.filter((o) => !seen.has(o.medication.drug) && seen.add(o.medication.drug));
}

/** Draft orders the avoid list advises against for this patient, each with a suggestion to remove the draft. */
function orderCards(request: CdsRequest, drafts: { order: FhirJson; reading: ReturnType<typeof readMedication> }[], recommendation: Recommendation, painKnown: boolean): Card[] {
  if (!painKnown) return [];
  const cards: Card[] = [];
  for (const { order, reading } of drafts) {
    const therapy = reading?.kind === "mapped" ? THERAPY_OF_CLASS[drugClass(reading.medication.drug)] : textOf(order.resourceType) === "ServiceRequest" && isImagingOrder(order) ? "imaging" : undefined;
    const entry = therapy ? recommendation.avoid.find((a) => a.therapy === therapy) : undefined;
    if (!entry || cards.some((c) => c.source.topic?.code === `avoid-${entry.therapy}`)) continue;
    const what = reading?.name ?? productName(order.code) ?? "this order";
    const resourceId = textOf(order.id) ? `${textOf(order.resourceType)}/${textOf(order.id)}` : undefined;
    const suggestions: Suggestion[] = resourceId ? [deleteDraftSuggestion(request.hookInstance, resourceId, what)] : [];
    if (therapy === "opioid") suggestions.push(serviceSuggestion(request.hookInstance, request.patientId, "physical-therapy"));
    cards.push(avoidCard(request.hookInstance, entry, what, suggestions));
  }
  return cards;
}
