import { z } from "zod";
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
// values, and numbers out of range name the range.

const code = <const T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z.enum(values, { error: (issue) => `${field} must be one of ${values.join(", ")}${issue.input === undefined ? "" : ` (got ${JSON.stringify(issue.input)})`}` });

const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });
/** The message for a missing section; other problems with it (an unknown key, say) keep zod's own. */
const required = (message: string) => (issue: { code: string; input?: unknown }) => (issue.code === "invalid_type" && issue.input === undefined ? message : undefined);
const score = (low: number, high: number, label: string) =>
  z.number({ error: `${label} must be a number from ${low} to ${high}` }).min(low, { error: `${label} must be at least ${low}` }).max(high, { error: `${label} must be at most ${high}` });
const whole = (low: number, high: number, label: string) => score(low, high, label).int({ error: `${label} must be a whole number` });
/** A quantity that must be above zero and below a plausible ceiling. */
const positive = (high: number, label: string) =>
  z.number({ error: `${label} must be a number above 0 and at most ${high}` }).positive({ error: `${label} must be more than 0` }).max(high, { error: `${label} must be at most ${high}` });

const treatmentSchema = z.strictObject({
  therapy: code(THERAPIES, "therapy"),
  status: code(TREATMENT_STATUSES, "status"),
  weeks: score(0, 1040, "weeks").optional(),
  sessions: whole(0, 1000, "sessions").optional(),
  adherencePercent: score(0, 100, "adherencePercent").optional(),
  response: code(RESPONSES, "response").optional(),
});

const medicationSchema = z.strictObject({
  drug: code(DRUGS, "drug"),
  form: code(MEDICATION_FORMS, "form").optional(),
  doseMg: positive(10_000, "doseMg").optional(),
  dosesPerDay: positive(48, "dosesPerDay").optional(),
  mcgPerHour: positive(1000, "mcgPerHour").optional(),
  prn: z.boolean({ error: "prn must be true or false" }).optional(),
  indication: code(INDICATIONS, "indication").optional(),
});

const orderSchema = z.strictObject({
  action: code(ORDER_ACTIONS, "action"),
  medication: medicationSchema,
});

const assessmentShape = z
  .strictObject({
    profile: code(PROFILES, "profile").default("us"),
    asOf: isoDate,
    patient: z.strictObject({
      ageYears: z
        .number({ error: "ageYears is required (a whole number of years)" })
        .int({ error: "ageYears must be a whole number" })
        .min(18, { error: "ageYears under 18 is out of scope: Backstep covers adults" })
        .max(120, { error: "ageYears must be at most 120" }),
      sex: code(SEXES, "sex").optional(),
      pregnant: z.boolean({ error: "pregnant must be true or false" }).optional(),
      employment: code(EMPLOYMENT, "employment").optional(),
    }, { error: required("patient is required: ageYears") }),
    pain: z.strictObject({
      durationWeeks: z
        .number({ error: "durationWeeks is required (weeks since the pain began)" })
        .min(0, { error: "durationWeeks cannot be negative" })
        .max(5200, { error: "durationWeeks must be at most 5200" }),
      intensity: score(0, 10, "intensity"),
      distribution: code(DISTRIBUTIONS, "distribution").default("back-only"),
      radicular: z.boolean({ error: "radicular must be true or false" }).optional(),
      neuropathicQuality: z.boolean({ error: "neuropathicQuality must be true or false" }).optional(),
      localized: z.boolean({ error: "localized must be true or false" }).optional(),
      aggravatedBy: z.array(code(AGGRAVATING_MOVEMENTS, "aggravatedBy")).default([]),
      directionalPreference: code(DIRECTIONAL_PREFERENCES, "directionalPreference").optional(),
    }, { error: required("pain is required: durationWeeks (weeks since it began) and intensity (0-10)") }),
    redFlags: z.array(code(RED_FLAGS, "red flag")).default([]),
    screening: z
      .strictObject({
        startBack: z.array(whole(0, 1, "each STarT Back item")).length(9, { error: "startBack needs all 9 items, in order" }).optional(),
        peg: z.array(score(0, 10, "each PEG item")).length(3, { error: "peg needs its 3 items" }).optional(),
        odi: z.array(whole(0, 5, "each Oswestry section").nullable()).length(10, { error: "odi needs 10 sections (null for unanswered)" }).optional(),
        phq2: z.array(whole(0, 3, "each PHQ-2 item")).length(2, { error: "phq2 needs its 2 items" }).optional(),
        gad2: z.array(whole(0, 3, "each GAD-2 item")).length(2, { error: "gad2 needs its 2 items" }).optional(),
      })
      .default({}),
    conditions: z.array(code(CONDITIONS, "condition")).default([]),
    labs: z.strictObject({ egfr: score(0, 200, "egfr").optional() }).default({}),
    treatments: z.array(treatmentSchema).default([]),
    medications: z.array(medicationSchema).default([]),
    orders: z.array(orderSchema).default([]),
    opioidSafety: z
      .strictObject({
        naloxoneOnHand: z.boolean({ error: "naloxoneOnHand must be true or false" }).optional(),
        pdmpReviewedDaysAgo: z.number({ error: "pdmpReviewedDaysAgo must be a number of days or null" }).min(0, { error: "pdmpReviewedDaysAgo cannot be negative" }).nullable().optional(),
        urineDrugTestDaysAgo: z.number({ error: "urineDrugTestDaysAgo must be a number of days or null" }).min(0, { error: "urineDrugTestDaysAgo cannot be negative" }).nullable().optional(),
      })
      .default({}),
    coverage: z
      .strictObject({
        ptVisitsUsedThisYear: whole(0, 1000, "ptVisitsUsedThisYear").optional(),
        ptVisitLimit: whole(0, 1000, "ptVisitLimit").default(20),
      })
      .default({ ptVisitLimit: 20 }),
  });

const NOT_MOUD = `indication opioid-use-disorder applies only to ${MOUD_DRUGS.join(" or ")}`;

/** What the shape cannot say: an indication only buprenorphine or methadone can have, and orders that fit the list. */
function crossFieldIssues(assessment: z.output<typeof assessmentShape>): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
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
  safeParse(input: unknown): { success: true; data: Assessment } | { success: false; error: z.ZodError } {
    const parsed = assessmentShape.safeParse(input);
    if (!parsed.success) return parsed;
    const issues = crossFieldIssues(parsed.data);
    return issues.length ? { success: false, error: new z.ZodError(issues) } : parsed;
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
