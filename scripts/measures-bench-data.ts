// Fills a PostgreSQL database with 1,000,000 signed encounters for `npm run bench:measures`: one organization with
// 10 practices, 60 clinicians and 100,000 patients over three years, each patient seen in episodes of three visits
// three weeks apart, about once a year. Each encounter follows one of 240 visit
// templates (assessment, orders, decisions) drawn from realistic proportions; each template goes through the
// engine and the measure-fact derivation once, and SQL copies it out, so the facts are the ones signing writes.
// Recommendations are stored for the encounters with decisions on critical alerts (the decision rows point at
// them); clinical orders are not copied, since the measures read them through the facts.
import pg from "pg";
import { assessmentSchema, type AssessmentInput, type Medication } from "../lib/ladder/assessment-schema";
import { evaluate } from "../lib/ladder/evaluate";
import { withDraftedOrders } from "../lib/encounters/visit-orders";
import { encounterFacts, type EncounterFacts, type FactOrder } from "../lib/measures/encounter-facts";
import { seededRandom } from "../lib/seeded-random";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db/prisma-client";
import { linkPreviousEncounters } from "../lib/measures/fact-store";
import { DEMO_PASSWORD } from "../prisma/demo-accounts";

export const BENCH_ORGANIZATION = "bench-1m";
export const BENCH_AUDITOR = "bench.auditor@backstep.test";
const ENCOUNTERS = 1_000_000;
const PATIENTS = 100_000;
const VISITS_PER_EPISODE = 3;
const DAYS_BETWEEN_VISITS = 21;
const CLINICIANS = 60;
const SITES = 10;
const TEMPLATES = 240;
const DAYS = 1095;
const BATCH = 100_000;

type Template = { assessment: unknown; output: unknown; facts: EncounterFacts; critical: string[] };

function templates(firstDay: string): Template[] {
  const random = seededRandom(1_000_000);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const result: Template[] = [];
  for (let i = 0; i < TEMPLATES; i += 1) {
    const opioid = chance(0.18);
    const medications: Medication[] = [];
    const conditions: NonNullable<AssessmentInput["conditions"]> = [];
    const treatments: NonNullable<AssessmentInput["treatments"]> = [];
    if (opioid) {
      const regimen = pick([
        { drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 4 },
        { drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 },
        { drug: "morphine", form: "er", doseMg: 60, dosesPerDay: 2 },
        { drug: "hydrocodone", form: "ir", doseMg: 10, dosesPerDay: 3 },
        { drug: "tramadol", form: "ir", doseMg: 50, dosesPerDay: 4 },
        { drug: "oxycodone", form: "ir" },
        { drug: "buprenorphine", doseMg: 8, dosesPerDay: 2 },
      ] as Medication[]);
      medications.push(regimen);
      if (regimen.drug === "buprenorphine") conditions.push("opioid-use-disorder");
      if (chance(0.15)) medications.push({ drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 });
      if (chance(0.7)) treatments.push({ therapy: "opioid", status: "current", weeks: pick([6, 20, 60]) });
    }
    if (chance(0.5)) treatments.push({ therapy: "physical-therapy", status: pick(["completed", "current"] as const), weeks: 8, sessions: 14, adherencePercent: pick([40, 70, 90]), response: pick(["good", "partial", "none"] as const) });
    if (chance(0.2)) treatments.push({ therapy: "home-exercise", status: "current", weeks: 4, adherencePercent: 70 });
    const redFlags = chance(0.03) ? pick([["cancer-history"], ["saddle-anesthesia", "urinary-retention"], ["fever", "iv-drug-use"]] as const) : [];
    const orders: ({ kind: "medication"; medication: Medication } | { kind: "pt_referral" | "imaging"; code: string })[] = [];
    if (chance(0.25)) orders.push({ kind: "pt_referral", code: "physical-therapy" });
    if (chance(0.06)) orders.push({ kind: "imaging", code: "imaging" });
    if (!opioid && chance(0.04)) orders.push({ kind: "medication", medication: { drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 3 } });
    if (chance(0.15)) orders.push({ kind: "medication", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 } });
    const assessment = assessmentSchema.parse({
      asOf: firstDay,
      patient: { ageYears: 25 + Math.floor(random() * 60) },
      pain: { durationWeeks: chance(0.15) ? 6 : 14 + Math.floor(random() * 100), intensity: 3 + Math.floor(random() * 6) },
      redFlags,
      conditions,
      treatments,
      medications,
      opioidSafety: opioid
        ? { naloxoneOnHand: pick([true, false, undefined]), pdmpReviewedDaysAgo: pick([30, 120, null]), urineDrugTestDaysAgo: pick([100, 400, null]) }
        : {},
    });
    const drafted = orders.flatMap((o) => (o.kind === "medication" ? [{ ...o, action: "new" as const }] : []));
    const output = evaluate(assessmentSchema.parse(withDraftedOrders(assessment, drafted)));
    const factOrders: FactOrder[] = orders.map((o) => (o.kind === "medication" ? { kind: o.kind, code: o.medication.drug, medicationAction: "new", detail: o.medication } : { kind: o.kind, code: o.code }));
    const accepted = chance(0.3) && output.next[0] ? [{ target: "suggestion", itemKey: output.next[0].id, response: "accepted" }] : [];
    const critical = output.alerts.filter((a) => a.severity === "critical").map((a) => a.code);
    result.push({ assessment, output, facts: encounterFacts(assessment, output, factOrders, accepted), critical });
  }
  return result;
}

const FACT_COLUMNS: [keyof EncounterFacts, string, string][] = [
  ["ageYears", "age_years", "int"],
  ["chronic", "chronic", "boolean"],
  ["redFlag", "red_flag", "boolean"],
  ["cancerHistory", "cancer_history", "boolean"],
  ["ladderSuspended", "ladder_suspended", "boolean"],
  ["opioidListed", "opioid_listed", "boolean"],
  ["opioidOrdered", "opioid_ordered", "boolean"],
  ["opioidCourseWeeks", "opioid_course_weeks", "float8"],
  ["oudBuprenorphineOnly", "oud_buprenorphine_only", "boolean"],
  ["benzodiazepine", "benzodiazepine", "boolean"],
  ["mmeTotal", "mme_total", "float8"],
  ["mmeComputed", "mme_computed", "float8"],
  ["naloxoneOnHand", "naloxone_on_hand", "boolean"],
  ["pdmpDaysAgo", "pdmp_days_ago", "float8"],
  ["urineDrugTestDaysAgo", "urine_drug_test_days_ago", "float8"],
  ["nonDrugHistory", "non_drug_history", "boolean"],
  ["nonDrugCurrent", "non_drug_current", "boolean"],
  ["nonDrugStarted", "non_drug_started", "boolean"],
  ["imagingOrdered", "imaging_ordered", "boolean"],
];

const uuidOf = (prefix: string, n: string) => `md5('${prefix}' || ${n})::uuid`;

/** Seeds the benchmark organization unless it is already there; returns the number of encounters it holds. */
export async function seedMeasuresBench(url: string, today: Date, log: (line: string) => void): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ id: string }>("SELECT id FROM organization WHERE slug = $1", [BENCH_ORGANIZATION]);
    if (existing.rows[0]) {
      const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM encounter WHERE organization_id = $1", [existing.rows[0].id]);
      return Number(rows[0]!.n);
    }
    const firstDay = new Date(today.getTime() - DAYS * 86_400_000).toISOString().slice(0, 10);
    const visitTemplates = templates(firstDay);
    const org = `md5('bench-org')::uuid`;
    const started = performance.now();
    await client.query("BEGIN");
    await client.query(`INSERT INTO organization (id, name, slug) VALUES (${org}, 'Benchmark Health', '${BENCH_ORGANIZATION}')`);
    await client.query(`INSERT INTO site (id, organization_id, name, kind) SELECT ${uuidOf("s", "n")}, ${org}, 'Practice ' || n, 'primary_care' FROM generate_series(0, ${SITES - 1}) n`);
    await client.query(
      `INSERT INTO app_user (id, organization_id, site_id, email, name, role, updated_at)
       SELECT ${uuidOf("c", "n")}, ${org}, ${uuidOf("s", `(n % ${SITES})`)}, 'bench.clinician' || n || '@backstep.test', 'Dr. Bench ' || n, 'clinician', now()
       FROM generate_series(0, ${CLINICIANS - 1}) n`,
    );
    const auditor = await client.query<{ id: string }>(
      `INSERT INTO app_user (id, organization_id, email, name, role, updated_at) VALUES (gen_random_uuid(), ${org}, $1, 'Bench Auditor', 'auditor', now()) RETURNING id`,
      [BENCH_AUDITOR],
    );
    await client.query("INSERT INTO credential (user_id, password_hash) VALUES ($1, $2)", [auditor.rows[0]!.id, await hashPassword(DEMO_PASSWORD)]);
    await client.query(
      `INSERT INTO patient (id, organization_id, mrn, given_name, family_name, birth_date, sex, updated_at)
       SELECT ${uuidOf("p", "n")}, ${org}, 'BM-' || n, 'Given' || (n % 997), 'Family' || (n % 1009), date '1950-01-01' + (n % 18000), 'female', now()
       FROM generate_series(0, ${PATIENTS - 1}) n`,
    );
    await client.query("CREATE TEMP TABLE bench_template (idx int PRIMARY KEY, assessment jsonb, output jsonb, facts jsonb, critical text[])");
    for (const [idx, t] of visitTemplates.entries()) {
      await client.query("INSERT INTO bench_template VALUES ($1, $2, $3, $4, $5)", [idx, t.assessment, t.output, t.facts, t.critical]);
    }
    await client.query("COMMIT");
    log(`bench: organization, ${CLINICIANS} clinicians, ${PATIENTS.toLocaleString("en-US")} patients and ${TEMPLATES} visit templates in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Encounter g is visit g mod 3 of episode g / 3; episodes start in date order over the three years (so rows
    // arrive roughly in date order, as signed encounters do) and go to patients by a multiplicative hash, so each
    // patient's next episode comes PATIENTS episodes later. A patient keeps a clinician, a practice, and one of
    // three visit templates per visit of the episode.
    const episode = `(g / ${VISITS_PER_EPISODE})`;
    const visit = `(g % ${VISITS_PER_EPISODE})`;
    const episodes = Math.ceil(ENCOUNTERS / VISITS_PER_EPISODE);
    const start = (e: string) => `(date '${firstDay}' + (${e}::bigint * ${DAYS - VISITS_PER_EPISODE * DAYS_BETWEEN_VISITS} / ${episodes})::int)`;
    const patient = `((${episode}::bigint * 7919) % ${PATIENTS})`;
    const clinician = `(${patient} % ${CLINICIANS})`;
    const template = `((${patient} * 31 + ${visit}) % ${TEMPLATES})`;
    const date = `(${start(episode)} + ${visit} * ${DAYS_BETWEEN_VISITS})`;
    const next = `(CASE WHEN ${visit} < ${VISITS_PER_EPISODE - 1} AND g + 1 < ${ENCOUNTERS} THEN ${date} + ${DAYS_BETWEEN_VISITS}
                        WHEN ${visit} = ${VISITS_PER_EPISODE - 1} AND (${episode} + ${PATIENTS}) * ${VISITS_PER_EPISODE} < ${ENCOUNTERS} THEN ${start(`(${episode} + ${PATIENTS})`)} END)`;
    const previous = `(CASE WHEN ${visit} > 0 THEN ${date} - ${DAYS_BETWEEN_VISITS} WHEN ${episode} >= ${PATIENTS} THEN ${start(`(${episode} - ${PATIENTS})`)} + ${(VISITS_PER_EPISODE - 1) * DAYS_BETWEEN_VISITS} END)`;
    const factSelect = FACT_COLUMNS.map(([key, , type]) => `(t.facts->>'${key}')::${type}`).join(", ");
    for (let from = 0; from < ENCOUNTERS; from += BATCH) {
      const range = `generate_series(${from}, ${from + BATCH - 1}) g JOIN bench_template t ON t.idx = ${template}`;
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO encounter (id, organization_id, patient_id, clinician_id, site_id, date, status, assessment, version, signed_at, signed_by_id, updated_at)
         SELECT ${uuidOf("e", "g")}, ${org}, ${uuidOf("p", patient)}, ${uuidOf("c", clinician)}, ${uuidOf("s", `(${clinician} % ${SITES})`)}, ${date},
                'signed', jsonb_set(t.assessment, '{asOf}', to_jsonb(${date}::text)), 2, ${date}, ${uuidOf("c", clinician)}, now()
         FROM ${range}`,
      );
      await client.query(
        `INSERT INTO encounter_fact (encounter_id, organization_id, patient_id, clinician_id, site_id, encounter_date, previous_encounter_date, next_encounter_date, ${FACT_COLUMNS.map(([, column]) => column).join(", ")})
         SELECT ${uuidOf("e", "g")}, ${org}, ${uuidOf("p", patient)}, ${uuidOf("c", clinician)}, ${uuidOf("s", `(${clinician} % ${SITES})`)}, ${date}, ${previous}, ${next}, ${factSelect}
         FROM ${range}`,
      );
      await client.query(
        `INSERT INTO recommendation (id, encounter_id, contract_version, ruleset_version, profile, suspended, step, output)
         SELECT ${uuidOf("r", "g")}, ${uuidOf("e", "g")}, t.output->>'contractVersion', t.output->>'rulesetVersion', 'us', (t.output->'ladder'->>'suspended')::boolean, t.output->'ladder'->>'step', t.output
         FROM ${range} WHERE cardinality(t.critical) > 0`,
      );
      // One critical alert in five is overridden, most with a comment.
      await client.query(
        `INSERT INTO decision (id, encounter_id, recommendation_id, target, item_key, severity, response, reason_code, comment, decided_by_id, decided_at)
         SELECT gen_random_uuid(), ${uuidOf("e", "g")}, ${uuidOf("r", "g")}, 'alert', code, 'critical',
                CASE WHEN (g + i) % 5 = 0 THEN 'overridden' ELSE 'acknowledged' END::"DecisionResponse",
                CASE WHEN (g + i) % 5 = 0 THEN 'benefit-outweighs-risk' END,
                CASE WHEN (g + i) % 15 = 0 THEN 'Reviewed with the patient.' END,
                ${uuidOf("c", clinician)}, ${date}
         FROM ${range}, unnest(t.critical) WITH ORDINALITY AS alert(code, i)`,
      );
      await client.query("COMMIT");
      log(`bench: ${(from + BATCH).toLocaleString("en-US")} encounters (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    // The previous and next encounter dates above follow from the layout; the app's own linking must find nothing to change.
    const prisma = createPrismaClient(url);
    const { rows: sample } = await client.query<{ id: string }>(`SELECT ${uuidOf("p", "n")}::text AS id FROM generate_series(0, 999) n`);
    const corrected = await linkPreviousEncounters(prisma, sample.map((row) => row.id));
    await prisma.$disconnect();
    if (corrected !== 0) throw new Error(`bench data: ${corrected} previous or next encounter dates disagree with the app's linking`);
    await client.query("VACUUM ANALYZE");
    return ENCOUNTERS;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
