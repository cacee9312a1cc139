import { createHash } from "node:crypto";
import type { MedicationRequest, ServiceRequest } from "fhir/r4";
import { DECISION_REASONS } from "@/lib/encounters/decision-reasons";
import { SOURCES_BY_ID } from "@/lib/evidence/sources";
import type { Alert, AvoidEntry, EvidenceRef, Recommendation } from "@/lib/ladder/recommendation";
import { STEP_LABEL } from "@/lib/ladder/step-labels";
import type { Severity } from "@/lib/ladder/vocabulary";

// CDS Hooks 2.0 cards from the engine's Recommendation: one per warning or critical alert (red flags merged into
// one), avoid entries for what is being ordered, and an info card with the ladder's next step or what the chart
// lacks. Every card cites its evidence and offers the product's coded override reasons.
export const ALERT_CODE_SYSTEM = "https://backstep.app/fhir/CodeSystem/alert-code";
export const OVERRIDE_REASON_SYSTEM = "https://backstep.app/fhir/CodeSystem/override-reason";
const SUMMARY_LIMIT = 140;

export type Coding = { system: string; code: string; display?: string };
type Action = { type: "create" | "delete"; description: string; resource?: MedicationRequest | ServiceRequest; resourceId?: string };
export type Suggestion = { label: string; uuid: string; isRecommended?: boolean; actions: Action[] };
export type Link = { label: string; url: string; type: "absolute" | "smart"; appContext?: string };
export type Card = {
  uuid: string;
  summary: string;
  detail?: string;
  indicator: Severity;
  source: { label: string; url?: string; topic?: Coding };
  suggestions?: Suggestion[];
  selectionBehavior?: "any" | "at-most-one";
  overrideReasons?: Coding[];
  links?: Link[];
};

export const OVERRIDE_REASONS: Coding[] = Object.entries(DECISION_REASONS).map(([code, display]) => ({ system: OVERRIDE_REASON_SYSTEM, code, display }));

/** A stable UUID for a card or suggestion of one hook call, so feedback can be matched to what was shown. */
export function stableUuid(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export function summaryOf(text: string): string {
  return text.length < SUMMARY_LIMIT ? text : `${text.slice(0, SUMMARY_LIMIT - 2).trimEnd()}…`;
}

function evidenceMarkdown(evidence: EvidenceRef[]): string {
  if (!evidence.length) return "";
  return `\n\n**Evidence**\n${evidence.map((ref) => `- ${SOURCES_BY_ID.get(ref.sourceId)?.title ?? ref.sourceId}: ${ref.claim}`).join("\n")}`;
}

function sourceOf(evidence: EvidenceRef[], code: string, display: string): Card["source"] {
  const first = evidence[0] ? SOURCES_BY_ID.get(evidence[0].sourceId) : undefined;
  return {
    label: first ? `Backstep: ${first.publisher.split(/[;,]/)[0]} ${first.year}` : "Backstep",
    ...(first?.url ? { url: first.url } : {}),
    topic: { system: ALERT_CODE_SYSTEM, code, display: summaryOf(display) },
  };
}

export function alertCard(hookInstance: string, alert: Alert, extra: { suggestions?: Suggestion[]; links?: Link[] } = {}): Card {
  return {
    uuid: stableUuid(hookInstance, "alert", alert.code),
    summary: summaryOf(alert.summary),
    detail: `${alert.detail}${evidenceMarkdown(alert.evidence)}`,
    indicator: alert.severity,
    source: sourceOf(alert.evidence, alert.code, alert.summary),
    ...withSuggestions(extra.suggestions),
    overrideReasons: OVERRIDE_REASONS,
    ...(extra.links?.length ? { links: extra.links } : {}),
  };
}

/** Red flags suspend the ladder: one critical card that says what was found and what work-up is due. */
export function redFlagCard(hookInstance: string, recommendation: Recommendation, links: Link[]): Card {
  const flags = recommendation.alerts.filter((a) => a.code.startsWith("red-flag-") && a.severity !== "info");
  const evidence = flags.flatMap((a) => a.evidence);
  return {
    uuid: stableUuid(hookInstance, "red-flags"),
    summary: summaryOf(flags.length === 1 ? (flags[0] as Alert).summary : `Red flags: ${flags.map((a) => a.summary.replace(/^Red flag:?\s*/i, "")).join("; ")}`),
    detail: `${recommendation.ladder.rationale}\n\n${flags.map((a) => `- **${a.summary}**: ${a.detail}`).join("\n")}${evidenceMarkdown(evidence)}`,
    indicator: "critical",
    source: sourceOf(evidence, "red-flags", "Red flags"),
    overrideReasons: OVERRIDE_REASONS,
    ...(links.length ? { links } : {}),
  };
}

export function avoidCard(hookInstance: string, entry: AvoidEntry, ordered: string, suggestions: Suggestion[]): Card {
  return {
    uuid: stableUuid(hookInstance, "avoid", entry.therapy),
    summary: summaryOf(`${ordered}: not advised for this patient's back pain`),
    detail: `${entry.reason}${evidenceMarkdown(entry.evidence)}`,
    indicator: "warning",
    source: sourceOf(entry.evidence, `avoid-${entry.therapy}`, `Avoid ${entry.therapy}`),
    ...withSuggestions(suggestions),
    overrideReasons: OVERRIDE_REASONS,
  };
}

/** The ladder's position and next step, for the patient's chart. */
export function ladderCard(hookInstance: string, recommendation: Recommendation, notes: string[], links: Link[]): Card {
  const next = recommendation.next[0];
  const evidence = next?.evidence ?? [];
  return {
    uuid: stableUuid(hookInstance, "ladder"),
    summary: summaryOf(`Back pain care: ${STEP_LABEL[recommendation.ladder.step].toLowerCase()}${next ? `; next: ${next.title}` : ""}`),
    detail: `${recommendation.ladder.rationale}${recommendation.next.length ? `\n\n**Next**\n${recommendation.next.map((s) => `- ${s.title}: ${s.detail}`).join("\n")}` : ""}${notesMarkdown(notes)}${evidenceMarkdown(evidence)}`,
    indicator: "info",
    source: sourceOf(evidence, "ladder", "Stepped care"),
    ...(links.length ? { links } : {}),
  };
}

/** The chart lacks what the ladder needs: only medication safety was judged. */
export function incompleteCard(hookInstance: string, missing: string[], notes: string[], links: Link[]): Card {
  return {
    uuid: stableUuid(hookInstance, "incomplete"),
    summary: "Back pain assessment incomplete: only medication safety was checked",
    detail: `The chart does not give ${missing.join("; ")}. Backstep checked the medicines for safety; the stepped-care advice needs these facts, recorded at a Backstep visit.${notesMarkdown(notes)}`,
    indicator: "info",
    source: { label: "Backstep", topic: { system: ALERT_CODE_SYSTEM, code: "assessment-incomplete", display: "Assessment incomplete" } },
    ...(links.length ? { links } : {}),
  };
}

/** Medicines Backstep could not judge: said aloud, never dropped. */
export function unassessedCard(hookInstance: string, unassessed: string[]): Card {
  return {
    uuid: stableUuid(hookInstance, "unassessed"),
    summary: summaryOf(`Not checked by Backstep: ${unassessed.join(", ")}`),
    detail: `These opioids or benzodiazepines are outside the drugs Backstep knows, so their dose (MME) and combinations were not checked. Review them yourself:\n${unassessed.map((name) => `- ${name}`).join("\n")}`,
    indicator: "warning",
    source: { label: "Backstep", topic: { system: ALERT_CODE_SYSTEM, code: "medication-not-assessed", display: "Medication not assessed" } },
    overrideReasons: OVERRIDE_REASONS,
  };
}

function notesMarkdown(notes: string[]): string {
  return notes.length ? `\n\n**Not read from the chart**\n${notes.map((n) => `- ${n}`).join("\n")}` : "";
}

function withSuggestions(suggestions: Suggestion[] | undefined): Pick<Card, "suggestions" | "selectionBehavior"> {
  return suggestions?.length ? { suggestions, selectionBehavior: "any" } : {};
}

/** R4 resources a card may offer to create, as drafts for the clinician to sign. */
export function naloxoneSuggestion(hookInstance: string, patientId: string): Suggestion {
  const resource: MedicationRequest = {
    resourceType: "MedicationRequest",
    status: "draft",
    intent: "proposal",
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1725059", display: "naloxone hydrochloride 4 MG/ACTUAT Nasal Spray" }], text: "Naloxone 4 mg nasal spray" },
    dosageInstruction: [{ text: "For suspected opioid overdose: one spray in one nostril; call emergency services; repeat every 2-3 minutes in alternate nostrils if needed" }],
  };
  return { label: "Prescribe naloxone 4 mg nasal spray", uuid: stableUuid(hookInstance, "suggest", "naloxone"), isRecommended: true, actions: [{ type: "create", description: "Draft a naloxone nasal spray prescription", resource }] };
}

export function serviceSuggestion(hookInstance: string, patientId: string, kind: "urine-drug-test" | "physical-therapy"): Suggestion {
  const code =
    kind === "urine-drug-test"
      ? { system: "http://snomed.info/sct", code: "310627008", display: "Urine drug screening (procedure)" }
      : { system: "http://snomed.info/sct", code: "91251008", display: "Physical therapy procedure (regime/therapy)" };
  const resource: ServiceRequest = { resourceType: "ServiceRequest", status: "draft", intent: "proposal", subject: { reference: `Patient/${patientId}` }, code: { coding: [code], text: code.display } };
  const label = kind === "urine-drug-test" ? "Order a urine drug test" : "Refer to physical therapy";
  return { label, uuid: stableUuid(hookInstance, "suggest", kind), actions: [{ type: "create", description: label, resource }] };
}

export function deleteDraftSuggestion(hookInstance: string, resourceId: string, what: string): Suggestion {
  return { label: `Remove the draft order for ${what}`, uuid: stableUuid(hookInstance, "suggest", "delete", resourceId), actions: [{ type: "delete", description: `Remove the draft order for ${what}`, resourceId }] };
}
