// Small helpers for the engine's sentences, which are assembled from phrases.

import type { Profile } from "./vocabulary";

/** The phrase with its first letter capitalized, for when it opens a sentence. */
export function capitalized(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}

/** A number with its unit, singular for one: "1 week", "3 weeks". */
export function count(n: number, unit: string): string {
  return `${n} ${n === 1 ? unit : `${unit}s`}`;
}

/** Acetaminophen under the name each profile's clinicians and patients use. */
export function acetaminophenName(profile: Profile): string {
  return profile === "us" ? "acetaminophen" : "paracetamol";
}

/** Therapies whose code does not read as words once its hyphens are spaces. */
const THERAPY_WORDS: Readonly<Record<string, string>> = {
  "psychologically-informed-pt": "psychologically informed physical therapy",
  "yoga-tai-chi": "yoga or tai chi",
  nsaid: "NSAID",
  "pdmp-review": "prescription-monitoring review",
  "opioid-taper-plan": "opioid reduction plan",
};

/** A therapy code as a clinician says it: "physical-therapy" is "physical therapy". */
export function therapyName(therapy: string): string {
  return THERAPY_WORDS[therapy] ?? therapy.replaceAll("-", " ");
}

/** A list as a sentence names it: "a", "a and b", "a, b and c"; a drug listed twice (two strengths) is named once. */
export function inWords(items: readonly string[]): string {
  const unique = items.length > 1 ? [...new Set(items)] : items;
  return unique.length > 1 ? `${unique.slice(0, -1).join(", ")} and ${unique[unique.length - 1]}` : (unique[0] ?? "");
}
