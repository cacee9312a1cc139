import { Prisma } from "@/lib/db/generated/client";
import { MME_REFERENCE } from "@/lib/ladder/opioid-risk";
import { PDMP_INTERVAL_DAYS, TOXICOLOGY_INTERVAL_DAYS } from "@/lib/ladder/rules/opioid-monitoring-rules";

// The auditors' eight measures: each a written definition shown beside its figures, and the SQL that selects its
// cases from the measure facts of signed encounters (encounter_fact), for the patients a condition picks, whatever
// their dates: the rows of measure_case (lib/measures/measure-cases.ts). Every case query returns its columns: the
// measure, the encounter behind the case (and which of its alerts, for measure 6), who and where, its date, the
// patient's next encounter, whether it is in the numerator, why it is excluded (null when it is not), an optional flag
// that splits the numerator, and an optional category to group by. A period then takes the cases dated within it;
// a patient-level measure only those whose next encounter falls after the period (measure-queries.ts).

export type Scope = { organizationId: string; from: string; to: string };

export type MeasureDefinition = {
  id: string;
  number: number;
  title: string;
  better: "lower" | "higher";
  /** What one case is, in the plural: "opioid starts", "patients". */
  unit: string;
  definition: { population: string; denominator: string; numerator: string; exclusions: string[]; period: string };
  /** A split of the numerator, counted beside it (e.g. overrides with a comment). */
  flagLabel?: string;
  /** The rest of the numerator, when it deserves its own name (overrides without a comment). */
  unflaggedLabel?: string;
  /** What the category column holds, when cases are grouped by one (e.g. the alert overridden). */
  categoryLabel?: string;
  /**
   * Counts patients at their latest encounter in the period (in each month, for the trend): a case counts only when
   * the patient's next encounter falls after the period (the month) ends, so a month's cases are not the period's
   * cases of that month.
   */
  perPatient: boolean;
  /** The measure's cases among the signed encounters that `facts` (a condition on encounter_fact f) picks. */
  caseRows: (facts: Prisma.Sql) => Prisma.Sql;
  /**
   * Why a listed case counts, in words: a text expression over the case's encounter facts (f), and for measure 6 the
   * decision (d). Worked out only for the cases shown.
   */
  why: Prisma.Sql;
  /** Free text behind a case (the clinician's override comment), left out of pseudonymized views. */
  note?: Prisma.Sql;
};

/** The daily dose as the case list names it: "120 MME/day", or "not computable (at least 40 MME/day known)". */
const mmeText = Prisma.sql`CASE WHEN f.mme_total IS NULL THEN 'MME not computable (at least ' || round(f.mme_computed::numeric)::text || ' MME/day known)' ELSE round(f.mme_total::numeric)::text || ' MME/day' END`;
const naloxoneText = Prisma.sql`CASE f.naloxone_on_hand WHEN true THEN 'naloxone on hand' WHEN false THEN 'naloxone not on hand' ELSE 'naloxone not recorded' END`;
/** A check's last date from "days before the encounter", or that it was never recorded. */
const checkText = (label: string, daysAgo: Prisma.Sql, interval: number) =>
  Prisma.sql`CASE WHEN ${daysAgo} IS NULL THEN ${`${label} never recorded`} ELSE ${label} || ' last on ' || to_char(f.encounter_date - round(${daysAgo}::numeric)::int, 'YYYY-MM-DD') || CASE WHEN ${daysAgo} > ${interval} THEN ' (overdue)' ELSE '' END END`;

const onOpioid = Prisma.sql`(f.opioid_listed OR f.opioid_ordered)`;

/** Signed encounters that begin a new episode: none of the patient's in the 180 days before. */
const newEpisode = Prisma.sql`(f.previous_encounter_date IS NULL OR f.previous_encounter_date < f.encounter_date - 180)`;

/** For each new episode (the measure's `episode` set), whether imaging was ordered and a red flag recorded in the 28 days from its start. */
const episodeFollowUp = Prisma.sql`
  SELECT e.encounter_id, bool_or(i.imaging_ordered) AS imaging, bool_or(i.red_flag) AS red_flag
  FROM episode e JOIN encounter_fact i ON i.patient_id = e.patient_id AND i.encounter_date BETWEEN e.encounter_date AND e.encounter_date + 28
  WHERE i.imaging_ordered OR i.red_flag
  GROUP BY e.encounter_id`;

const OPIOID_EXCLUSIONS = [
  "Cancer history recorded at that encounter (cancer pain is outside this guidance).",
  "Opioid use disorder whose only opioid is buprenorphine (treatment of the disorder, not of pain).",
];
const opioidExclusion = Prisma.sql`CASE WHEN f.cancer_history THEN 'cancer history' WHEN f.oud_buprenorphine_only THEN 'opioid use disorder on buprenorphine' END`;

const caseColumns = (
  measure: number,
  numerator: Prisma.Sql,
  excluded: Prisma.Sql,
  flag: Prisma.Sql = Prisma.sql`NULL::boolean`,
  category: Prisma.Sql = Prisma.sql`NULL::text`,
  caseKey: Prisma.Sql = Prisma.sql`''`,
) => Prisma.sql`
  ${measure}::int AS measure, f.encounter_id, ${caseKey} AS case_key, f.organization_id, f.patient_id, f.clinician_id, f.site_id,
  f.encounter_date AS case_date, f.next_encounter_date, (${numerator}) AS numerator, (${excluded}) AS excluded, (${flag}) AS flag, (${category}) AS category`;

const SIGNED = "Signed encounters of the organization dated within the chosen period (from and to inclusive).";
const LATEST = "Signed encounters within the chosen period; each patient counts once, at their latest encounter in it (for the monthly trend, their latest in each month).";

export const MEASURES: MeasureDefinition[] = [
  {
    id: "opioid-start-without-non-drug-step",
    number: 1,
    title: "Opioids started without a documented prior non-drug step",
    better: "lower",
    unit: "opioid starts",
    definition: {
      population: "Signed encounters for chronic low back pain (more than 12 weeks) at which an opioid was ordered for a patient not already taking one (no opioid listed and no current opioid course).",
      denominator: "Those opioid starts, less exclusions.",
      numerator: "Starts where no non-drug step (PT, home exercise, self-management, psychological or multidisciplinary care, manipulation, acupuncture, yoga, mindfulness, heat…; never bed rest) is documented in that encounter's treatment history, or started or documented at any earlier signed encounter of the patient.",
      exclusions: [...OPIOID_EXCLUSIONS, "A red flag suspended the ladder at that encounter (urgent work-up comes first)."],
      period: SIGNED,
    },
    perPatient: false,
    caseRows: (facts) => Prisma.sql`
      SELECT ${caseColumns(
        1,
        Prisma.sql`NOT f.non_drug_history AND NOT EXISTS (
          SELECT 1 FROM encounter_fact p WHERE p.patient_id = f.patient_id AND p.encounter_date < f.encounter_date AND (p.non_drug_history OR p.non_drug_started))`,
        Prisma.sql`CASE WHEN f.cancer_history THEN 'cancer history' WHEN f.oud_buprenorphine_only THEN 'opioid use disorder on buprenorphine' WHEN f.ladder_suspended THEN 'red flag: urgent work-up' END`,
      )}
      FROM encounter_fact f
      WHERE ${facts} AND f.chronic AND f.opioid_ordered AND NOT f.opioid_listed`,
    why: Prisma.sql`'opioid started at ' || ${mmeText} || CASE WHEN f.non_drug_history THEN '; non-drug step in the history' ELSE '' END`,
  },
  {
    id: "mme-50-without-naloxone",
    number: 2,
    title: `Patients at or above ${MME_REFERENCE.caution} MME/day without naloxone on hand`,
    better: "lower",
    unit: "patients",
    definition: {
      population: `Patients whose latest encounter shows a daily opioid dose at or above ${MME_REFERENCE.caution} MME (CDC 2022 factors, orders at that encounter included), or a dose that could not be fully computed.`,
      denominator: `Patients at or above ${MME_REFERENCE.caution} MME/day, less exclusions.`,
      numerator: "Those whose encounter does not record naloxone on hand (recorded as not on hand, or not recorded at all: the flag counts the latter).",
      exclusions: [...OPIOID_EXCLUSIONS, `MME not computable (a sig without a daily dose) and the part that could be computed is below ${MME_REFERENCE.caution}.`],
      period: LATEST,
    },
    flagLabel: "naloxone not recorded",
    perPatient: true,
    caseRows: (facts) => Prisma.sql`
      SELECT ${caseColumns(
        2,
        Prisma.sql`f.naloxone_on_hand IS DISTINCT FROM true`,
        Prisma.sql`COALESCE(${opioidExclusion}, CASE WHEN f.mme_total IS NULL AND f.mme_computed < ${MME_REFERENCE.caution} THEN 'MME not computable' END)`,
        Prisma.sql`f.naloxone_on_hand IS NULL`,
      )}
      FROM encounter_fact f
      WHERE ${facts} AND ${onOpioid} AND (f.mme_computed >= ${MME_REFERENCE.caution} OR f.mme_total IS NULL)`,
    why: Prisma.sql`${mmeText} || '; ' || ${naloxoneText}`,
  },
  {
    id: "opioid-with-benzodiazepine",
    number: 3,
    title: "An opioid and a benzodiazepine prescribed together",
    better: "lower",
    unit: "patients",
    definition: {
      population: "Patients whose latest encounter shows an opioid (listed, a current opioid course, or ordered then).",
      denominator: "Those patients, less exclusions.",
      numerator: "Those whose same encounter also shows a benzodiazepine (listed, a current course, or ordered then).",
      exclusions: OPIOID_EXCLUSIONS,
      period: LATEST,
    },
    perPatient: true,
    caseRows: (facts) => Prisma.sql`
      SELECT ${caseColumns(3, Prisma.sql`f.benzodiazepine`, opioidExclusion)}
      FROM encounter_fact f
      WHERE ${facts} AND ${onOpioid}`,
    why: Prisma.sql`CASE WHEN f.benzodiazepine THEN 'an opioid and a benzodiazepine at ' || ${mmeText} ELSE 'an opioid, no benzodiazepine' END`,
  },
  {
    id: "mme-90",
    number: 4,
    title: `Patients at or above ${MME_REFERENCE.high} MME/day`,
    better: "lower",
    unit: "patients",
    definition: {
      population: "Patients whose latest encounter shows an opioid (listed, a current opioid course, or ordered then).",
      denominator: "Those patients, less exclusions.",
      numerator: `Those whose daily dose is at or above ${MME_REFERENCE.high} MME (CDC 2022 factors; when part of a dose is unknown, the part that could be computed already reaches ${MME_REFERENCE.high}).`,
      exclusions: [...OPIOID_EXCLUSIONS, `MME not computable and the part that could be computed is below ${MME_REFERENCE.high}: the true dose is unknown.`],
      period: LATEST,
    },
    perPatient: true,
    caseRows: (facts) => Prisma.sql`
      SELECT ${caseColumns(
        4,
        Prisma.sql`f.mme_computed >= ${MME_REFERENCE.high}`,
        Prisma.sql`COALESCE(${opioidExclusion}, CASE WHEN f.mme_total IS NULL AND f.mme_computed < ${MME_REFERENCE.high} THEN 'MME not computable' END)`,
      )}
      FROM encounter_fact f
      WHERE ${facts} AND ${onOpioid}`,
    why: mmeText,
  },
  {
    id: "imaging-new-episode-without-red-flag",
    number: 5,
    title: "Imaging within 28 days of a new low back pain episode without a red flag",
    better: "lower",
    unit: "new episodes",
    definition: {
      population: "New episodes: a signed encounter of a patient aged 18 to 75 with no signed encounter in the 180 days before it (after HEDIS's Use of Imaging Studies for Low Back Pain).",
      denominator: "New episodes whose first encounter falls in the period, less exclusions.",
      numerator: "Episodes with imaging ordered at any signed encounter of the patient from the first encounter to 28 days after it (HEDIS reports the inverse: episodes without imaging).",
      exclusions: ["A red flag recorded at the first encounter or at any signed encounter in the 28 days after it (imaging may be warranted)."],
      period: "New episodes whose first encounter is dated within the chosen period; the 28 days after it may run past the period's end.",
    },
    perPatient: false,
    caseRows: (facts) => Prisma.sql`
      WITH episode AS MATERIALIZED (SELECT f.* FROM encounter_fact f WHERE ${facts} AND ${newEpisode} AND f.age_years BETWEEN 18 AND 75),
           follow_up AS (${episodeFollowUp})
      SELECT ${caseColumns(5, Prisma.sql`COALESCE(u.imaging, false)`, Prisma.sql`CASE WHEN u.red_flag THEN 'red flag within 28 days' END`)}
      FROM episode f LEFT JOIN follow_up u ON u.encounter_id = f.encounter_id`,
    why: Prisma.sql`COALESCE((
      SELECT COALESCE(o.detail->>'study', 'imaging') || ' ordered on ' || to_char(e.date, 'YYYY-MM-DD')
      FROM clinical_order o JOIN encounter e ON e.id = o.encounter_id
      WHERE o.patient_id = f.patient_id AND o.kind = 'imaging' AND e.status = 'signed' AND e.date BETWEEN f.encounter_date AND f.encounter_date + 28
      ORDER BY e.date, o.position LIMIT 1), 'no imaging within 28 days') || CASE WHEN f.red_flag THEN '; red flag at the first visit' ELSE '' END`,
  },
  {
    id: "critical-alert-overrides",
    number: 6,
    title: "Critical alerts overridden",
    better: "lower",
    unit: "critical alerts",
    definition: {
      population: "Critical alerts answered at signed encounters in the period (signing requires an answer to every critical alert).",
      denominator: "Those critical alerts.",
      numerator: "Alerts overridden rather than acknowledged; the flag counts overrides with a comment (the app requires one; imported or older records may lack it). Grouped by alert to give override rates by rule.",
      exclusions: [],
      period: SIGNED,
    },
    flagLabel: "with a comment",
    unflaggedLabel: "without a comment",
    categoryLabel: "Alert",
    perPatient: false,
    caseRows: (facts) => Prisma.sql`
      SELECT ${caseColumns(6, Prisma.sql`d.response = 'overridden'`, Prisma.sql`NULL::text`, Prisma.sql`d.comment IS NOT NULL`, Prisma.sql`d.item_key`, Prisma.sql`d.id::text`)}
      FROM decision d JOIN encounter_fact f ON f.encounter_id = d.encounter_id
      WHERE ${facts} AND d.target = 'alert' AND d.severity = 'critical'`,
    why: Prisma.sql`d.item_key || ': ' || d.response::text || COALESCE(', reason: ' || d.reason_code, '')`,
    note: Prisma.sql`d.comment`,
  },
  {
    id: "long-term-opioid-monitoring-overdue",
    number: 7,
    title: "Long-term opioid therapy with prescription-monitoring or toxicology checks overdue",
    better: "lower",
    unit: "patients",
    definition: {
      population: "Patients on long-term opioid therapy at their latest encounter: an opioid shown then, and either a current opioid course of 12 weeks or more, or an opioid shown at a signed encounter 84 to 365 days before.",
      denominator: "Those patients, less exclusions.",
      numerator: `Those whose prescription-monitoring (PDMP) review is more than ${PDMP_INTERVAL_DAYS} days old or not recorded, or whose urine drug test is more than ${TOXICOLOGY_INTERVAL_DAYS} days old or not recorded (CDC 2022). Grouped by which check is overdue; the flag counts PDMP reviews overdue.`,
      exclusions: OPIOID_EXCLUSIONS,
      period: LATEST,
    },
    flagLabel: "PDMP review overdue",
    categoryLabel: "Overdue",
    perPatient: true,
    caseRows: (facts) => {
      const pdmpDue = Prisma.sql`(f.pdmp_days_ago IS NULL OR f.pdmp_days_ago > ${PDMP_INTERVAL_DAYS})`;
      const toxDue = Prisma.sql`(f.urine_drug_test_days_ago IS NULL OR f.urine_drug_test_days_ago > ${TOXICOLOGY_INTERVAL_DAYS})`;
      return Prisma.sql`
        SELECT ${caseColumns(
          7,
          Prisma.sql`${pdmpDue} OR ${toxDue}`,
          opioidExclusion,
          pdmpDue,
          Prisma.sql`CASE WHEN ${pdmpDue} AND ${toxDue} THEN 'both' WHEN ${pdmpDue} THEN 'PDMP review' WHEN ${toxDue} THEN 'urine drug test' END`,
        )}
        FROM encounter_fact f
        WHERE ${facts} AND ${onOpioid} AND (f.opioid_course_weeks >= 12 OR EXISTS (
          SELECT 1 FROM encounter_fact p
          WHERE p.patient_id = f.patient_id AND (p.opioid_listed OR p.opioid_ordered) AND p.encounter_date BETWEEN f.encounter_date - 365 AND f.encounter_date - 84))`;
    },
    why: Prisma.sql`${checkText("PDMP review", Prisma.sql`f.pdmp_days_ago`, PDMP_INTERVAL_DAYS)} || '; ' || ${checkText("urine drug test", Prisma.sql`f.urine_drug_test_days_ago`, TOXICOLOGY_INTERVAL_DAYS)}`,
  },
  {
    id: "new-chronic-pain-non-drug-first",
    number: 8,
    title: "New chronic low back pain whose first step was PT or self-management",
    better: "higher",
    unit: "new episodes",
    definition: {
      population: "New episodes (no signed encounter of the patient in the 180 days before) of chronic low back pain (more than 12 weeks).",
      denominator: "Those episodes, less exclusions.",
      numerator: "Episodes whose first encounter started a non-drug step (a PT referral, a multidisciplinary or psychological referral, or an accepted non-drug suggestion) or recorded one already under way, and ordered no opioid.",
      exclusions: ["A red flag suspended the ladder at the first encounter (urgent work-up comes first)."],
      period: "New episodes whose first encounter is dated within the chosen period.",
    },
    perPatient: false,
    caseRows: (facts) => Prisma.sql`
      SELECT ${caseColumns(
        8,
        Prisma.sql`(f.non_drug_started OR f.non_drug_current) AND NOT f.opioid_ordered`,
        Prisma.sql`CASE WHEN f.ladder_suspended THEN 'red flag: urgent work-up' END`,
      )}
      FROM encounter_fact f
      WHERE ${facts} AND ${newEpisode} AND f.chronic`,
    why: Prisma.sql`concat_ws('; ', CASE WHEN f.non_drug_started THEN 'non-drug step started' WHEN f.non_drug_current THEN 'non-drug step under way' ELSE 'no non-drug step' END, CASE WHEN f.opioid_ordered THEN 'opioid ordered' END)`,
  },
];

export function findMeasure(id: string): MeasureDefinition | undefined {
  return MEASURES.find((measure) => measure.id === id);
}
