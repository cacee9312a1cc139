import type { Rule } from "./rule";
import { RED_FLAG_PATTERN_RULES, WEAK_RED_FLAG_RULE } from "./rules/red-flag-rules";
import { NOT_CHRONIC_RULE, BED_REST_RULE, LOW_ADHERENCE_RULE, PT_VISIT_LIMIT_RULE, MOOD_SCREEN_RULE } from "./rules/care-rules";
import { DOSE_INCREASE_RULE, MME_50_RULE, MME_90_RULE, MME_NOT_COMPUTABLE_RULE } from "./rules/opioid-dose-rules";
import { ACUTE_OPIOID_RULE, BENZODIAZEPINE_RULE, BUPRENORPHINE_START_RULE, CNS_DEPRESSANT_RULE, ER_OPIOID_NAIVE_RULE, ER_TOLERANCE_RULE, FENTANYL_TOLERANCE_RULE, SEROTONERGIC_RULE } from "./rules/opioid-combination-rules";
import { NALOXONE_RULE, PDMP_RULE, TOXICOLOGY_RULE } from "./rules/opioid-monitoring-rules";
import { OPIOID_NOT_RECOMMENDED_RULE, OPIOID_PREGNANCY_RULE, OPIOID_USE_DISORDER_RULE, RAPID_REDUCTION_RULE, STOP_ORDER_RULE, TAPER_PLAN_RULE } from "./rules/opioid-plan-rules";
import {
  DULOXETINE_CAUTION_RULE,
  DULOXETINE_CONTRAINDICATED_RULE,
  GABAPENTINOID_CAUTION_RULE,
  NSAID_CAUTION_RULE,
  NSAID_CONTRAINDICATED_RULE,
  NSAID_LONG_TERM_RULE,
  OLDER_ADULT_SLEEPING_PILL_RULE,
  ORDERS_APPLIED_RULE,
  STOP_GRADUALLY_RULE,
} from "./rules/medication-rules";
import { ACUTE_CARE_RULE, CONSERVATIVE_RULE, INTERVENTIONAL_RULE, PHARMACOLOGIC_RULE } from "./rules/ladder-rules";
import { AVOID_RULES } from "./rules/avoid-rules";
import { SCREENING_SCORES_RULE, TBC_RULE } from "./rules/classification-rules";

// Every rule, in the order it runs: red flags first (they can suspend the ladder), then this visit's orders and
// medication safety, the ladder, the cautions for what the ladder suggested, and what to avoid (which must know what
// the ladder suggested).
export const RULES: readonly Rule[] = [
  SCREENING_SCORES_RULE,
  TBC_RULE,
  ...RED_FLAG_PATTERN_RULES,
  WEAK_RED_FLAG_RULE,
  NOT_CHRONIC_RULE,
  ORDERS_APPLIED_RULE,
  MME_NOT_COMPUTABLE_RULE,
  MME_50_RULE,
  MME_90_RULE,
  DOSE_INCREASE_RULE,
  BENZODIAZEPINE_RULE,
  CNS_DEPRESSANT_RULE,
  SEROTONERGIC_RULE,
  ER_OPIOID_NAIVE_RULE,
  FENTANYL_TOLERANCE_RULE,
  ER_TOLERANCE_RULE,
  BUPRENORPHINE_START_RULE,
  ACUTE_OPIOID_RULE,
  NALOXONE_RULE,
  PDMP_RULE,
  TOXICOLOGY_RULE,
  OPIOID_USE_DISORDER_RULE,
  OPIOID_NOT_RECOMMENDED_RULE,
  OPIOID_PREGNANCY_RULE,
  TAPER_PLAN_RULE,
  STOP_ORDER_RULE,
  RAPID_REDUCTION_RULE,
  NSAID_CONTRAINDICATED_RULE,
  NSAID_LONG_TERM_RULE,
  DULOXETINE_CONTRAINDICATED_RULE,
  GABAPENTINOID_CAUTION_RULE,
  OLDER_ADULT_SLEEPING_PILL_RULE,
  STOP_GRADUALLY_RULE,
  BED_REST_RULE,
  LOW_ADHERENCE_RULE,
  PT_VISIT_LIMIT_RULE,
  ACUTE_CARE_RULE,
  CONSERVATIVE_RULE,
  PHARMACOLOGIC_RULE,
  INTERVENTIONAL_RULE,
  NSAID_CAUTION_RULE,
  DULOXETINE_CAUTION_RULE,
  MOOD_SCREEN_RULE,
  ...AVOID_RULES,
];

// Bumped whenever any rule's version changes (a test holds the two together), and stored with every recommendation.
export const RULESET_VERSION = "2026.12.57";

/** The rules that cite each source, for the evidence page. */
export function rulesBySource(): ReadonlyMap<string, { id: string; title: string; version: number }[]> {
  const bySource = new Map<string, { id: string; title: string; version: number }[]>();
  for (const rule of RULES) {
    for (const sourceId of rule.cites) {
      bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), { id: rule.id, title: rule.title, version: rule.version }]);
    }
  }
  return bySource;
}
