import { describeAdherenceThreshold } from "../adequacy";
import { cite } from "../recommendation";
import { fired, insufficient, notFired, RANK, type Rule } from "../rule";

export const PT_VISITS_RUNNING_LOW = 4;

export const NOT_CHRONIC_RULE: Rule = {
  id: "scope.not-chronic",
  version: 3,
  title: "Pain not yet chronic",
  cites: ["acp-2017", "nice-ng59"],
  evaluate(facts, draft) {
    const durationWeeks = facts.assessment.pain.durationWeeks;
    const weeks = `${durationWeeks} week${durationWeeks === 1 ? "" : "s"}`;
    if (facts.chronic) return notFired(`${weeks} of pain: chronic (more than 12 weeks)`);
    draft.alert({
      code: "not-chronic",
      severity: "info",
      summary: `${facts.classification.chronicity === "acute" ? "Acute" : "Subacute"} low back pain (${weeks}): the chronic ladder does not apply yet`,
      // Reassurance would contradict a red-flag work-up: while the ladder is suspended, the work-up comes first.
      detail: draft.suspended
        ? "The red-flag work-up comes first. Only once it rules out serious pathology does the usual advice for pain under 12 weeks apply: keep active, reassess, and the chronic ladder after 12 weeks."
        : "Most acute and subacute back pain improves over weeks. Reassure, keep the person active and at work where possible, and reassess; the chronic ladder starts after 12 weeks.",
      evidence: [
        cite("acp-2017", "Recommendation 1: for acute or subacute low back pain, most patients improve over time regardless of treatment; start with non-drug care such as superficial heat."),
        cite("nice-ng59", "Give advice and information to support self-management and continuing normal activities."),
      ],
    });
    return fired(`${weeks} of pain is ${facts.classification.chronicity} (chronic means more than 12 weeks)`);
  },
};

export const BED_REST_RULE: Rule = {
  id: "harm.bed-rest",
  version: 1,
  title: "Bed rest in use",
  cites: ["dahm-2010-bed-rest"],
  evaluate(facts, draft) {
    const resting = facts.assessment.treatments.some((t) => t.therapy === "bed-rest" && t.status === "current");
    if (!resting) return notFired("bed rest is not a current treatment");
    draft.alert({
      code: "bed-rest",
      severity: "warning",
      summary: "Bed rest is being used for back pain",
      detail: "Bed rest slows recovery: muscles stiffen and weaken and fear of movement grows. Advise staying active within comfort, with short rests only when needed.",
      evidence: [cite("dahm-2010-bed-rest", "Advice to stay active gives small benefits over bed rest for pain and function.")],
    });
    return fired("bed rest recorded as current");
  },
};

export const LOW_ADHERENCE_RULE: Rule = {
  id: "conservative.low-adherence",
  version: 4,
  title: "Conservative trial sunk by low adherence",
  cites: ["backstep-source-article", "apta-cpg-2021"],
  evaluate(facts, draft) {
    const status = facts.conservative;
    if (status.state !== "low-adherence") return notFired(`conservative care: ${status.state}`);
    const working = facts.assessment.patient.employment === "working";
    draft.alert({
      code: "low-adherence",
      severity: "warning",
      summary: "The exercise program was not really tried: adherence too low",
      detail: `${status.because}. Below ${describeAdherenceThreshold(facts.assessment.settings.adherenceThresholdPercent)} (a setting drawn from the patient-education article's figure of about 63%, not a guideline cut-off) the program has not been tested, so the plan stays on this step with support rather than moving up. Ask what got in the way (time, cost, fear of pain), shrink the program to fit${working ? " a working day: even 10 minutes of walking and exercises counts" : ""}, and agree one small daily habit.`,
      evidence: [
        cite("backstep-source-article", "The patient-education article reports an 82% success rate for people who keep up their home routine against 45% for those who do not, and that only 38% of working adults keep to therapy schedules."),
        cite("apta-cpg-2021", "Exercise is effective for chronic low back pain when it is done; dosing and adherence matter."),
      ],
    });
    return fired(status.because);
  },
};

export const PT_VISIT_LIMIT_RULE: Rule = {
  id: "coverage.pt-visit-limit",
  version: 1,
  title: "Covered PT visits",
  cites: ["backstep-source-article"],
  evaluate(facts, draft) {
    const left = facts.ptVisitsLeft;
    const limit = facts.assessment.coverage.ptVisitLimit;
    if (left === null) return insufficient("PT visits used this year not recorded");
    const evidence = [cite("backstep-source-article", "The patient-education article notes that insurance often caps PT at about 20 visits a year, which is why the home program matters.")];
    if (left === 0) {
      draft.alert({
        code: "pt-visit-limit-reached",
        severity: "warning",
        summary: `All ${limit} covered PT visits used this year`,
        detail: "The plan turns to the home exercise program, with PT visits kept for progress checks if the patient can fund them.",
        evidence,
      });
      return fired(`${limit} of ${limit} covered visits used`);
    }
    if (left <= PT_VISITS_RUNNING_LOW) {
      draft.alert({
        code: "pt-visits-running-low",
        severity: "info",
        summary: `${left} covered PT visit${left === 1 ? "" : "s"} left this year`,
        detail: "Use the remaining visits to hand over a home program the patient can keep up alone.",
        evidence,
      });
      return fired(`${left} of ${limit} covered visits left`);
    }
    return notFired(`${left} of ${limit} covered visits left`);
  },
};

export const MOOD_SCREEN_RULE: Rule = {
  id: "screening.mood",
  version: 1,
  title: "Positive depression or anxiety screen",
  cites: ["kroenke-2003-phq2", "kroenke-2007-gad2", "acp-2017", "nice-ng59"],
  evaluate(facts, draft) {
    const { phq2, gad2 } = facts.classification;
    if (!phq2 && !gad2) return insufficient("PHQ-2 and GAD-2 not recorded");
    const positive = [phq2?.positive ? `PHQ-2 ${phq2.score}` : null, gad2?.positive ? `GAD-2 ${gad2.score}` : null].filter((p): p is string => p !== null);
    if (!positive.length) return notFired(`screens negative (${[phq2 && `PHQ-2 ${phq2.score}`, gad2 && `GAD-2 ${gad2.score}`].filter(Boolean).join(", ")})`);
    const evidence = [
      cite(phq2?.positive ? "kroenke-2003-phq2" : "kroenke-2007-gad2", "A score of 3 or more is a positive screen and calls for a fuller assessment."),
      cite("acp-2017", "Cognitive behavioural therapy is among the non-drug treatments recommended for chronic low back pain."),
      cite("nice-ng59", "Consider psychological therapies using a cognitive behavioural approach, as part of a treatment package including exercise."),
    ];
    draft.alert({
      code: "mood-screen-positive",
      severity: "info",
      summary: `Positive mood screen: ${positive.join(", ")}`,
      detail: "Assess further (PHQ-9, GAD-7) and ask about safety. Low mood and anxiety make pain worse and recovery slower; treating them is part of treating the back.",
      evidence,
    });
    draft.suggest(this.id, RANK.companion, {
      therapy: "psychological-therapy",
      step: "conservative",
      title: "Psychological therapy (cognitive behavioural approach)",
      detail: "Alongside the exercise program: CBT-based pain management, addressing mood and fear of movement.",
      evidence,
    });
    return fired(positive.join(", "));
  },
};
