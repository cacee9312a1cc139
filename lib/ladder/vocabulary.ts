// The recommendation contract's vocabularies (contract version 1.1), as constants with derived types.

export const CONTRACT_VERSION = "1.1";

export const PROFILES = ["us", "uk"] as const;
export type Profile = (typeof PROFILES)[number];

export const RED_FLAGS = [
  "saddle-anesthesia",
  "urinary-retention",
  "fecal-incontinence",
  "bilateral-leg-weakness",
  "progressive-neurological-deficit",
  "cancer-history",
  "unexplained-weight-loss",
  "night-pain",
  "fever",
  "iv-drug-use",
  "immunosuppression",
  "recent-infection",
  "major-trauma",
  "minor-trauma",
  "osteoporosis",
  "prolonged-corticosteroids",
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const CONDITIONS = [
  "ckd",
  "gi-bleed-history",
  "peptic-ulcer",
  "cardiovascular-disease",
  "heart-failure",
  "anticoagulant-use",
  "hepatic-impairment",
  "sleep-apnea",
  "substance-use-disorder",
  "opioid-use-disorder",
  "depression",
  "anxiety",
  "osteoporosis",
  "fall-risk",
  "active-cancer",
  "palliative-care",
  "sickle-cell-disease",
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const OPIOID_DRUGS = [
  "codeine",
  "fentanyl",
  "hydrocodone",
  "hydromorphone",
  "methadone",
  "morphine",
  "oxycodone",
  "oxymorphone",
  "tapentadol",
  "tramadol",
  "buprenorphine",
] as const;
export const BENZODIAZEPINE_DRUGS = [
  "alprazolam",
  "clonazepam",
  "diazepam",
  "lorazepam",
  "temazepam",
  "flurazepam",
  "chlordiazepoxide",
  "clorazepate",
  "oxazepam",
  "triazolam",
] as const;
export const NSAID_DRUGS = ["ibuprofen", "naproxen", "diclofenac", "celecoxib", "meloxicam"] as const;
export const MUSCLE_RELAXANT_DRUGS = ["cyclobenzaprine", "tizanidine", "methocarbamol"] as const;
export const GABAPENTINOID_DRUGS = ["gabapentin", "pregabalin"] as const;
export const SEDATIVE_HYPNOTIC_DRUGS = ["zolpidem", "eszopiclone", "zaleplon"] as const;
export const SSRI_DRUGS = ["sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine"] as const;
export const SNRI_DRUGS = ["duloxetine", "venlafaxine"] as const;
export const TRICYCLIC_DRUGS = ["amitriptyline"] as const;
export const OTHER_DRUGS = ["acetaminophen", "prednisone"] as const;
export const DRUGS = [
  ...OPIOID_DRUGS,
  ...BENZODIAZEPINE_DRUGS,
  ...NSAID_DRUGS,
  ...MUSCLE_RELAXANT_DRUGS,
  ...GABAPENTINOID_DRUGS,
  ...SEDATIVE_HYPNOTIC_DRUGS,
  ...SSRI_DRUGS,
  ...SNRI_DRUGS,
  ...TRICYCLIC_DRUGS,
  ...OTHER_DRUGS,
] as const;
export type DrugId = (typeof DRUGS)[number];
export type OpioidDrug = (typeof OPIOID_DRUGS)[number];

/** Why a medicine is taken: buprenorphine or methadone for opioid use disorder is not a pain opioid. */
export const INDICATIONS = ["pain", "opioid-use-disorder"] as const;
export const MOUD_DRUGS = ["buprenorphine", "methadone"] as const;
export const isMoudDrug = (drug: string): boolean => (MOUD_DRUGS as readonly string[]).includes(drug);

/** This visit's medication orders: what each does to the current medication list. */
export const ORDER_ACTIONS = ["new", "continue", "change", "stop"] as const;

export const NON_DRUG_THERAPIES = [
  "physical-therapy",
  "home-exercise",
  "self-management",
  "psychologically-informed-pt",
  "psychological-therapy",
  "multidisciplinary-rehabilitation",
  "group-exercise",
  "spinal-manipulation",
  "massage",
  "acupuncture",
  "yoga-tai-chi",
  "mindfulness",
  "heat",
  "bed-rest",
] as const;
export const DRUG_THERAPIES = [
  "nsaid",
  "acetaminophen",
  "muscle-relaxant",
  "duloxetine",
  "tricyclic",
  "gabapentinoid",
  "tramadol",
  "opioid",
  "benzodiazepine",
  "oral-corticosteroid",
] as const;
export const PROCEDURE_THERAPIES = [
  "epidural-steroid-injection",
  "facet-joint-injection",
  "medial-branch-block",
  "radiofrequency-denervation",
  "spinal-cord-stimulator",
  "spine-surgery-referral",
] as const;
export const SAFETY_THERAPIES = ["naloxone", "pdmp-review", "urine-drug-test", "opioid-taper-plan"] as const;
export const WORKUP_THERAPIES = ["imaging", "urgent-imaging", "emergency-referral"] as const;
export const THERAPIES = [...NON_DRUG_THERAPIES, ...DRUG_THERAPIES, ...PROCEDURE_THERAPIES, ...SAFETY_THERAPIES, ...WORKUP_THERAPIES] as const;
export type TherapyId = (typeof THERAPIES)[number];

export const STEPS = ["urgent-evaluation", "conservative", "pharmacologic", "interventional"] as const;
export type Step = (typeof STEPS)[number];

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AGGRAVATING_MOVEMENTS = ["flexion", "extension", "sitting", "standing", "walking", "lifting"] as const;
export const DIRECTIONAL_PREFERENCES = ["extension", "flexion", "lateral-shift", "none"] as const;
export const DISTRIBUTIONS = ["back-only", "above-knee", "below-knee"] as const;
export const TREATMENT_STATUSES = ["current", "completed", "stopped"] as const;
export const RESPONSES = ["good", "partial", "none", "not-tolerated", "too-early"] as const;
export const MEDICATION_FORMS = ["ir", "er", "patch"] as const;
export const SEXES = ["female", "male", "other", "unknown"] as const;
export const EMPLOYMENT = ["working", "not-working", "retired", "unknown"] as const;

export const TBC_SUBGROUPS = [
  "manipulation",
  "stabilization",
  "specific-exercise-extension",
  "specific-exercise-flexion",
  "lateral-shift",
  "traction",
] as const;
export type TbcSubgroup = (typeof TBC_SUBGROUPS)[number];

export type DrugClass =
  | "opioid"
  | "benzodiazepine"
  | "nsaid"
  | "muscle-relaxant"
  | "gabapentinoid"
  | "sedative-hypnotic"
  | "ssri"
  | "snri"
  | "tricyclic"
  | "acetaminophen"
  | "corticosteroid";

const CLASS_MEMBERS: [DrugClass, readonly DrugId[]][] = [
  ["opioid", OPIOID_DRUGS],
  ["benzodiazepine", BENZODIAZEPINE_DRUGS],
  ["nsaid", NSAID_DRUGS],
  ["muscle-relaxant", MUSCLE_RELAXANT_DRUGS],
  ["gabapentinoid", GABAPENTINOID_DRUGS],
  ["sedative-hypnotic", SEDATIVE_HYPNOTIC_DRUGS],
  ["ssri", SSRI_DRUGS],
  ["snri", SNRI_DRUGS],
  ["tricyclic", TRICYCLIC_DRUGS],
  ["acetaminophen", ["acetaminophen"]],
  ["corticosteroid", ["prednisone"]],
];
const CLASS_OF: ReadonlyMap<DrugId, DrugClass> = new Map(CLASS_MEMBERS.flatMap(([drugClass, drugs]) => drugs.map((drug) => [drug, drugClass] as const)));

/** Which drug class a medication belongs to, for the rules that reason about classes. */
export function drugClass(drug: DrugId): DrugClass {
  return CLASS_OF.get(drug) as DrugClass;
}
