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
import { recordedFlags, redFlagPatterns, type PatternFinding, type RecordedFlag } from "./red-flags";
import { inWords } from "./wording";

/** Everything the rules reason from: read off the Assessment once, with each derived fact computed on first use. */
export type Facts = EvaluationFacts;

/** The facts read straight off the Assessment, before anything is derived from them. */
export type BaseFacts = Omit<Facts, "redFlagFindings" | "recordedFlags" | "nsaidContraindications" | "duloxetineContraindications" | "gabapentinoidCautions" | "conservative" | "pharmacologic" | "opioidGuidanceExclusion">;

export function deriveFacts(assessment: Assessment): Facts {
  return new EvaluationFacts(assessment);
}

const OUTSIDE_SCOPE = ["active-cancer", "palliative-care", "sickle-cell-disease"] as const;
const OUTSIDE_SCOPE_NAMES: Record<(typeof OUTSIDE_SCOPE)[number], string> = { "active-cancer": "active cancer", "palliative-care": "palliative care", "sickle-cell-disease": "sickle cell disease" };

type Scored = "startBack" | "peg" | "odiPercent" | "phq2" | "gad2";
type Classified = Omit<Classification, Scored> & { [K in Scored]: Classification[K] | undefined };

const SEROTONERGIC_OPIOIDS: ReadonlySet<DrugId> = new Set(["tramadol", "tapentadol", "methadone"]);
const SEDATING_LABEL = { gabapentinoid: "a gabapentinoid", "muscle-relaxant": "a muscle relaxant", "sedative-hypnotic": "a sleeping pill" } as const;
type SedatingDrug = { drugClass: keyof typeof SEDATING_LABEL; label: string };

// Fields are assigned once, in a fixed order, in the constructor: the engine runs on every keystroke, and a
// fixed-shape object is much cheaper to build and read than one assembled by copying.
class EvaluationFacts {
  readonly assessment: Assessment;
  /**
   * Every field present, in the contract's order, undefined when not scored: one shape however many scores were
   * given, which V8 builds and reads much faster than one shape per combination. JSON drops the undefined fields, so
   * the Recommendation as stored, signed and sent carries only the scores given, as the contract has it.
   */
  readonly classification: Classified;
  readonly chronic: boolean;
  readonly redFlags: readonly RedFlag[];
  readonly conditions: readonly Condition[];
  /** The medication list after this visit's orders: every rule judges this list (contract 1.1). */
  readonly medications: readonly Medication[];
  /** Medicines this visit's orders add (renewals excluded): what is being considered now. */
  readonly addedMedications: readonly Medication[];
  /** One line per order saying what it did to the list. */
  readonly orderNotes: readonly string[];
  /** Current medicines a stop order at this visit takes off the list, as they were taken. */
  readonly stoppedMedications: readonly Medication[];
  /** Current medicines this visit's orders give a new sig (changes and renewals): as taken, and as ordered. */
  readonly changedMedications: readonly { before: Medication; after: Medication }[];
  /** Opioids for pain that a stop order at this visit takes off the list, as they were taken. */
  readonly stoppedOpioids: Medication[] = [];
  /** Medication for opioid use disorder that a stop order at this visit takes off the list. */
  readonly stoppedMoud: Medication[] = [];
  /** Opioids taken for pain; medication for opioid use disorder is never among them. */
  readonly opioidMeds: Medication[] = [];
  /** Buprenorphine or methadone taken for opioid use disorder. */
  readonly moudMeds: Medication[] = [];
  readonly benzodiazepineMeds: Medication[] = [];
  readonly nsaidMeds: Medication[] = [];
  /** Opioids with serotonergic activity taken (tramadol, tapentadol, methadone). */
  readonly serotonergicOpioids: DrugId[] = [];
  /** Antidepressants with serotonergic activity taken (SSRIs, SNRIs, tricyclics). */
  readonly serotonergicAntidepressants: DrugId[] = [];
  /** Sedating drugs other than benzodiazepines that add to an opioid's respiratory depression. */
  readonly sedatingDrugs: SedatingDrug[] = [];
  // Therapies recorded as current or at all, and drug classes on the list (opioid only for pain), as small lists
  // read with includes: cheaper to build than sets for the handful of entries an assessment has.
  readonly currentTherapies: TherapyId[] = [];
  readonly recordedTherapies: TherapyId[] = [];
  readonly classesTaken: DrugClass[] = [];
  readonly classesAdded: DrugClass[] = [];
  private byClass: Map<DrugClass, DrugId[]> | undefined;
  /** An opioid for pain: a medication, or opioid or tramadol therapy recorded as current. */
  readonly onOpioid: boolean;
  readonly onMoud: boolean;
  readonly onBenzodiazepine: boolean;
  readonly onNsaid: boolean;
  /** Cancer, palliative or sickle cell pain: outside the scope of chronic back pain guidance (CDC 2022, NICE NG59). */
  readonly painOutsideScope: boolean;
  /** No opioid of any kind, for any reason, before this visit's orders. */
  readonly opioidNaive: boolean;
  /** An opioid for pain ordered at this visit for someone who took no opioid before it: nothing to taper, an order to weigh. */
  readonly opioidStartedAtVisit: boolean;
  /** Weeks of the current opioid course, when recorded. */
  readonly opioidCourseWeeks: number | null = null;
  readonly mme: MmeResult;
  readonly trials: ReadonlyMap<TherapyId, TrialAssessment>;
  /** Covered PT visits left this year, or null when visits used were not given. */
  readonly ptVisitsLeft: number | null;
  // Every key present from the start, so the cache keeps one shape whichever facts a rule asks for first.
  private readonly cache: {
    redFlagFindings: PatternFinding[] | undefined;
    recordedFlags: RecordedFlag[] | undefined;
    nsaidContraindications: Contraindication[] | undefined;
    duloxetineContraindications: Contraindication[] | undefined;
    gabapentinoidCautions: Contraindication[] | undefined;
    conservative: ConservativeStatus | undefined;
    pharmacologic: PharmStatus | undefined;
  } = { redFlagFindings: undefined, recordedFlags: undefined, nsaidContraindications: undefined, duloxetineContraindications: undefined, gabapentinoidCautions: undefined, conservative: undefined, pharmacologic: undefined };

  constructor(assessment: Assessment) {
    const { pain, screening, treatments } = assessment;
    this.assessment = assessment;
    const reconciled = assessment.orders.length ? reconcileOrders(assessment.medications, assessment.orders) : null;
    this.medications = reconciled ? reconciled.medications : assessment.medications;
    this.addedMedications = reconciled ? reconciled.added : [];
    this.orderNotes = reconciled ? reconciled.notes : [];
    this.stoppedMedications = reconciled ? reconciled.stopped : [];
    this.changedMedications = reconciled ? reconciled.changed : [];
    for (const m of this.stoppedMedications) {
      if (drugClass(m.drug) === "opioid") (m.indication === "opioid-use-disorder" ? this.stoppedMoud : this.stoppedOpioids).push(m);
    }

    for (const t of treatments) {
      this.recordedTherapies.push(t.therapy);
      if (t.status !== "current") continue;
      this.currentTherapies.push(t.therapy);
      if ((t.therapy === "opioid" || t.therapy === "tramadol") && t.weeks !== undefined) this.opioidCourseWeeks = Math.max(this.opioidCourseWeeks ?? 0, t.weeks);
    }
    for (const m of this.medications) this.readMedication(m);
    const current = this.currentTherapies;
    const opioidTherapyRecorded = current.includes("opioid") || current.includes("tramadol");
    // The opioid course the treatments record as current is the one whose sig the list gives: a stop order for a pain
    // opioid at this visit ends it, so after the orders it is neither an opioid taken nor a dose left uncounted.
    const opioidTherapyCurrent = opioidTherapyRecorded && !this.stoppedOpioids.length;
    if (current.includes("tramadol") && opioidTherapyCurrent && !this.serotonergicOpioids.includes("tramadol")) this.serotonergicOpioids.push("tramadol");
    if (current.includes("duloxetine") && !this.serotonergicAntidepressants.includes("duloxetine")) this.serotonergicAntidepressants.push("duloxetine");
    if (current.includes("tricyclic") && !this.classesTaken.includes("tricyclic")) this.serotonergicAntidepressants.push("amitriptyline");
    for (const cls of ["gabapentinoid", "muscle-relaxant"] as const) {
      if (current.includes(cls) && !this.classesTaken.includes(cls)) this.sedatingDrugs.push({ drugClass: cls, label: SEDATING_LABEL[cls] });
    }
    for (const m of this.addedMedications) if (m.indication !== "opioid-use-disorder") this.classesAdded.push(drugClass(m.drug));

    this.onOpioid = this.opioidMeds.length > 0 || opioidTherapyCurrent;
    this.onMoud = this.moudMeds.length > 0;
    this.onBenzodiazepine = this.benzodiazepineMeds.length > 0 || current.includes("benzodiazepine");
    this.onNsaid = this.nsaidMeds.length > 0 || current.includes("nsaid");
    this.opioidNaive = !opioidTherapyRecorded && !assessment.medications.some((m) => drugClass(m.drug) === "opioid");
    this.opioidStartedAtVisit = this.opioidNaive && this.classesAdded.includes("opioid");
    this.mme = computeMme(assessment.medications, this.medications, { before: opioidTherapyRecorded, after: opioidTherapyCurrent });

    // Radicular: signs of nerve-root involvement; leg pain below the knee counts when the signs were not recorded either way.
    const radicular = pain.radicular ?? pain.distribution === "below-knee";
    const chronicity = pain.durationWeeks > 12 ? "chronic" : pain.durationWeeks >= 4 ? "subacute" : "acute";
    this.classification = {
      chronicity,
      radicular,
      startBack: screening.startBack ? scoreStartBack(screening.startBack) : undefined,
      peg: screening.peg ? scorePeg(screening.peg) : undefined,
      odiPercent: (screening.odi ? scoreOdi(screening.odi) : null) ?? undefined,
      phq2: screening.phq2 ? scoreTwoItemScreen(screening.phq2) : undefined,
      gad2: screening.gad2 ? scoreTwoItemScreen(screening.gad2) : undefined,
      tbcSubgroup: classifyTbc(pain, radicular),
    };
    this.chronic = chronicity === "chronic";
    // A flag listed twice is one finding, named once.
    this.redFlags = assessment.redFlags.length > 1 ? [...new Set(assessment.redFlags)] : assessment.redFlags;
    this.conditions = assessment.conditions;
    this.painOutsideScope = OUTSIDE_SCOPE.some((c) => this.conditions.includes(c));
    this.trials = assessTrials(treatments, pain.intensity, assessment.settings.adherenceThresholdPercent);
    const used = assessment.coverage.ptVisitsUsedThisYear;
    this.ptVisitsLeft = used === undefined ? null : Math.max(0, assessment.coverage.ptVisitLimit - used);
  }

  /** The drugs of a class on the list (medication for opioid use disorder left out), for texts that name them. */
  drugsOf(cls: DrugClass): readonly DrugId[] | undefined {
    return this.byClass?.get(cls);
  }

  private takesDrugOf(cls: DrugClass, drug: DrugId): void {
    this.classesTaken.push(cls);
    this.byClass ??= new Map();
    const drugs = this.byClass.get(cls);
    if (drugs) drugs.push(drug);
    else this.byClass.set(cls, [drug]);
  }

  private readMedication(m: Medication): void {
    const cls = drugClass(m.drug);
    if (cls === "opioid") {
      if (m.indication === "opioid-use-disorder") this.moudMeds.push(m);
      else {
        this.opioidMeds.push(m);
        this.takesDrugOf(cls, m.drug);
      }
      if (SEROTONERGIC_OPIOIDS.has(m.drug)) this.serotonergicOpioids.push(m.drug);
      return;
    }
    this.takesDrugOf(cls, m.drug);
    if (cls === "benzodiazepine") this.benzodiazepineMeds.push(m);
    else if (cls === "nsaid") this.nsaidMeds.push(m);
    else if (cls === "ssri" || cls === "snri" || cls === "tricyclic") this.serotonergicAntidepressants.push(m.drug);
    else if (cls === "gabapentinoid" || cls === "muscle-relaxant" || cls === "sedative-hypnotic") this.sedatingDrugs.push({ drugClass: cls, label: m.drug });
  }

  get redFlagFindings(): PatternFinding[] {
    return (this.cache.redFlagFindings ??= redFlagPatterns(this));
  }

  /** Red flags the record shows though nobody ticked them. */
  get recordedFlags(): RecordedFlag[] {
    return (this.cache.recordedFlags ??= recordedFlags(this));
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
    if (this.painOutsideScope) {
      const excluded = OUTSIDE_SCOPE.filter((c) => this.conditions.includes(c)).map((c) => OUTSIDE_SCOPE_NAMES[c]);
      return `${inWords(excluded)}: outside the scope of CDC 2022 and NICE NG59 guidance for chronic back pain`;
    }
    if (this.redFlagFindings.length) return "the ladder is suspended for red-flag work-up: chronic back pain opioid advice waits for its result";
    return null;
  }

  /** Whether the patient takes a therapy now: recorded as current, or a medicine of its class on the list. */
  takes(therapy: TherapyId): boolean {
    if (this.currentTherapies.includes(therapy)) return true;
    const drugClassOf = THERAPY_CLASS.get(therapy);
    return drugClassOf !== undefined && this.classesTaken.includes(drugClassOf);
  }

  /** Whether this visit's orders add the drug (a renewal of one already taken does not count). */
  ordersNew(drug: DrugId): boolean {
    return this.addedMedications.some((m) => m.drug === drug);
  }

  /** Whether this visit's orders add a medicine of the therapy's class. */
  considers(therapy: TherapyId): boolean {
    const drugClassOf = THERAPY_CLASS.get(therapy);
    return drugClassOf !== undefined && this.classesAdded.includes(drugClassOf);
  }
}

// Read through a map: a lookup by a different key each time is much slower on a plain object.
const THERAPY_CLASS: ReadonlyMap<TherapyId, DrugClass> = new Map([
  ["nsaid", "nsaid"],
  ["acetaminophen", "acetaminophen"],
  ["muscle-relaxant", "muscle-relaxant"],
  ["gabapentinoid", "gabapentinoid"],
  ["tricyclic", "tricyclic"],
  ["benzodiazepine", "benzodiazepine"],
  ["opioid", "opioid"],
  ["oral-corticosteroid", "corticosteroid"],
]);

