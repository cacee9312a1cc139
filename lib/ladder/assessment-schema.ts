import * as z from "zod/mini";
import { ZodMiniType } from "zod/mini";
import { $constructor, $ZodError, $ZodObjectJIT, util, type $ZodIssue, type $ZodObjectDef, type $ZodShape, type $ZodTypeDef, type SomeType } from "zod/v4/core";
import en from "zod/v4/locales/en.js";
import { ADHERENCE_THRESHOLD_RANGE, DEFAULT_ADHERENCE_THRESHOLD_PERCENT } from "./adequacy";
import { orderIssues } from "./reconcile-orders";
import {
  AGGRAVATING_MOVEMENTS,
  CONDITIONS,
  DIRECTIONAL_PREFERENCES,
  DISTRIBUTIONS,
  DRUGS,
  EMPLOYMENT,
  INDICATIONS,
  isMoudDrug,
  MEDICATION_FORMS,
  MOUD_DRUGS,
  ORDER_ACTIONS,
  PROFILES,
  RED_FLAGS,
  RESPONSES,
  SEXES,
  THERAPIES,
  TREATMENT_STATUSES,
} from "./vocabulary";

// The Assessment of the recommendation contract (version 1.1). Objects are strict: a misspelt field (say "redflag")
// would otherwise vanish silently, and a red flag that vanishes is a clinical risk. Unknown codes name the allowed
// values, and numbers out of range name the range. The schema is written with zod's small build because it also runs
// in the browser on every keystroke of the visit; the English messages are loaded so that the few problems without a
// message of ours (an unknown key, say) read the same in the browser, the API and the CLI.
z.config(en());

// zod's small build checks objects field by field; its full build compiles each object's check into one function,
// which validates an assessment about a third faster. The assessment's objects are built on that compiled check.
const CompiledObject = $constructor("BackstepCompiledObject", (inst: z.ZodMiniObject, def: $ZodObjectDef) => {
  $ZodObjectJIT.init(inst, def);
  ZodMiniType.init(inst, def);
});
function strictObject<const T extends $ZodShape>(shape: T, params?: Parameters<typeof z.strictObject>[1]): z.ZodMiniObject<T, z.core.$strict> {
  return new CompiledObject({ type: "object", shape, catchall: z.never(), ...util.normalizeParams(params) }) as unknown as z.ZodMiniObject<T, z.core.$strict>;
}

// An optional field whose key every parsed object has, undefined when it was not given. Objects of one kind then
// share one shape: the engine reads each one many times per evaluation, and V8 reads an object of a known shape
// several times faster than one of the dozens of shapes that leaving absent keys out produces. JSON drops the
// undefined keys, so stored and sent Assessments are unchanged.
type OptionalFieldDef = $ZodTypeDef & { type: "optional"; innerType: SomeType };
const OptionalField = $constructor("BackstepOptionalField", (inst: z.ZodMiniType, def: OptionalFieldDef) => {
  ZodMiniType.init(inst, def);
  // "defaulted" makes the object's compiled check write the key whether or not the input had it.
  inst._zod.optin = "defaulted";
  inst._zod.parse = (payload, ctx) => (payload.value === undefined ? payload : def.innerType._zod.run(payload, ctx));
});
function optional<T extends SomeType>(innerType: T): z.ZodMiniOptional<T> {
  return new OptionalField({ type: "optional", innerType }) as unknown as z.ZodMiniOptional<T>;
}

/** A received value as an error message quotes it: short enough that a huge value never comes back whole. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const code = <const T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z.enum(values, { error: (issue) => `${field} must be one of ${values.join(", ")}${issue.input === undefined ? "" : ` (got ${quoted(issue.input)})`}` });

const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });
/** The message for a missing section; other problems with it (an unknown key, say) keep zod's own. */
const required = (message: string) => (issue: { code: string; input?: unknown }) => (issue.code === "invalid_type" && issue.input === undefined ? message : undefined);
const atLeast = (low: number, label: string) => z.minimum(low, { error: `${label} must be at least ${low}` });
const atMost = (high: number, label: string) => z.maximum(high, { error: `${label} must be at most ${high}` });
const wholeNumber = (label: string) => z.int({ error: `${label} must be a whole number` });
const score = (low: number, high: number, label: string) =>
  z.number({ error: `${label} must be a number from ${low} to ${high}` }).check(atLeast(low, label), atMost(high, label));
const whole = (low: number, high: number, label: string) =>
  z.number({ error: `${label} must be a number from ${low} to ${high}` }).check(atLeast(low, label), atMost(high, label), wholeNumber(label));
/** A quantity that must be above zero and below a plausible ceiling. */
const positive = (high: number, label: string) =>
  z.number({ error: `${label} must be a number above 0 and at most ${high}` }).check(z.positive({ error: `${label} must be more than 0` }), atMost(high, label));
const flag = (label: string) => optional(z.boolean({ error: `${label} must be true or false` }));
const list = <T extends z.core.SomeType>(item: T) => z._default(z.array(item), []);

const treatmentSchema = strictObject({
  therapy: code(THERAPIES, "therapy"),
  status: code(TREATMENT_STATUSES, "status"),
  weeks: optional(score(0, 1040, "weeks")),
  sessions: optional(whole(0, 1000, "sessions")),
  adherencePercent: optional(score(0, 100, "adherencePercent")),
  response: optional(code(RESPONSES, "response")),
});

const medicationSchema = strictObject({
  drug: code(DRUGS, "drug"),
  form: optional(code(MEDICATION_FORMS, "form")),
  doseMg: optional(positive(10_000, "doseMg")),
  dosesPerDay: optional(positive(48, "dosesPerDay")),
  mcgPerHour: optional(positive(1000, "mcgPerHour")),
  prn: flag("prn"),
  indication: optional(code(INDICATIONS, "indication")),
});

const orderSchema = strictObject({
  action: code(ORDER_ACTIONS, "action"),
  medication: medicationSchema,
});

const daysAgo = (label: string) =>
  optional(z.nullable(z.number({ error: `${label} must be a number of days or null` }).check(z.minimum(0, { error: `${label} cannot be negative` }))));

/** A common annual cap on covered PT visits, when the Assessment gives none. */
export const DEFAULT_PT_VISIT_LIMIT = 20;

const assessmentShape = strictObject({
  profile: z._default(code(PROFILES, "profile"), "us"),
  asOf: isoDate,
  patient: strictObject(
    {
      ageYears: z.number({ error: "ageYears is required (a whole number of years)" }).check(
        wholeNumber("ageYears"),
        z.minimum(18, { error: "ageYears under 18 is out of scope: Backstep covers adults" }),
        z.maximum(120, { error: "ageYears must be at most 120" }),
      ),
      sex: optional(code(SEXES, "sex")),
      pregnant: flag("pregnant"),
      employment: optional(code(EMPLOYMENT, "employment")),
    },
    { error: required("patient is required: ageYears") },
  ),
  pain: strictObject(
    {
      durationWeeks: z.number({ error: "durationWeeks is required (weeks since the pain began)" }).check(
        z.minimum(0, { error: "durationWeeks cannot be negative" }),
        z.maximum(5200, { error: "durationWeeks must be at most 5200" }),
      ),
      intensity: score(0, 10, "intensity"),
      distribution: z._default(code(DISTRIBUTIONS, "distribution"), "back-only"),
      radicular: flag("radicular"),
      neuropathicQuality: flag("neuropathicQuality"),
      localized: flag("localized"),
      aggravatedBy: list(code(AGGRAVATING_MOVEMENTS, "aggravatedBy")),
      directionalPreference: optional(code(DIRECTIONAL_PREFERENCES, "directionalPreference")),
    },
    { error: required("pain is required: durationWeeks (weeks since it began) and intensity (0-10)") },
  ),
  redFlags: list(code(RED_FLAGS, "red flag")),
  screening: z.prefault(
    strictObject({
      startBack: optional(z.array(whole(0, 1, "each STarT Back item")).check(z.length(9, { error: "startBack needs all 9 items, in order" }))),
      peg: optional(z.array(score(0, 10, "each PEG item")).check(z.length(3, { error: "peg needs its 3 items" }))),
      odi: optional(z.array(z.nullable(whole(0, 5, "each Oswestry section"))).check(z.length(10, { error: "odi needs 10 sections (null for unanswered)" }))),
      phq2: optional(z.array(whole(0, 3, "each PHQ-2 item")).check(z.length(2, { error: "phq2 needs its 2 items" }))),
      gad2: optional(z.array(whole(0, 3, "each GAD-2 item")).check(z.length(2, { error: "gad2 needs its 2 items" }))),
    }),
    {},
  ),
  conditions: list(code(CONDITIONS, "condition")),
  labs: z.prefault(strictObject({ egfr: optional(score(0, 200, "egfr")) }), {}),
  treatments: list(treatmentSchema),
  medications: list(medicationSchema),
  orders: list(orderSchema),
  opioidSafety: z.prefault(
    strictObject({
      naloxoneOnHand: flag("naloxoneOnHand"),
      pdmpReviewedDaysAgo: daysAgo("pdmpReviewedDaysAgo"),
      urineDrugTestDaysAgo: daysAgo("urineDrugTestDaysAgo"),
    }),
    {},
  ),
  coverage: z.prefault(
    strictObject({
      ptVisitsUsedThisYear: optional(whole(0, 1000, "ptVisitsUsedThisYear")),
      ptVisitLimit: z._default(whole(0, 1000, "ptVisitLimit"), DEFAULT_PT_VISIT_LIMIT),
    }),
    {},
  ),
  // The organization's settings the engine reads; an organization keeps them, not the clinician at a visit.
  settings: z.prefault(
    strictObject({
      adherenceThresholdPercent: z._default(whole(ADHERENCE_THRESHOLD_RANGE.min, ADHERENCE_THRESHOLD_RANGE.max, "adherenceThresholdPercent"), DEFAULT_ADHERENCE_THRESHOLD_PERCENT),
    }),
    {},
  ),
});

const NOT_MOUD = `indication opioid-use-disorder applies only to ${MOUD_DRUGS.join(" or ")}`;

/** What the shape cannot say: an indication only buprenorphine or methadone can have, and orders that fit the list. */
function crossFieldIssues(assessment: z.output<typeof assessmentShape>): $ZodIssue[] {
  const issues: $ZodIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ code: "custom", path, message, input: undefined });
  assessment.medications.forEach((m, i) => {
    if (m.indication === "opioid-use-disorder" && !isMoudDrug(m.drug)) issue(["medications", i, "indication"], NOT_MOUD);
  });
  if (!assessment.orders.length) return issues;
  assessment.orders.forEach((o, i) => {
    if (o.medication.indication === "opioid-use-disorder" && !isMoudDrug(o.medication.drug)) issue(["orders", i, "medication", "indication"], NOT_MOUD);
  });
  // continue, change and stop must name a current medicine, and no medicine may be ordered twice.
  for (const found of orderIssues(assessment.medications, assessment.orders)) issue(["orders", found.index], found.message);
  return issues;
}

/**
 * The Assessment's schema: zod for the shape of every field, then the checks across fields. Those run outside zod
 * because a zod refinement or pipe on the whole object cost a third of the validation, which runs on every keystroke
 * of the visit. Same results as a zod schema: `data`, or a ZodError whose issues name each field.
 */
export const assessmentSchema = {
  safeParse(input: unknown): { success: true; data: Assessment } | { success: false; error: $ZodError } {
    const parsed = assessmentShape.safeParse(input);
    if (!parsed.success) return parsed;
    const issues = crossFieldIssues(parsed.data);
    return issues.length ? { success: false, error: new $ZodError(issues) } : parsed;
  },
  parse(input: unknown): Assessment {
    const parsed = assessmentSchema.safeParse(input);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  },
};

/** The Assessment as received (optional fields may be missing). */
export type AssessmentInput = z.input<typeof assessmentShape>;
/** The Assessment after validation, with the contract's defaults filled in. */
export type Assessment = z.output<typeof assessmentShape>;
export type Treatment = Assessment["treatments"][number];
export type Medication = Assessment["medications"][number];
export type MedicationOrder = Assessment["orders"][number];
