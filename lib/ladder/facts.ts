import type { Assessment, Medication } from "./assessment-schema";
import { assessTrials, type TrialAssessment } from "./adequacy";
import { computeMme, type MmeResult } from "./mme";
import { reconcileOrders } from "./reconcile-orders";
import type { Classification } from "./recommendation";
import { scoreOdi, scorePeg, scoreStartBack, scoreTwoItemScreen } from "./scores";
import { classifyTbc } from "./tbc";
import { drugClass, type Condition, type DrugClass, type DrugId, type RedFlag, type TherapyId } from "./vocabulary";
import { conservativeStatus, pharmacologicStatus, type ConservativeStatus, type PharmStatus } from "./ladder-status";
import { duloxetineContraindications, gabapentinoidCautions, nsaidContraindications, type Contraindication } from "./medication-safety";
import { redFlagPatterns, type PatternFinding } from "./red-flags";

/** What is read straight off the Assessment. */
export type BaseFacts = {
  assessment: Assessment;
  classification: Classification;
  chronic: boolean;
  redFlags: ReadonlySet<RedFlag>;
  conditions: ReadonlySet<Condition>;
  /** The medication list after this visit's orders: every rule judges this list (contract 1.1). */
  medications: readonly Medication[];
  /** Medicines this visit's orders add (renewals excluded): what is being considered now. */
  addedMedications: readonly Medication[];
  /** One line per order saying what it did to the list. */
  orderNotes: readonly string[];
  /** Opioids taken for pain; medication for opioid use disorder is never among them. */
  opioidMeds: Medication[];
  /** Buprenorphine or methadone taken for opioid use disorder. */
  moudMeds: Medication[];
  benzodiazepineMeds: Medication[];
  nsaidMeds: Medication[];
  /** An opioid for pain: a medication, or opioid or tramadol therapy recorded as current. */
  onOpioid: boolean;
  onMoud: boolean;
  onBenzodiazepine: boolean;
  onNsaid: boolean;
  /** No opioid of any kind, for any reason, before this visit's orders. */
  opioidNaive: boolean;
  /** Weeks of the current opioid course, when recorded. */
  opioidCourseWeeks: number | null;
  /** Opioids with serotonergic activity taken (tramadol, tapentadol, methadone). */
  serotonergicOpioids: DrugId[];
  /** Antidepressants with serotonergic activity taken (SSRIs, SNRIs, tricyclics). */
  serotonergicAntidepressants: DrugId[];
  /** Sedating drugs other than benzodiazepines that add to an opioid's respiratory depression, by class. */
  sedatingDrugs: { drugClass: "gabapentinoid" | "muscle-relaxant" | "sedative-hypnotic"; label: string }[];
  /** Therapies recorded as current, and drug classes on the list (opioid only for pain). */
  currentTherapies: ReadonlySet<TherapyId>;
  recordedTherapies: ReadonlySet<TherapyId>;
  classesTaken: ReadonlySet<DrugClass>;
  classesAdded: ReadonlySet<DrugClass>;
  mme: MmeResult;
  trials: ReadonlyMap<TherapyId, TrialAssessment>;
  /** Covered PT visits left this year, or null when visits used were not given. */
  ptVisitsLeft: number | null;
};

/** Everything the rules reason from: read off the Assessment once, with each derived fact computed on first use. */
export type Facts = EvaluationFacts;

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
    gabapentinoidCautions?: Contraindication[];
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

  get gabapentinoidCautions(): Contraindication[] {
    return (this.cache.gabapentinoidCautions ??= gabapentinoidCautions(this));
  }

  get conservative(): ConservativeStatus {
    return (this.cache.conservative ??= conservativeStatus(this));
  }

  get pharmacologic(): PharmStatus {
    return (this.cache.pharmacologic ??= pharmacologicStatus(this, { nsaid: this.nsaidContraindications, duloxetine: this.duloxetineContraindications }));
  }

  /** Why CDC 2022's guidance for opioids in chronic pain does not apply, or null when it does. */
  get opioidGuidanceExclusion(): string | null {
    const excluded = (["active-cancer", "palliative-care", "sickle-cell-disease"] as const).filter((c) => this.conditions.has(c));
    if (excluded.length) return `${excluded.join(", ")}: outside the scope of CDC 2022 and NICE NG59 guidance for chronic back pain`;
    if (this.redFlagFindings.length) return "the ladder is suspended for red-flag work-up: chronic back pain opioid advice waits for its result";
    return null;
  }

  /** Whether the patient takes a therapy now: recorded as current, or a medicine of its class on the list. */
  takes(therapy: TherapyId): boolean {
    if (this.currentTherapies.has(therapy)) return true;
    const drugClassOf = THERAPY_CLASS[therapy];
    return drugClassOf !== undefined && this.classesTaken.has(drugClassOf);
  }

  /** Whether this visit's orders add a medicine of the therapy's class. */
  considers(therapy: TherapyId): boolean {
    const drugClassOf = THERAPY_CLASS[therapy];
    return drugClassOf !== undefined && this.classesAdded.has(drugClassOf);
  }
}

const THERAPY_CLASS: Partial<Record<TherapyId, DrugClass>> = {
  nsaid: "nsaid",
  acetaminophen: "acetaminophen",
  "muscle-relaxant": "muscle-relaxant",
  gabapentinoid: "gabapentinoid",
  tricyclic: "tricyclic",
  benzodiazepine: "benzodiazepine",
  opioid: "opioid",
  "oral-corticosteroid": "corticosteroid",
};

const SEROTONERGIC_OPIOIDS: ReadonlySet<DrugId> = new Set(["tramadol", "tapentadol", "methadone"]);
const SEDATING_LABEL = { gabapentinoid: "a gabapentinoid", "muscle-relaxant": "a muscle relaxant", "sedative-hypnotic": "a sleeping pill" } as const;

function readFacts(assessment: Assessment): BaseFacts {
  const { pain, screening, treatments } = assessment;
  const reconciled = assessment.orders.length ? reconcileOrders(assessment.medications, assessment.orders) : null;
  const medications = reconciled ? reconciled.medications : assessment.medications;

  const currentTherapies = new Set<TherapyId>();
  const recordedTherapies = new Set<TherapyId>();
  let opioidCourseWeeks: number | null = null;
  for (const t of treatments) {
    recordedTherapies.add(t.therapy);
    if (t.status !== "current") continue;
    currentTherapies.add(t.therapy);
    if ((t.therapy === "opioid" || t.therapy === "tramadol") && t.weeks !== undefined) opioidCourseWeeks = Math.max(opioidCourseWeeks ?? 0, t.weeks);
  }

  const opioidMeds: Medication[] = [];
  const moudMeds: Medication[] = [];
  const benzodiazepineMeds: Medication[] = [];
  const nsaidMeds: Medication[] = [];
  const serotonergicOpioids: DrugId[] = [];
  const serotonergicAntidepressants: DrugId[] = [];
  const sedatingDrugs: BaseFacts["sedatingDrugs"] = [];
  const classesTaken = new Set<DrugClass>();
  for (const m of medications) {
    const cls = drugClass(m.drug);
    if (cls === "opioid") {
      if (m.indication === "opioid-use-disorder") moudMeds.push(m);
      else {
        opioidMeds.push(m);
        classesTaken.add(cls);
      }
      if (SEROTONERGIC_OPIOIDS.has(m.drug)) serotonergicOpioids.push(m.drug);
      continue;
    }
    classesTaken.add(cls);
    if (cls === "benzodiazepine") benzodiazepineMeds.push(m);
    else if (cls === "nsaid") nsaidMeds.push(m);
    else if (cls === "ssri" || cls === "snri" || cls === "tricyclic") serotonergicAntidepressants.push(m.drug);
    else if (cls === "gabapentinoid" || cls === "muscle-relaxant" || cls === "sedative-hypnotic") sedatingDrugs.push({ drugClass: cls, label: m.drug });
  }
  const opioidTherapyCurrent = currentTherapies.has("opioid") || currentTherapies.has("tramadol");
  if (currentTherapies.has("tramadol") && !serotonergicOpioids.includes("tramadol")) serotonergicOpioids.push("tramadol");
  if (currentTherapies.has("duloxetine") && !serotonergicAntidepressants.includes("duloxetine")) serotonergicAntidepressants.push("duloxetine");
  if (currentTherapies.has("tricyclic") && !classesTaken.has("tricyclic")) serotonergicAntidepressants.push("amitriptyline");
  for (const cls of ["gabapentinoid", "muscle-relaxant"] as const) {
    if (currentTherapies.has(cls) && !classesTaken.has(cls)) sedatingDrugs.push({ drugClass: cls, label: SEDATING_LABEL[cls] });
  }

  const classesAdded = new Set<DrugClass>();
  for (const m of reconciled?.added ?? []) if (m.indication !== "opioid-use-disorder") classesAdded.add(drugClass(m.drug));

  // Radicular: signs of nerve-root involvement; leg pain below the knee counts when the signs were not recorded either way.
  const radicular = pain.radicular ?? pain.distribution === "below-knee";
  const chronicity = pain.durationWeeks > 12 ? "chronic" : pain.durationWeeks >= 4 ? "subacute" : "acute";
  const odiPercent = screening.odi ? scoreOdi(screening.odi) : null;
  const classification: Classification = {
    chronicity,
    radicular,
    ...(screening.startBack ? { startBack: scoreStartBack(screening.startBack) } : {}),
    ...(screening.peg ? { peg: scorePeg(screening.peg) } : {}),
    ...(odiPercent !== null ? { odiPercent } : {}),
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
    medications,
    addedMedications: reconciled?.added ?? [],
    orderNotes: reconciled?.notes ?? [],
    opioidMeds,
    moudMeds,
    benzodiazepineMeds,
    nsaidMeds,
    onOpioid: opioidMeds.length > 0 || opioidTherapyCurrent,
    onMoud: moudMeds.length > 0,
    onBenzodiazepine: benzodiazepineMeds.length > 0 || currentTherapies.has("benzodiazepine"),
    onNsaid: nsaidMeds.length > 0 || currentTherapies.has("nsaid"),
    opioidNaive: !opioidTherapyCurrent && !assessment.medications.some((m) => drugClass(m.drug) === "opioid"),
    opioidCourseWeeks,
    serotonergicOpioids,
    serotonergicAntidepressants,
    sedatingDrugs,
    currentTherapies,
    recordedTherapies,
    classesTaken,
    classesAdded,
    mme: computeMme(assessment.medications, medications, opioidTherapyCurrent),
    trials: assessTrials(treatments, pain.intensity),
    ptVisitsLeft: used === undefined ? null : Math.max(0, assessment.coverage.ptVisitLimit - used),
  };
}
