import type { BaseFacts, Facts } from "./facts";
import { MODERATE_PAIN } from "./adequacy";
import { keepUpRoutine, MULTIDISCIPLINARY_REHABILITATION, selfManagement, type CareOption } from "./care-options";
import { cite } from "./recommendation";
import type { TherapyId } from "./vocabulary";
import { capitalized, count, therapyName } from "./wording";

// Which procedure, device or opinion fits, once conservative care and medicines were tried or are unsafe:
// radicular pain (sciatica) and localized axial pain have different indications; other axial pain does not
// have one, and goes to combined rehabilitation.

export const RF_MIN_INTENSITY = 5;
/** NICE TA159: spinal cord stimulation only for pain lasting at least 6 months despite appropriate conventional care. */
export const SCS_MIN_WEEKS = 26;

const PROCEDURES = ["epidural-steroid-injection", "medial-branch-block", "radiofrequency-denervation", "spine-surgery-referral", "spinal-cord-stimulator"] as const;

/** A procedure or opinion still under way: its result comes before the next one. */
function pending(facts: Facts): TherapyId | undefined {
  return PROCEDURES.find((t) => {
    const trial = trialOf(facts, t);
    if (trial?.verdict === "in-progress") return true;
    // A surgical referral marked current is awaiting its opinion, however long ago it was made.
    return t === "spine-surgery-referral" && facts.assessment.treatments.some((x) => x.therapy === t && x.status === "current" && x.response === undefined);
  });
}

const INJECTION_NOT_A_CURE = cite("backstep-source-article", "The patient-education article reports that epidural steroid injections and radiofrequency ablation relieve pain for 3-6 months in 60-70% of people, and are not permanent.");

const BLEEDING_PLAN = cite("asra-2018-pain-procedures", "Spine procedures can cause bleeding into the spinal canal: whether and for how long to pause an anticoagulant depends on the procedure's bleeding risk, and is weighed against the risk of a clot, with the prescriber.");

/** A needle procedure as offered to this patient: on an anticoagulant, with the plan for it that must come first. */
export function procedureFor(facts: BaseFacts, option: CareOption): CareOption {
  if (!facts.conditions.includes("anticoagulant-use")) return option;
  return {
    ...option,
    detail: `${option.detail} On an anticoagulant: plan with its prescriber whether and when to pause it before the procedure, weighing the risk of bleeding against the risk of a clot, and keep taking it until that plan is made.`,
    evidence: [...option.evidence, BLEEDING_PLAN],
  };
}

const tried = (facts: Facts, therapy: TherapyId) => facts.trials.has(therapy);
const trialOf = (facts: Facts, therapy: TherapyId) => facts.trials.get(therapy);

export type InterventionalChoice = { option: CareOption; because: string; needsImaging: boolean };

export function chooseInterventional(facts: Facts): InterventionalChoice {
  const uk = facts.assessment.profile === "uk";
  const { intensity } = facts.assessment.pain;
  // A procedure that is working is kept going with exercise, not followed by the next procedure.
  const working = (["epidural-steroid-injection", "radiofrequency-denervation", "spinal-cord-stimulator"] as const).find((t) => trialOf(facts, t)?.verdict === "responding");
  if (working) {
    return {
      option: { ...selfManagement(facts), title: "Keep up the exercise and self-management routine", detail: `${selfManagement(facts).detail} The ${therapyName(working)} is helping: use the relief to build activity; repeat it only if pain returns, as it is not a permanent fix.` },
      because: `${therapyName(working)} gave a good response: no further procedure`,
      needsImaging: false,
    };
  }
  // Mild pain is no reason for a procedure: the routine carries on, and the next step waits for the pain to rise.
  if (intensity < MODERATE_PAIN && !pending(facts)) {
    return { option: keepUpRoutine(facts), because: `pain is mild (${intensity}/10): no procedure is needed`, needsImaging: false };
  }
  if (facts.assessment.patient.pregnant === true) {
    return { option: MULTIDISCIPLINARY_REHABILITATION, because: "pregnancy: no elective spinal procedures or fluoroscopy; combined rehabilitation instead", needsImaging: false };
  }
  const underWay = pending(facts);
  if (underWay) {
    const name = therapyName(underWay);
    return {
      option: {
        therapy: underWay,
        step: "interventional",
        title: underWay === "spine-surgery-referral" ? "Surgical opinion under way: keep exercising while waiting" : `${capitalized(name)} under way: review its effect`,
        detail: `The ${name} is under way; its result decides the next step. Keep the exercise program and self-management going meanwhile, and review as soon as the result is known.`,
        evidence: [cite("nice-ng59", "Keep people active and continue exercise alongside any specialist assessment or procedure.")],
      },
      because: `${name} under way: awaiting its result before any further procedure`,
      needsImaging: false,
    };
  }

  if (facts.classification.radicular) {
    if (!uk && !tried(facts, "epidural-steroid-injection")) {
      return {
        option: procedureFor(facts, {
          therapy: "epidural-steroid-injection",
          step: "interventional",
          title: "Epidural steroid injection for the leg pain",
          detail: "For persistent radicular pain: short-term relief that can make exercise possible; not a permanent fix. Keep the exercise program going.",
          evidence: [cite("chou-2009-aps-interventional", "For persistent radiculopathy from a herniated disc, discuss epidural steroid injection (weak recommendation, moderate-quality evidence; benefit is short-term)."), INJECTION_NOT_A_CURE],
        }),
        because: "radicular pain; epidural steroid injection not yet tried",
        needsImaging: true,
      };
    }
    if (!tried(facts, "spine-surgery-referral")) {
      return {
        option: {
          therapy: "spine-surgery-referral",
          step: "interventional",
          title: "Spinal surgical opinion",
          detail: "Referral to discuss decompression for persistent sciatica when imaging matches the symptoms.",
          evidence: [
            cite("nice-ng59", "Consider spinal decompression for people with sciatica when non-surgical treatment has not improved pain or function and radiological findings are consistent with the symptoms."),
            cite("chou-2009-aps-interventional", "For persistent, disabling radiculopathy from a herniated disc, discuss surgery as an option."),
          ],
        },
        because: uk ? "radicular pain, uk profile: a surgical opinion is the next step for chronic sciatica" : "radicular pain; epidural injection already tried",
        needsImaging: true,
      };
    }
    if (!tried(facts, "spinal-cord-stimulator")) {
      const weeks = facts.assessment.pain.durationWeeks;
      if (weeks < SCS_MIN_WEEKS) {
        return {
          option: MULTIDISCIPLINARY_REHABILITATION,
          because: `radicular pain after injection and surgical opinion, but ${count(weeks, "week")} of pain is under the ${SCS_MIN_WEEKS} weeks (6 months) NICE TA159 requires before spinal cord stimulation: combined rehabilitation meanwhile`,
          needsImaging: false,
        };
      }
      return {
        option: procedureFor(facts, {
          therapy: "spinal-cord-stimulator",
          step: "interventional",
          title: "Assessment for spinal cord stimulation",
          detail: "For neuropathic leg pain lasting 6 months or more despite everything else: assessment by a specialist pain team, and an implant only after a successful trial of stimulation.",
          evidence: [
            cite("nice-ta159-scs", "Spinal cord stimulation for chronic neuropathic pain lasting at least 6 months despite appropriate conventional management, after assessment by a specialist team and a successful trial."),
            cite("backstep-source-article", "The patient-education article reports that spinal cord stimulators help about 70% of people with severe pain that nothing else relieved, but need surgery and are costly."),
          ],
        }),
        because: `radicular pain for ${count(weeks, "week")} (6 months or more); injection and surgical opinion completed`,
        needsImaging: false,
      };
    }
  } else if (facts.assessment.pain.localized) {
    const block = trialOf(facts, "medial-branch-block");
    const positiveBlock = block && (block.verdict === "responding" || (block.verdict === "failed" && block.partial));
    if (intensity < RF_MIN_INTENSITY) {
      return { option: MULTIDISCIPLINARY_REHABILITATION, because: `localized axial pain but intensity ${intensity} is below ${RF_MIN_INTENSITY}: denervation is for moderate or severe pain`, needsImaging: false };
    }
    const rfEvidence = [
      cite("nice-ng59", "Consider radiofrequency denervation for chronic low back pain from the facet joints when non-surgical treatment has not worked, pain is moderate or severe (5 or more out of 10), and only after a positive diagnostic medial branch block."),
      INJECTION_NOT_A_CURE,
    ];
    if (!block) {
      return {
        option: procedureFor(facts, { therapy: "medial-branch-block", step: "interventional", title: "Diagnostic medial branch block", detail: "A diagnostic block to test whether the facet joints are the source of the localized pain; a positive block opens the way to radiofrequency denervation.", evidence: rfEvidence }),
        because: `localized axial pain at ${intensity}/10; medial branch block not yet done`,
        needsImaging: false,
      };
    }
    if (positiveBlock && !tried(facts, "radiofrequency-denervation")) {
      return {
        option: procedureFor(facts, { therapy: "radiofrequency-denervation", step: "interventional", title: "Radiofrequency denervation", detail: "The medial branch block was positive: radiofrequency denervation of the same levels, for months of relief, alongside exercise.", evidence: rfEvidence }),
        because: "localized axial pain with a positive medial branch block",
        needsImaging: false,
      };
    }
    return { option: MULTIDISCIPLINARY_REHABILITATION, because: positiveBlock ? "denervation already done" : "medial branch block negative: the facet joints are not the source", needsImaging: false };
  }

  if (!tried(facts, "multidisciplinary-rehabilitation")) {
    return { option: MULTIDISCIPLINARY_REHABILITATION, because: "axial pain without a procedure indication: combined physical and psychological rehabilitation", needsImaging: false };
  }
  return {
    option: {
      therapy: "spine-surgery-referral",
      step: "interventional",
      title: "Specialist spinal opinion",
      detail: "Everything on the ladder has been tried: a specialist review of the diagnosis and remaining options (fusion is not routinely recommended for back pain alone).",
      evidence: [cite("nice-ng59", "Do not offer spinal fusion for low back pain unless as part of a randomised controlled trial.")],
    },
    because: "combined rehabilitation already tried",
    needsImaging: false,
  };
}
