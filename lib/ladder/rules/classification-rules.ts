import { fired, insufficient, type Rule } from "../rule";
import { count } from "../wording";

// Not decisions but findings: the trace records how the screening scores and the PT classification came out.

export const SCREENING_SCORES_RULE: Rule = {
  id: "classification.screening-scores",
  version: 1,
  title: "Screening instruments scored",
  cites: ["hill-2008-start-back", "krebs-2009-peg", "fairbank-2000-odi", "kroenke-2003-phq2", "kroenke-2007-gad2"],
  evaluate(facts) {
    const { startBack, peg, odiPercent, phq2, gad2 } = facts.classification;
    let parts = startBack ? `STarT Back total ${startBack.total}, psychosocial ${startBack.psychosocial}: ${startBack.risk} risk (low if total 3 or less, high if psychosocial 4 or more)` : "";
    if (peg !== undefined) parts += `${parts ? "; " : ""}PEG ${peg}`;
    if (odiPercent !== undefined) parts += `${parts ? "; " : ""}Oswestry ${odiPercent}%`;
    if (phq2) parts += `${parts ? "; " : ""}PHQ-2 ${phq2.score}${phq2.positive ? " (positive)" : ""}`;
    if (gad2) parts += `${parts ? "; " : ""}GAD-2 ${gad2.score}${gad2.positive ? " (positive)" : ""}`;
    return parts ? fired(parts) : insufficient("no screening instrument recorded: risk stratification unknown");
  },
};

export const TBC_RULE: Rule = {
  id: "classification.tbc-subgroup",
  version: 2,
  title: "Treatment-based classification for the PT referral",
  cites: ["alrwaily-2016-tbc"],
  evaluate(facts) {
    const { pain } = facts.assessment;
    const subgroup = facts.classification.tbcSubgroup;
    let seen = pain.directionalPreference ? `directional preference ${pain.directionalPreference}` : "";
    if (facts.classification.radicular) seen += seen ? "; nerve-root signs" : "nerve-root signs";
    if (pain.aggravatedBy.length) seen += `${seen ? "; " : ""}worse with ${pain.aggravatedBy.join(", ")}`;
    if (!subgroup) return insufficient(seen ? `${seen}: no subgroup fits` : "no movement pattern recorded");
    return fired(`${subgroup} (from ${seen || `${count(pain.durationWeeks, "week")} of pain above the knee`})`);
  },
};
