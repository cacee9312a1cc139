import { RED_FLAG_NAMES, weakRedFlags, type PatternFinding, type RedFlagPattern, type Urgency } from "../red-flags";
import { cite, type EvidenceRef } from "../recommendation";
import { fired, notFired, RANK, type Rule } from "../rule";
import type { Facts } from "../facts";
import type { RedFlag, TherapyId } from "../vocabulary";
import { capitalized, inWords } from "../wording";

type WorkUp = { therapy: TherapyId; title: string; detail: string };

const FRAMEWORK = cite("finucane-2020-red-flags", "Serious spinal pathology is suspected from strong flags or combinations of flags, and then needs urgent work-up.");
const IMAGING_FOR_SERIOUS = cite("chou-2007-acp-aps", "Prompt imaging is indicated for severe or progressive neurological deficits or when serious underlying disease is suspected.");
const WEAKER_MALIGNANCY = cite("chou-2007-acp-aps", "With risk factors for cancer but no neurological signs, start with ESR and plain radiography, then MRI if they are abnormal or suspicion remains.");
const METASTASES = cite("nice-ng234", "Spinal pain suggestive of metastases: MRI within a week; with neurological symptoms or signs of spinal cord compression, MRI within 24 hours and immediate contact with the acute oncology or spinal team.");

export const URGENCY_TEXT: Record<Urgency, string> = {
  emergency: "emergency assessment today",
  urgent: "urgent work-up within days",
};

type PatternRule = {
  version: number;
  pattern: RedFlagPattern;
  id: string;
  title: string;
  code: string;
  summary: string;
  detail: string;
  /** Work-up in order: the first is the primary suggestion. */
  workup: (facts: Facts, finding: PatternFinding) => WorkUp[];
  evidence: EvidenceRef[];
};

const PATTERNS: PatternRule[] = [
  {
    pattern: "cauda-equina",
    id: "red-flag.cauda-equina",
    version: 4,
    title: "Cauda equina compression",
    code: "red-flag-cauda-equina",
    summary: "Possible cauda equina syndrome",
    detail: "Saddle numbness, new bladder retention, faecal incontinence or bilateral leg weakness can mean compression of the cauda equina. Delay risks permanent loss of bladder, bowel and sexual function.",
    workup: () => [
      { therapy: "emergency-referral", title: "Emergency referral today", detail: "Send to the emergency department or on-call spinal team now for assessment and emergency MRI." },
      { therapy: "urgent-imaging", title: "Emergency MRI of the lumbosacral spine", detail: "MRI within hours, arranged by the receiving team." },
    ],
    evidence: [FRAMEWORK, IMAGING_FOR_SERIOUS],
  },
  {
    pattern: "infection",
    id: "red-flag.infection",
    version: 5,
    title: "Spinal infection",
    code: "red-flag-infection",
    summary: "Possible spinal infection (epidural abscess, discitis, osteomyelitis)",
    detail: "Fever with injection drug use, immunosuppression or a recent infection raises concern for spinal infection, which can cause paralysis or sepsis if missed.",
    workup: () => [
      { therapy: "emergency-referral", title: "Same-day emergency assessment", detail: "Same-day assessment with blood cultures, white cell count, ESR and CRP." },
      { therapy: "urgent-imaging", title: "Urgent MRI with contrast", detail: "MRI of the spine with contrast to look for abscess, discitis or osteomyelitis." },
    ],
    evidence: [FRAMEWORK, IMAGING_FOR_SERIOUS],
  },
  {
    pattern: "neurological-deficit",
    id: "red-flag.neurological-deficit",
    version: 2,
    title: "Progressive neurological deficit",
    code: "red-flag-neurological-deficit",
    summary: "Progressive neurological deficit",
    detail: "Weakness or sensory loss that is getting worse needs urgent imaging and a spinal surgical opinion rather than a trial of conservative care.",
    workup: () => [
      { therapy: "urgent-imaging", title: "Urgent MRI of the lumbar spine", detail: "MRI without delay to find the compressive lesion." },
      { therapy: "emergency-referral", title: "Urgent spinal surgical assessment", detail: "Same-day or next-day assessment by a spinal team, sooner if the deficit is progressing fast." },
    ],
    evidence: [FRAMEWORK, IMAGING_FOR_SERIOUS],
  },
  {
    pattern: "fracture",
    id: "red-flag.fracture",
    version: 5,
    title: "Vertebral fracture",
    code: "red-flag-fracture",
    summary: "Possible vertebral fracture",
    detail: "Major trauma, or minor trauma in someone with osteoporosis, long-term corticosteroid use or older age, can fracture a vertebra; with two of those risks a vertebra can collapse with no injury at all.",
    workup: (facts) => {
      // After major trauma, the emergency department first, imaging there; otherwise imaging within days.
      if (facts.redFlags.includes("major-trauma")) {
        return [
          { therapy: "emergency-referral", title: "Emergency assessment after major trauma", detail: "Assess in the emergency department with spinal precautions." },
          { therapy: "urgent-imaging", title: "Spine imaging in the emergency department", detail: "CT of the spine as the trauma assessment directs, with MRI if there are neurological signs." },
        ];
      }
      return [{ therapy: "urgent-imaging", title: "Spine imaging within days", detail: "Plain radiographs within days, with CT or MRI if they are negative and suspicion stays high; same day if pain is severe or neurological signs appear." }];
    },
    evidence: [FRAMEWORK, IMAGING_FOR_SERIOUS],
  },
  {
    pattern: "malignancy",
    id: "red-flag.malignancy",
    version: 4,
    title: "Spinal malignancy",
    code: "red-flag-malignancy",
    summary: "Possible spinal malignancy or metastasis",
    detail: "A history of cancer is the strongest single flag for spinal malignancy; unexplained weight loss and night pain add to the concern, and without a cancer history they are weaker signs that call for prompt tests rather than an emergency.",
    workup: (_facts, finding) => {
      if (finding.urgency === "emergency") {
        return [
          { therapy: "emergency-referral", title: "Emergency referral today: possible spinal cord compression", detail: "Contact the acute oncology or on-call spinal team now; MRI of the whole spine within 24 hours." },
          { therapy: "urgent-imaging", title: "MRI of the whole spine within 24 hours", detail: "Arranged with the receiving team." },
        ];
      }
      if (finding.flags.includes("cancer-history")) {
        return [{ therapy: "urgent-imaging", title: "MRI of the whole spine within a week", detail: "With blood tests (FBC, ESR, CRP, calcium, and a myeloma screen as indicated); tell the patient to come back the same day if leg weakness, numbness or bladder or bowel changes appear, and inform the oncology team." }];
      }
      return [{ therapy: "urgent-imaging", title: "Prompt work-up within days: bloods and imaging", detail: "ESR, CRP, FBC, calcium and plain radiographs within days; MRI if they are abnormal or suspicion remains. Same-day review if neurological symptoms appear." }];
    },
    evidence: [FRAMEWORK, WEAKER_MALIGNANCY, METASTASES],
  },
];

function patternRule(spec: PatternRule): Rule {
  const absent = `no ${spec.title.toLowerCase()} pattern among the red flags recorded`;
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title,
    cites: spec.pattern === "malignancy" ? ["finucane-2020-red-flags", "chou-2007-acp-aps", "nice-ng234"] : ["finucane-2020-red-flags", "chou-2007-acp-aps"],
    evaluate(facts, draft) {
      const finding = facts.redFlagFindings.find((p) => p.pattern === spec.pattern);
      if (!finding) return notFired(absent);
      draft.suspended = true;
      draft.alert({ code: spec.code, severity: "critical", summary: `${spec.summary}: ${URGENCY_TEXT[finding.urgency]}`, detail: `${spec.detail} Found: ${finding.because}.`, evidence: spec.evidence });
      spec.workup(facts, finding).forEach((item, index) => {
        draft.suggest(spec.id, index === 0 ? RANK.primary : RANK.workup, { therapy: item.therapy, step: "urgent-evaluation", title: item.title, detail: item.detail, evidence: spec.evidence });
      });
      return fired(`${finding.because}: ${URGENCY_TEXT[finding.urgency]}; the ladder is suspended until the work-up rules it out`);
    },
  };
}

export const RED_FLAG_PATTERN_RULES: Rule[] = PATTERNS.map(patternRule);

const WEAK_EVIDENCE = cite("finucane-2020-red-flags", "Most red flags in isolation have poor diagnostic accuracy; they prompt closer assessment rather than automatic imaging.");
const INFECTION_WATCH = cite("chou-2007-acp-aps", "Fever, intravenous drug use or a recent infection raise suspicion of spinal infection; ESR or CRP, and MRI when suspicion is high, are the work-up.");
const FRACTURE_WATCH = cite("chou-2007-acp-aps", "Older age, osteoporosis and corticosteroid use are risk factors for vertebral compression fracture; plain radiography is the first test.");

/** What to do about one kind of weak flag: the flags it covers, and the advice (given the flags found). */
type Watch = { pattern: RedFlagPattern; covers: readonly RedFlag[]; advice: (found: RedFlag[]) => string; evidence: EvidenceRef; withinDays?: true };

// Weak flags are weighed by what they might point to, so the advice is specific: fever is checked within days, not weeks.
const WATCHES: Watch[] = [
  {
    pattern: "infection",
    covers: ["fever"],
    advice: () => "Fever with back pain: check temperature, CRP, ESR, a full blood count and a urine sample within days, and assess the same day if the person is unwell or the pain is constant and severe (spinal infection can occur without a known risk factor).",
    evidence: INFECTION_WATCH,
    withinDays: true,
  },
  {
    pattern: "infection",
    covers: ["iv-drug-use", "immunosuppression", "recent-infection"],
    advice: (found) => {
      const risks = inWords(found.map((flag) => RED_FLAG_NAMES[flag]));
      return `${capitalized(risks)} raise${found.length === 1 ? "s" : ""} the risk of spinal infection: ask about fever, sweats and rigors; fever, or pain that is constant or worse at night, calls for same-day assessment.`;
    },
    evidence: INFECTION_WATCH,
  },
  {
    pattern: "fracture",
    covers: ["minor-trauma", "osteoporosis", "prolonged-corticosteroids"],
    advice: () => "A vertebral fracture can follow little or no trauma when bone is weak: sudden, severe midline pain or tenderness calls for a plain radiograph.",
    evidence: FRACTURE_WATCH,
  },
  {
    pattern: "malignancy",
    covers: ["night-pain", "unexplained-weight-loss"],
    advice: () => "Ask about cancer history, weight, appetite and general health; with constant pain unrelieved by rest, or weight loss without a cause, check ESR, CRP and a full blood count with a plain radiograph within 2 weeks, and MRI if they are abnormal or suspicion remains.",
    evidence: WEAKER_MALIGNANCY,
  },
];

export const WEAK_RED_FLAG_RULE: Rule = {
  id: "red-flag.weighed",
  version: 8,
  title: "Red flags weighed, not obeyed",
  cites: ["finucane-2020-red-flags", "chou-2007-acp-aps", "nice-ng234"],
  evaluate(facts, draft) {
    const flags = weakRedFlags(facts, facts.redFlagFindings, facts.recordedFlags);
    // Active cancer recorded as a condition (not ticked as a red flag) is known disease: watched, not a new suspicion.
    const activeCancer = facts.conditions.includes("active-cancer") && !facts.redFlagFindings.some((f) => f.pattern === "malignancy");
    // A flag read from the record, not ticked, is named as such, and the detail says where it was read from.
    const recorded = facts.recordedFlags.filter((r) => flags.includes(r.flag));
    const named = flags.map((flag) => (recorded.some((r) => r.flag === flag) ? `${RED_FLAG_NAMES[flag]} (from the record)` : RED_FLAG_NAMES[flag]));
    const weak: string[] = activeCancer ? [...named, "active cancer"] : named;
    if (!weak.length) return notFired("no red flag left unexplained by a serious pattern");
    const detail: string[] = [];
    let withinDays = false;
    const evidence: EvidenceRef[] = [WEAK_EVIDENCE];
    if (recorded.length) detail.push(`Not ticked, but in the record: ${recorded.map((r) => `${RED_FLAG_NAMES[r.flag]}, ${r.from}`).join("; ")}.`);
    if (flags.length) detail.push(`On its own ${flags.length === 1 ? "this finding is a weak predictor" : "each of these findings is a weak predictor"} of serious pathology and does not suspend the ladder.`);
    for (const watch of WATCHES) {
      // With active cancer known, the advice for it below covers what night pain or weight loss might mean.
      if (activeCancer && watch.pattern === "malignancy") continue;
      const found = flags.filter((flag) => watch.covers.includes(flag));
      if (!found.length) continue;
      detail.push(watch.advice(found));
      if (watch.withinDays) withinDays = true;
      if (!evidence.includes(watch.evidence)) evidence.push(watch.evidence);
    }
    if (flags.length) detail.push(`Re-examine, ask about other flags, and review ${withinDays ? "when the tests are back" : "within 2-4 weeks"}, sooner if anything changes.`);
    if (activeCancer) {
      detail.push("With active cancer, back pain can come from spinal metastases: if this pain is new, changing or not explained by known disease, arrange MRI within a week, and the same day with any neurological symptoms.");
      evidence.push(METASTASES);
    }
    draft.alert({ code: "red-flag-watch", severity: "warning", summary: `Red flag to watch: ${weak.join(", ")}`, detail: detail.join(" "), evidence });
    return fired(`${weak.join(", ")} weighed on its own: watch and reassess, ladder not suspended`);
  },
};
