import { describeReasons } from "../medication-safety";
import { cite } from "../recommendation";
import { fired, notFired, type Rule } from "../rule";

export const NSAID_LONG_TERM_WEEKS = 12;

/** Whether the ladder is at the point of choosing a medication (so an unsafe first choice matters now). */
function choosingMedication(facts: Parameters<Rule["evaluate"]>[0]): boolean {
  return facts.chronic && facts.conservative.state === "tried";
}

export const NSAID_CONTRAINDICATED_RULE: Rule = {
  id: "medication.nsaid-contraindicated",
  version: 1,
  title: "NSAID unsafe for this person",
  cites: ["kdigo-2024-ckd", "acg-2009-nsaid-ulcer", "fda-2015-nsaid-cv", "fda-2020-nsaid-pregnancy", "beers-2023"],
  evaluate(facts, draft) {
    const found = facts.nsaidContraindications;
    if (!found.length) return notFired("no kidney, GI, cardiovascular, anticoagulant, pregnancy or age contraindication recorded");
    const tried = facts.trials.get("nsaid");
    const relevant = facts.onNsaid || (choosingMedication(facts) && tried?.verdict !== "failed");
    if (!relevant) return notFired(`contraindications present (${describeReasons(found)}) but no NSAID is taken or about to be chosen`);
    const absolute = found.some((c) => c.absolute);
    draft.alert({
      code: "nsaid-contraindicated",
      severity: facts.onNsaid && absolute ? "critical" : "warning",
      summary: `${facts.onNsaid ? "NSAID taken despite" : "NSAID skipped because of"} ${describeReasons(found)}`,
      detail: facts.onNsaid
        ? "Review the NSAID with the patient: switch to a safer option and, if it must continue briefly, use the lowest dose with gastroprotection and kidney monitoring."
        : "The ladder moves past NSAIDs to the next option that is safe for this person.",
      evidence: found.map((c) => c.evidence),
    });
    return fired(`${describeReasons(found)}${facts.onNsaid ? " while an NSAID is taken" : " with an NSAID the next medication choice"}`);
  },
};

export const NSAID_LONG_TERM_RULE: Rule = {
  id: "medication.nsaid-long-term",
  version: 1,
  title: "Daily NSAID for months",
  cites: ["nice-ng59", "backstep-source-article"],
  evaluate(facts, draft) {
    if (!facts.onNsaid) return notFired("no NSAID taken");
    const daily = facts.nsaidMeds.length === 0 || facts.nsaidMeds.some((m) => m.prn !== true);
    const weeks = facts.assessment.treatments.filter((t) => t.therapy === "nsaid" && t.status === "current").map((t) => t.weeks ?? 0);
    const longest = Math.max(0, ...weeks);
    if (!daily) return notFired("the NSAID is taken as needed, not daily");
    if (longest < NSAID_LONG_TERM_WEEKS) {
      return weeks.length ? notFired(`taken for ${longest} weeks (under ${NSAID_LONG_TERM_WEEKS})`) : notFired("how long the NSAID has been taken is not recorded");
    }
    draft.alert({
      code: "nsaid-long-term",
      severity: "warning",
      summary: `Daily NSAID for ${longest} weeks`,
      detail: "Months of daily NSAIDs add stomach, kidney and heart risk for little added relief. Move to the lowest dose, as needed rather than daily, and build up exercise and the home program.",
      evidence: [
        cite("nice-ng59", "If NSAIDs are used, use the lowest effective dose for the shortest possible time, with a gastroprotective agent and regular risk review."),
        cite("backstep-source-article", "About 1 in 5 regular NSAID users get stomach problems; long-term daily use is not worth the risk (patient-education article)."),
      ],
    });
    return fired(`daily NSAID for ${longest} weeks (${NSAID_LONG_TERM_WEEKS} or more)`);
  },
};

export const DULOXETINE_CONTRAINDICATED_RULE: Rule = {
  id: "medication.duloxetine-contraindicated",
  version: 1,
  title: "Duloxetine unsafe for this person",
  cites: ["duloxetine-label"],
  evaluate(facts, draft) {
    const found = facts.duloxetineContraindications;
    if (!found.length) return notFired("no hepatic impairment or severe renal impairment recorded");
    const onIt = facts.assessment.medications.some((m) => m.drug === "duloxetine");
    if (!onIt && !choosingMedication(facts)) return notFired(`contraindications present (${describeReasons(found)}) but duloxetine is neither taken nor being chosen`);
    draft.alert({
      code: "duloxetine-contraindicated",
      severity: onIt ? "critical" : "warning",
      summary: `Duloxetine ${onIt ? "taken despite" : "skipped because of"} ${describeReasons(found)}`,
      detail: onIt ? "Review duloxetine with the patient and plan a gradual change; reducing it quickly can cause withdrawal symptoms." : "The ladder does not suggest duloxetine for this person.",
      evidence: found.map((c) => c.evidence),
    });
    return fired(describeReasons(found));
  },
};
