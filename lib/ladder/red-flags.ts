import type { BaseFacts } from "./facts";
import type { RedFlag } from "./vocabulary";
import { count, inWords } from "./wording";

// Which red-flag findings, alone or together, point to serious pathology (Finucane 2020; Chou 2007). Strong
// patterns suspend the ladder; any flag left over is weighed and shown, not obeyed blindly. Each pattern carries how
// soon it must be seen: the same day for cauda equina, infection, a progressing deficit, major trauma or cancer with
// neurological signs; within days for the weaker combinations (NICE NG234 and ACP/APS 2007 time frames).

export const FRACTURE_AGE = 65;
/** Age at which older age alone counts among the fracture risks that, together, matter without any trauma (Henschke 2009). */
export const FRAGILITY_AGE = 70;
export const MALIGNANCY_AGE = 50;
/** Three months of oral corticosteroids is prolonged exposure (bone loss and fracture risk begin within months). */
export const PROLONGED_STEROID_WEEKS = 12;

export type RedFlagPattern = "cauda-equina" | "infection" | "neurological-deficit" | "fracture" | "malignancy";
export type Urgency = "emergency" | "urgent";

export type PatternFinding = { pattern: RedFlagPattern; flags: string[]; urgency: Urgency; because: string };

export type SteroidExposure = { prolonged: boolean; because: string | null };

const NO_STEROIDS: SteroidExposure = { prolonged: false, because: null };

/**
 * Prolonged corticosteroid exposure read from the whole record: the red flag, a corticosteroid course of 12 weeks or
 * more, or prednisone taken now. Prednisone whose course length is not recorded counts, and the reason says so: a
 * missed fracture costs far more than a radiograph.
 */
export function steroidExposure(facts: BaseFacts): SteroidExposure {
  if (facts.redFlags.includes("prolonged-corticosteroids")) return { prolonged: true, because: "prolonged corticosteroid use" };
  if (!facts.recordedTherapies.includes("oral-corticosteroid") && !facts.classesTaken.includes("corticosteroid")) return NO_STEROIDS;
  const courses = facts.assessment.treatments.filter((t) => t.therapy === "oral-corticosteroid");
  const long = courses.find((t) => t.weeks !== undefined && t.weeks >= PROLONGED_STEROID_WEEKS);
  if (long) return { prolonged: true, because: `oral corticosteroid for ${long.weeks} weeks` };
  if (!facts.medications.some((m) => m.drug === "prednisone")) return NO_STEROIDS;
  const currentWeeks = courses.find((t) => t.status === "current" && t.weeks !== undefined)?.weeks;
  if (currentWeeks !== undefined) return { prolonged: false, because: `prednisone for ${count(currentWeeks, "week")} (under ${PROLONGED_STEROID_WEEKS})` };
  return { prolonged: true, because: "prednisone taken now (how long not recorded, so counted as prolonged)" };
}

/** Each red flag as a clinician says it, for the texts that name them. */
export const RED_FLAG_NAMES: Record<RedFlag, string> = {
  "saddle-anesthesia": "saddle anesthesia",
  "urinary-retention": "urinary retention",
  "fecal-incontinence": "fecal incontinence",
  "bilateral-leg-weakness": "weakness in both legs",
  "progressive-neurological-deficit": "progressive neurological deficit",
  "cancer-history": "history of cancer",
  "unexplained-weight-loss": "unexplained weight loss",
  "night-pain": "night pain",
  fever: "fever",
  "iv-drug-use": "injection drug use",
  immunosuppression: "immunosuppression",
  "recent-infection": "recent infection",
  "major-trauma": "major trauma",
  "minor-trauma": "minor trauma",
  osteoporosis: "osteoporosis",
  "prolonged-corticosteroids": "prolonged corticosteroid use",
};
const namesOf = (flags: readonly RedFlag[]) => inWords(flags.map((flag) => RED_FLAG_NAMES[flag]));

export function redFlagPatterns(facts: BaseFacts): PatternFinding[] {
  const flags = facts.redFlags;
  const age = facts.assessment.patient.ageYears;
  const osteoporosis = flags.includes("osteoporosis") || facts.conditions.includes("osteoporosis");
  // Without a ticked flag only the record can show a pattern: osteoporosis and corticosteroids, for a fragility fracture.
  if (!flags.length && !osteoporosis && !facts.recordedTherapies.includes("oral-corticosteroid") && !facts.classesTaken.includes("corticosteroid")) return [];
  const steroids = steroidExposure(facts);
  const found: PatternFinding[] = [];

  const cauda = (["saddle-anesthesia", "urinary-retention", "fecal-incontinence", "bilateral-leg-weakness"] as const).filter((flag) => flags.includes(flag));
  if (cauda.length) found.push({ pattern: "cauda-equina", flags: cauda, urgency: "emergency", because: `${namesOf(cauda)}: signs of cauda equina compression` });

  const infectionRiskFlags = (["iv-drug-use", "immunosuppression", "recent-infection"] as const).filter((flag) => flags.includes(flag));
  const infectionRisk = infectionRiskFlags.map((flag) => RED_FLAG_NAMES[flag]);
  const infectionFlags: RedFlag[] = ["fever", ...infectionRiskFlags];
  if (!flags.includes("immunosuppression") && steroids.prolonged) {
    infectionRisk.push(`immunosuppression (${steroids.because})`);
    if (flags.includes("prolonged-corticosteroids")) infectionFlags.push("prolonged-corticosteroids");
  }
  if (flags.includes("fever") && infectionRisk.length) {
    found.push({ pattern: "infection", flags: infectionFlags, urgency: "emergency", because: `fever with ${inWords(infectionRisk)}: possible spinal infection` });
  }

  if (flags.includes("progressive-neurological-deficit")) {
    found.push({ pattern: "neurological-deficit", flags: ["progressive-neurological-deficit"], urgency: "emergency", because: "a progressive neurological deficit" });
  }

  if (flags.includes("major-trauma")) found.push({ pattern: "fracture", flags: ["major-trauma"], urgency: "emergency", because: "major trauma: possible fracture" });
  else if (flags.includes("minor-trauma")) {
    const risks = [osteoporosis ? "osteoporosis" : null, steroids.prolonged ? steroids.because : null, age >= FRACTURE_AGE ? `age ${age}` : null].filter((r): r is string => r !== null);
    const fractureFlags = ["minor-trauma", ...(["osteoporosis", "prolonged-corticosteroids"] as const).filter((flag) => flags.includes(flag))];
    if (risks.length) found.push({ pattern: "fracture", flags: fractureFlags, urgency: "urgent", because: `minor trauma with ${inWords(risks)}: possible fragility fracture` });
  } else if (facts.assessment.pain.durationWeeks <= 12) {
    // Osteoporotic vertebrae can collapse without any trauma: new back pain with two of these risks is a possible
    // fracture (Henschke 2009: each alone is weak, together they are not); pain present for months is not new.
    const risks = [osteoporosis ? "osteoporosis" : null, steroids.prolonged ? steroids.because : null, age >= FRAGILITY_AGE ? `age ${age}` : null].filter((r): r is string => r !== null);
    const fractureFlags = (["osteoporosis", "prolonged-corticosteroids"] as const).filter((flag) => flags.includes(flag));
    if (risks.length >= 2) found.push({ pattern: "fracture", flags: fractureFlags, urgency: "urgent", because: `new back pain without trauma, with ${inWords(risks)}: possible fragility fracture` });
  }

  const neurological = cauda.length > 0 || flags.includes("progressive-neurological-deficit");
  if (flags.includes("cancer-history")) {
    const extra = (["unexplained-weight-loss", "night-pain"] as const).filter((flag) => flags.includes(flag));
    found.push({
      pattern: "malignancy",
      flags: ["cancer-history", ...extra],
      urgency: neurological ? "emergency" : "urgent",
      because: `history of cancer${extra.length ? ` with ${namesOf(extra)}` : ""}: the strongest single flag for spinal malignancy${neurological ? ", with neurological signs (possible spinal cord compression)" : ""}`,
    });
  } else if (flags.includes("unexplained-weight-loss") && (flags.includes("night-pain") || age >= MALIGNANCY_AGE)) {
    const withWhat = flags.includes("night-pain") ? "night pain" : `age ${age}`;
    found.push({
      pattern: "malignancy",
      flags: ["unexplained-weight-loss", ...(flags.includes("night-pain") ? ["night-pain"] : [])],
      urgency: neurological ? "emergency" : "urgent",
      because: `unexplained weight loss with ${withWhat}, no cancer history: a weaker combination that needs prompt work-up`,
    });
  }
  return found;
}

export type RecordedFlag = { flag: RedFlag; from: string; weighedBy: readonly RedFlagPattern[] };

/**
 * Red flags the record shows though nobody ticked them: osteoporosis recorded as a condition, and prolonged
 * corticosteroid exposure read from the treatments and medications. Each names the patterns that already weigh it.
 */
export function recordedFlags(facts: BaseFacts): RecordedFlag[] {
  const found: RecordedFlag[] = [];
  if (!facts.redFlags.includes("osteoporosis") && facts.conditions.includes("osteoporosis")) found.push({ flag: "osteoporosis", from: "recorded as a condition", weighedBy: ["fracture"] });
  if (!facts.redFlags.includes("prolonged-corticosteroids")) {
    const steroids = steroidExposure(facts);
    if (steroids.prolonged) found.push({ flag: "prolonged-corticosteroids", from: steroids.because ?? "", weighedBy: ["fracture", "infection"] });
  }
  return found;
}

/** Flags present, ticked or read from the record, that no strong pattern accounts for: weighed, not obeyed. */
export function weakRedFlags(facts: BaseFacts, patterns: PatternFinding[], recorded: readonly RecordedFlag[]): RedFlag[] {
  const weak = facts.redFlags.filter((flag) => !patterns.some((p) => p.flags.includes(flag)));
  for (const r of recorded) if (!patterns.some((p) => r.weighedBy.includes(p.pattern))) weak.push(r.flag);
  return weak;
}
