import { hasOpioidUseDisorder, MME_REFERENCE, mmeText, noOpioid, onAnyOpioid, overdoseRisks } from "../opioid-risk";
import { cite } from "../recommendation";
import { fired, notFired, RANK, type Rule } from "../rule";
import { count, inWords } from "../wording";

// Safety checks for anyone taking an opioid, for pain or for opioid use disorder: naloxone, the prescription record
// and toxicology testing (CDC 2022 recs. 8-10). The UK has no prescription drug monitoring programme; what applies
// there instead is a review of controlled-drug prescribing across providers (NICE NG215).

export const PDMP_INTERVAL_DAYS = 90;
export const TOXICOLOGY_INTERVAL_DAYS = 365;


const NALOXONE_EVIDENCE = [
  cite("cdc-2022", "Recommendation 8: offer naloxone when overdose risk is increased, such as at 50 MME/day or more, with benzodiazepines or other sedating drugs, substance or opioid use disorder, or sleep-disordered breathing."),
];

export const NALOXONE_RULE: Rule = {
  id: "opioid.naloxone",
  version: 4,
  title: "Naloxone where overdose risk is raised",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!onAnyOpioid(facts)) return noOpioid();
    const risks = overdoseRisks(facts);
    const onHand = facts.assessment.opioidSafety.naloxoneOnHand;
    if (onHand === true) return notFired("naloxone is on hand");
    if (!risks.length) {
      if (facts.mme.computable) return notFired(`no raised overdose risk recorded at ${mmeText(facts)}`);
      // An unknown dose may be a high one: offered rather than presumed safe, without claiming a risk that is not known.
      draft.suggest(this.id, RANK.safety, {
        therapy: "naloxone",
        step: "pharmacologic",
        title: "Offer naloxone",
        detail: `The opioid dose could not be worked out (${mmeText(facts)}), so a raised overdose risk cannot be ruled out: offer naloxone nasal spray with instructions for the patient and household.`,
        evidence: NALOXONE_EVIDENCE,
      });
      return fired(`dose unknown (${mmeText(facts)}), so a raised overdose risk cannot be ruled out: naloxone offered`);
    }
    const critical = facts.onBenzodiazepine || facts.mme.computedPerDay >= MME_REFERENCE.high || hasOpioidUseDisorder(facts) || facts.sedatingDrugs.length > 1;
    draft.alert({
      code: "naloxone-not-on-hand",
      severity: critical ? "critical" : "warning",
      summary: `Naloxone ${onHand === false ? "not on hand" : "not documented"} with raised overdose risk`,
      detail: `Overdose risk is raised by ${inWords(risks)}. Prescribe naloxone and show the patient and family how to use it.`,
      evidence: NALOXONE_EVIDENCE,
    });
    draft.suggest(this.id, RANK.safety, {
      therapy: "naloxone",
      step: "pharmacologic",
      title: "Prescribe naloxone",
      detail: `Naloxone nasal spray with instructions for the patient and household (risk: ${inWords(risks)}).`,
      evidence: NALOXONE_EVIDENCE,
    });
    return fired(`overdose risk (${risks.join(", ")}) and naloxone ${onHand === false ? "not on hand" : "not documented"}`);
  },
};

const PDMP_EVIDENCE = [cite("cdc-2022", "Recommendation 9: review the prescription drug monitoring program before prescribing and periodically, from every prescription to every 3 months.")];
const RECORD_EVIDENCE = [
  cite("nice-ng215", "Before prescribing and at each review of a medicine associated with dependence, take into account the person's other such medicines, from every prescriber, using the records available."),
];

function reviewedWhen(days: number | null | undefined): string {
  return days === null ? "never reviewed" : days === undefined ? "no review documented" : `last reviewed ${count(days, "day")} ago`;
}

export const PDMP_RULE: Rule = {
  id: "opioid.pdmp-review",
  version: 3,
  title: "Prescription-monitoring review (uk: controlled-drug record review)",
  cites: ["cdc-2022", "nice-ng215"],
  evaluate(facts, draft) {
    if (!onAnyOpioid(facts)) return noOpioid();
    const days = facts.assessment.opioidSafety.pdmpReviewedDaysAgo;
    if (typeof days === "number" && days <= PDMP_INTERVAL_DAYS) return notFired(`reviewed ${count(days, "day")} ago (within ${PDMP_INTERVAL_DAYS})`);
    const when = reviewedWhen(days);
    if (facts.assessment.profile === "uk") {
      draft.alert({
        code: "prescribing-record-review",
        severity: "warning",
        summary: `Review controlled-drug prescribing across providers (${when})`,
        detail:
          "The UK has no prescription drug monitoring programme. Check the GP record and the Summary Care Record for opioids, benzodiazepines, gabapentinoids and z-drugs from other prescribers, ask the patient, and confirm with their community pharmacy.",
        evidence: RECORD_EVIDENCE,
      });
      return fired(`uk profile: no PDMP; controlled-drug record review ${when} (due every ${PDMP_INTERVAL_DAYS} days)`);
    }
    draft.alert({
      code: "pdmp-review-due",
      severity: "warning",
      summary: `Prescription-monitoring review due (${when})`,
      detail: "Check the state prescription drug monitoring program for other prescribers, overlapping controlled substances and high combined doses.",
      evidence: PDMP_EVIDENCE,
    });
    draft.suggest(this.id, RANK.safety, { therapy: "pdmp-review", step: "pharmacologic", title: "Review the prescription-monitoring record", detail: `Due: ${when}; review at least every ${PDMP_INTERVAL_DAYS} days.`, evidence: PDMP_EVIDENCE });
    return fired(`${when} (due every ${PDMP_INTERVAL_DAYS} days)`);
  },
};

const TOXICOLOGY_EVIDENCE = [cite("cdc-2022", "Recommendation 10: consider toxicology testing when starting opioids and at least once a year during long-term therapy, to inform care, not to punish.")];

export const TOXICOLOGY_RULE: Rule = {
  id: "opioid.toxicology",
  version: 4,
  title: "Toxicology testing",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!onAnyOpioid(facts)) return noOpioid();
    if (facts.classification.chronicity === "acute" && facts.opioidNaive && !facts.onMoud) {
      return notFired("an opioid started at this visit for acute pain: CDC 2022 rec. 10 asks for testing when opioids are prescribed for subacute or chronic pain");
    }
    const days = facts.assessment.opioidSafety.urineDrugTestDaysAgo;
    if (typeof days === "number" && days <= TOXICOLOGY_INTERVAL_DAYS) return notFired(`tested ${count(days, "day")} ago (within ${TOXICOLOGY_INTERVAL_DAYS})`);
    const when = days === null ? "never tested" : days === undefined ? "no test documented" : `last tested ${count(days, "day")} ago`;
    draft.alert({
      code: "urine-drug-test-due",
      severity: "warning",
      summary: `Urine drug test due (${when})`,
      detail: "Discuss the purpose with the patient first; an unexpected result is a reason for a conversation and closer care, not for dismissal.",
      evidence: TOXICOLOGY_EVIDENCE,
    });
    draft.suggest(this.id, RANK.safety, { therapy: "urine-drug-test", step: "pharmacologic", title: "Urine drug test", detail: `Due: ${when}; at least once a year on long-term opioids.`, evidence: TOXICOLOGY_EVIDENCE });
    return fired(`${when} (due every ${TOXICOLOGY_INTERVAL_DAYS} days)`);
  },
};
