import type { Assessment, Medication } from "./assessment-schema";
import { assessTrials, type TrialAssessment } from "./adequacy";
import { computeMme, type MmeResult } from "./mme";
import type { Classification } from "./recommendation";
import { scoreOdi, scorePeg, scoreStartBack, scoreTwoItemScreen } from "./scores";
import { classifyTbc } from "./tbc";
import { drugClass, type Condition, type RedFlag, type TherapyId } from "./vocabulary";
import { conservativeStatus, pharmacologicStatus, type ConservativeStatus, type PharmStatus } from "./ladder-status";
import { duloxetineContraindications, nsaidContraindications, type Contraindication } from "./medication-safety";
import { redFlagPatterns, type PatternFinding } from "./red-flags";

/** What is read straight off the Assessment. */
export type BaseFacts = {
  assessment: Assessment;
  classification: Classification;
  chronic: boolean;
  redFlags: ReadonlySet<RedFlag>;
  conditions: ReadonlySet<Condition>;
  opioidMeds: Medication[];
  benzodiazepineMeds: Medication[];
  nsaidMeds: Medication[];
  onOpioid: boolean;
  onBenzodiazepine: boolean;
  onNsaid: boolean;
  mme: MmeResult;
  trials: ReadonlyMap<TherapyId, TrialAssessment>;
  /** Covered PT visits left this year, or null when visits used were not given. */
  ptVisitsLeft: number | null;
};

/** Everything the rules reason from: read off the Assessment once, with each derived fact computed on first use. */
export type Facts = EvaluationFacts;

const isCurrent = (assessment: Assessment, therapy: TherapyId) => assessment.treatments.some((t) => t.therapy === therapy && t.status === "current");

export function deriveFacts(assessment: Assessment): Facts {
  return new EvaluationFacts(readFacts(assessment));
}

// The base facts are copied onto the instance; the interface tells TypeScript they are there.
interface EvaluationFacts extends BaseFacts {}

class EvaluationFacts {
  private cache: {
    redFlagFindings?: PatternFinding[];
    nsaidContraindications?: Contraindication[];
    duloxetineContraindications?: Contraindication[];
    conservative?: ConservativeStatus;
    pharmacologic?: PharmStatus;
  } = {};

  constructor(base: BaseFacts) {
    Object.assign(this, base);
  }

  get redFlagFindings(): PatternFinding[] {
    return (this.cache.redFlagFindings ??= redFlagPatterns(this));
  }

  get nsaidContraindications(): Contraindication[] {
    return (this.cache.nsaidContraindications ??= nsaidContraindications(this));
  }

  get duloxetineContraindications(): Contraindication[] {
    return (this.cache.duloxetineContraindications ??= duloxetineContraindications(this));
  }

  get conservative(): ConservativeStatus {
    return (this.cache.conservative ??= conservativeStatus(this));
  }

  get pharmacologic(): PharmStatus {
    return (this.cache.pharmacologic ??= pharmacologicStatus(this, { nsaid: this.nsaidContraindications, duloxetine: this.duloxetineContraindications }));
  }
}

function readFacts(assessment: Assessment): BaseFacts {
  const { pain, screening, medications } = assessment;
  const opioidMeds = medications.filter((m) => drugClass(m.drug) === "opioid");
  const benzodiazepineMeds = medications.filter((m) => drugClass(m.drug) === "benzodiazepine");
  const nsaidMeds = medications.filter((m) => drugClass(m.drug) === "nsaid");
  const opioidTherapyCurrent = isCurrent(assessment, "opioid") || isCurrent(assessment, "tramadol");
  const onOpioid = opioidMeds.length > 0 || opioidTherapyCurrent;
  // Radicular: signs of nerve-root involvement; leg pain below the knee counts when the signs were not recorded either way.
  const radicular = pain.radicular ?? pain.distribution === "below-knee";
  const chronicity = pain.durationWeeks > 12 ? "chronic" : pain.durationWeeks >= 4 ? "subacute" : "acute";
  const classification: Classification = {
    chronicity,
    radicular,
    ...(screening.startBack ? { startBack: scoreStartBack(screening.startBack) } : {}),
    ...(screening.peg ? { peg: scorePeg(screening.peg) } : {}),
    ...(screening.odi && scoreOdi(screening.odi) !== null ? { odiPercent: scoreOdi(screening.odi) as number } : {}),
    ...(screening.phq2 ? { phq2: scoreTwoItemScreen(screening.phq2) } : {}),
    ...(screening.gad2 ? { gad2: scoreTwoItemScreen(screening.gad2) } : {}),
    tbcSubgroup: classifyTbc(pain, radicular),
  };
  const used = assessment.coverage.ptVisitsUsedThisYear;
  return {
    assessment,
    classification,
    chronic: chronicity === "chronic",
    redFlags: new Set(assessment.redFlags),
    conditions: new Set(assessment.conditions),
    opioidMeds,
    benzodiazepineMeds,
    nsaidMeds,
    onOpioid,
    onBenzodiazepine: benzodiazepineMeds.length > 0 || isCurrent(assessment, "benzodiazepine"),
    onNsaid: nsaidMeds.length > 0 || isCurrent(assessment, "nsaid"),
    mme: computeMme(medications, opioidTherapyCurrent && opioidMeds.length === 0),
    trials: assessTrials(assessment.treatments, pain.intensity),
    ptVisitsLeft: used === undefined ? null : Math.max(0, assessment.coverage.ptVisitLimit - used),
  };
}
