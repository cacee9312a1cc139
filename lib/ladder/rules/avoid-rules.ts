import { cite, type EvidenceRef } from "../recommendation";
import { fired, notFired, type Rule } from "../rule";
import type { Facts } from "../facts";
import type { Draft } from "../rule";
import type { TherapyId } from "../vocabulary";

// What does not work, or does harm, shown with its reason. An entry is left out when the same evaluation
// suggests that therapy (an injection the ladder reached, say), so the advice never contradicts itself.

type AvoidSpec = {
  id: string;
  title: string;
  therapy: TherapyId;
  cites: Rule["cites"];
  applies?: (facts: Facts) => string | null;
  reason: (facts: Facts) => string;
  /** Must depend on the profile alone. */
  evidence: (facts: Facts) => EvidenceRef[];
};

const us = (facts: Facts) => facts.assessment.profile === "us";

function avoidRule(spec: AvoidSpec): Rule {
  // Evidence depends only on the profile: built once per profile, not once per evaluation.
  const evidenceByProfile = new Map<string, EvidenceRef[]>();
  const evidenceFor = (facts: Facts) => {
    const key = facts.assessment.profile;
    if (!evidenceByProfile.has(key)) evidenceByProfile.set(key, spec.evidence(facts));
    return evidenceByProfile.get(key) as EvidenceRef[];
  };
  return {
    id: spec.id,
    version: 1,
    title: spec.title,
    cites: spec.cites,
    evaluate(facts: Facts, draft: Draft) {
      if (draft.suspended) return notFired("ladder suspended: the work-up comes first");
      if (draft.suggests(spec.therapy)) return notFired(`${spec.therapy} is suggested in this evaluation`);
      const blocked = spec.applies?.(facts) ?? null;
      if (blocked) return notFired(blocked);
      draft.avoidTherapy({ therapy: spec.therapy, reason: spec.reason(facts), evidence: evidenceFor(facts) });
      return fired(`${spec.therapy} listed to avoid (${facts.assessment.profile} profile)`);
    },
  };
}

const ukOnly = (facts: Facts) => (facts.assessment.profile === "uk" ? null : "us profile does not advise against it");

export const AVOID_RULES: Rule[] = [
  avoidRule({
    id: "avoid.bed-rest",
    title: "Avoid bed rest",
    therapy: "bed-rest",
    cites: ["dahm-2010-bed-rest", "nice-ng59"],
    reason: () => "Bed rest slows recovery: muscles stiffen and weaken and fear of movement grows. Stay active within comfort.",
    evidence: () => [cite("dahm-2010-bed-rest", "Advice to stay active is at least as good as bed rest, often better."), cite("backstep-source-article", "Bed rest makes chronic back pain worse (patient-education article).")],
  }),
  avoidRule({
    id: "avoid.opioid",
    title: "Avoid starting opioids",
    therapy: "opioid",
    cites: ["cdc-2022", "acp-2017", "nice-ng59"],
    reason: (facts) =>
      us(facts)
        ? "Opioids are not a treatment to start for back pain: non-opioid care works at least as well for most people, and opioids bring dependence, overdose and worse pain over time. Backstep never suggests starting one."
        : "NICE advises against opioids for chronic low back pain and chronic sciatica. Backstep never suggests starting one.",
    evidence: (facts) =>
      us(facts)
        ? [cite("cdc-2022", "Recommendation 2: non-opioid therapies are preferred for subacute and chronic pain."), cite("acp-2017", "Consider opioids only after other treatments fail and only if benefits outweigh risks.")]
        : [cite("nice-ng59", "Do not offer opioids for managing chronic low back pain or chronic sciatica.")],
  }),
  avoidRule({
    id: "avoid.imaging",
    title: "Avoid imaging without red flags",
    therapy: "imaging",
    cites: ["acr-2021-imaging", "nice-ng59", "chou-2007-acp-aps"],
    applies: (facts) => (facts.redFlags.size ? "red flags are present: imaging may be needed" : null),
    reason: () => "No red flags: scans do not change care, find incidental changes that worry people, and lead to more procedures.",
    evidence: () => [
      cite("chou-2007-acp-aps", "Do not routinely obtain imaging in patients with nonspecific low back pain."),
      cite("nice-ng59", "Do not routinely offer imaging in a non-specialist setting for people with low back pain with or without sciatica."),
      cite("acr-2021-imaging", "Imaging is usually not appropriate for uncomplicated low back pain without red flags."),
    ],
  }),
  avoidRule({
    id: "avoid.nsaid-long-term",
    title: "Avoid long-term daily NSAIDs",
    therapy: "nsaid",
    cites: ["nice-ng59", "backstep-source-article"],
    reason: () => "Daily NSAIDs for months add stomach, kidney and heart risk; use the lowest dose for the shortest time, and only with the doctor's agreement.",
    evidence: () => [
      cite("nice-ng59", "Use oral NSAIDs at the lowest effective dose for the shortest possible period."),
      cite("backstep-source-article", "Do not take NSAIDs daily for months unless your doctor says it is safe (patient-education article)."),
    ],
  }),
  avoidRule({
    id: "avoid.manipulation-alone",
    title: "Avoid spinal manipulation on its own as a long-term fix",
    therapy: "spinal-manipulation",
    cites: ["nice-ng59", "acp-2017", "backstep-source-article"],
    reason: (facts) =>
      us(facts)
        ? "Manipulation can give short-term relief (ACP lists it as an option) but on its own does not change long-term pain; use it, if at all, alongside exercise."
        : "NICE: manual therapy only as part of a package that includes exercise; on its own it does not change long-term pain.",
    evidence: () => [
      cite("nice-ng59", "Consider manual therapy only as part of a treatment package including exercise."),
      cite("acp-2017", "Spinal manipulation is a non-drug option with low-quality evidence of small benefit."),
      cite("backstep-source-article", "Adjustments alone may feel good briefly but do not change long-term pain patterns (patient-education article)."),
    ],
  }),
  avoidRule({
    id: "avoid.massage-alone",
    title: "Avoid massage on its own as a long-term fix",
    therapy: "massage",
    cites: ["nice-ng59", "acp-2017", "backstep-source-article"],
    reason: () => "Massage helps relaxation and short-term comfort, but on its own it is not a long-term treatment; pair it with exercise.",
    evidence: () => [
      cite("nice-ng59", "Consider manual therapy (including soft tissue techniques such as massage) only as part of a treatment package including exercise."),
      cite("backstep-source-article", "Massage is helpful for relaxation, not a cure (patient-education article)."),
    ],
  }),
  avoidRule({
    id: "avoid.epidural-as-fix",
    title: "Avoid epidural injections as a permanent fix",
    therapy: "epidural-steroid-injection",
    cites: ["nice-ng59", "chou-2009-aps-interventional", "backstep-source-article"],
    reason: (facts) =>
      facts.classification.radicular
        ? "Epidural injections give months of relief at best and do not fix the cause; they come only after exercise and medicines have been tried."
        : "Epidural injections do not help back pain without sciatica, and they are not a permanent fix.",
    evidence: () => [
      cite("nice-ng59", "Do not offer spinal injections for managing low back pain."),
      cite("chou-2009-aps-interventional", "Epidural steroids offer short-term benefit for radiculopathy only; evidence does not support them for non-radicular pain."),
      cite("backstep-source-article", "Injections relieve pain for 3-6 months in 60-70% of people but are not permanent (patient-education article)."),
    ],
  }),
  avoidRule({
    id: "avoid.facet-injection",
    title: "Avoid facet joint steroid injections",
    therapy: "facet-joint-injection",
    cites: ["chou-2009-aps-interventional", "nice-ng59"],
    reason: () => "Steroid injections into the facet joints do not relieve back pain better than placebo.",
    evidence: () => [
      cite("chou-2009-aps-interventional", "Facet joint corticosteroid injection is not recommended for persistent non-radicular low back pain."),
      cite("nice-ng59", "Do not offer spinal injections for managing low back pain."),
    ],
  }),
  avoidRule({
    id: "avoid.acetaminophen-alone",
    title: "Avoid acetaminophen (paracetamol) alone",
    therapy: "acetaminophen",
    cites: ["nice-ng59", "acp-2017"],
    reason: () => "Paracetamol on its own does not relieve low back pain better than placebo.",
    evidence: () => [
      cite("nice-ng59", "Do not offer paracetamol alone for managing low back pain."),
      cite("acp-2017", "Acetaminophen was no better than placebo for acute low back pain."),
    ],
  }),
  avoidRule({
    id: "avoid.systemic-steroids",
    title: "Avoid oral corticosteroids",
    therapy: "oral-corticosteroid",
    cites: ["acp-2017", "nice-ng59"],
    reason: () => "Oral steroids do not improve back pain or sciatica and carry their own harms.",
    evidence: () => [
      cite("acp-2017", "Systemic corticosteroids were not effective for low back pain, with or without radicular symptoms."),
      cite("nice-ng59", "Do not offer oral corticosteroids for managing sciatica."),
    ],
  }),
  avoidRule({
    id: "avoid.benzodiazepine",
    title: "Avoid benzodiazepines",
    therapy: "benzodiazepine",
    cites: ["nice-ng59", "cdc-2022"],
    reason: () => "Benzodiazepines do not treat back pain or sciatica, cause dependence, and with opioids can dangerously slow breathing.",
    evidence: () => [
      cite("nice-ng59", "Do not offer benzodiazepines for managing sciatica."),
      cite("cdc-2022", "Recommendation 11: use particular caution with benzodiazepines and opioids together."),
    ],
  }),
  avoidRule({
    id: "avoid.gabapentinoid",
    title: "Avoid gabapentinoids",
    therapy: "gabapentinoid",
    cites: ["nice-ng59", "enke-2018-anticonvulsants"],
    reason: () => "Gabapentin and pregabalin do not relieve back pain or sciatica better than placebo and often cause dizziness and drowsiness.",
    evidence: () => [
      cite("enke-2018-anticonvulsants", "Anticonvulsants showed no benefit for low back pain or lumbar radicular pain, with more adverse events."),
      cite("nice-ng59", "Do not offer anticonvulsants for low back pain, or gabapentinoids for sciatica."),
    ],
  }),
  avoidRule({
    id: "avoid.tricyclic",
    title: "Avoid tricyclic antidepressants for back pain",
    therapy: "tricyclic",
    cites: ["nice-ng59", "acp-2017"],
    reason: () => "Tricyclic antidepressants have not been shown to relieve low back pain and cause drowsiness, falls and anticholinergic effects.",
    evidence: () => [
      cite("nice-ng59", "Do not offer tricyclic antidepressants for managing low back pain."),
      cite("acp-2017", "Tricyclic antidepressants showed no difference from placebo for chronic low back pain."),
    ],
  }),
  avoidRule({
    id: "avoid.snri-uk",
    title: "uk profile: SNRIs not offered",
    therapy: "duloxetine",
    cites: ["nice-ng59", "acp-2017"],
    applies: ukOnly,
    reason: () => "NICE does not offer SNRIs such as duloxetine for low back pain (ACP, the us profile, lists duloxetine as second line).",
    evidence: () => [
      cite("nice-ng59", "Do not offer serotonin-norepinephrine reuptake inhibitors for managing low back pain."),
      cite("acp-2017", "Duloxetine is a second-line option when NSAIDs have not helped enough."),
    ],
  }),
  avoidRule({
    id: "avoid.acupuncture-uk",
    title: "uk profile: acupuncture not offered",
    therapy: "acupuncture",
    cites: ["nice-ng59", "acp-2017"],
    applies: ukOnly,
    reason: () => "NICE does not offer acupuncture for low back pain (ACP, the us profile, lists it among non-drug options).",
    evidence: () => [
      cite("nice-ng59", "Do not offer acupuncture for managing low back pain with or without sciatica."),
      cite("acp-2017", "Acupuncture is among the non-drug treatments recommended for chronic low back pain (moderate-quality evidence)."),
    ],
  }),
];
