import {
  acuteNsaid,
  duloxetine,
  HEAT,
  homeExercise,
  IMAGING_BEFORE_PROCEDURE,
  keepUpRoutine,
  MULTIDISCIPLINARY_REHABILITATION,
  nsaid,
  physicalTherapy,
  PSYCHOLOGICALLY_INFORMED_PT,
  selfManagement,
  type CareOption,
} from "../care-options";
import type { Facts } from "../facts";
import { chooseInterventional, procedureFor } from "../interventional-plan";
import { describeAdherenceThreshold, MODERATE_PAIN } from "../adequacy";
import { absolute, describeReasons } from "../medication-safety";
import { cite } from "../recommendation";
import { type Draft, fired, notFired, RANK, type Rule, type RuleResult } from "../rule";

// The ladder itself. Exactly one of these rules sets the step for an evaluation that is not suspended:
// acute care, the conservative rung, the medication rung or the interventional rung. Each names in its trace why
// the rungs below it count as tried (or unsafe), which is invariant 3 of the contract.

export const SEVERE_SCIATICA_INTENSITY = 7;

function place(draft: Draft, ruleId: string, primary: CareOption, companions: CareOption[], rationale: string): void {
  draft.step = primary.step;
  draft.rationale = rationale;
  draft.suggest(ruleId, RANK.primary, primary);
  for (const option of companions) draft.suggest(ruleId, RANK.companion, option);
}

/** The conservative choice matched to STarT Back risk: advice and self-management, PT, or psychologically informed PT. */
function conservativeByRisk(facts: Facts): { primary: CareOption; why: string } {
  const acute = !facts.chronic;
  const risk = facts.classification.startBack?.risk;
  const visitsUsedUp = facts.ptVisitsLeft === 0;
  const homeFailed = (["self-management", "home-exercise"] as const).some((t) => facts.trials.get(t)?.verdict === "failed");
  if (visitsUsedUp) return { primary: homeExercise(facts, "Covered PT visits are used up, so the home program carries the care: "), why: "covered PT visits are used up" };
  if (risk === "high") return { primary: PSYCHOLOGICALLY_INFORMED_PT, why: "high STarT Back risk" };
  if (risk === "low" && !homeFailed) return { primary: selfManagement(facts), why: "low STarT Back risk, so advice and self-management first" };
  if (risk === undefined && acute) return { primary: selfManagement(facts), why: "STarT Back not recorded, so advice to stay active and self-management, reassessing risk if pain persists" };
  if (risk === "low") return { primary: physicalTherapy(facts), why: "low STarT Back risk, but an adequate self-management trial did not help" };
  return { primary: physicalTherapy(facts), why: risk === "medium" ? "medium STarT Back risk" : "STarT Back not recorded, so physical therapy as the default first step for chronic pain" };
}

/** The chronic rungs apply only when the ladder is not suspended and the pain is chronic. */
function offTheChronicLadder(facts: Facts, draft: Draft): RuleResult | null {
  if (draft.suspended) return notFired("ladder suspended for red-flag work-up");
  if (!facts.chronic) return notFired("pain is not chronic");
  return null;
}

function remainingVisitsNote(facts: Facts): string {
  return facts.ptVisitsLeft === null ? "" : ` ${facts.ptVisitsLeft} covered visit${facts.ptVisitsLeft === 1 ? "" : "s"} left this year.`;
}

export const ACUTE_CARE_RULE: Rule = {
  id: "ladder.acute-care",
  version: 7,
  title: "Acute or subacute pain: stay active, stratified care",
  cites: ["acp-2017", "nice-ng59", "hill-2011-start-back-trial", "apta-cpg-2021", "alrwaily-2016-tbc", "backstep-source-article", "asra-2018-pain-procedures"],
  evaluate(facts, draft) {
    if (draft.suspended) return notFired("ladder suspended for red-flag work-up");
    if (facts.chronic) return notFired("pain is chronic: the chronic ladder applies");
    const { primary, why } = conservativeByRisk(facts);
    const companions = [primary.therapy === "self-management" ? homeExercise(facts) : selfManagement(facts)];
    if (facts.assessment.profile === "us") companions.push(HEAT);
    place(draft, this.id, primary, companions, `Not yet chronic: reassure, keep active and match care to risk (${why}).`);
    const nsaidUnsafe = absolute(facts.nsaidContraindications);
    if (!nsaidUnsafe.length) draft.suggest(this.id, RANK.option, acuteNsaid(facts));
    const medicine = nsaidUnsafe.length ? `no NSAID: unsafe here (${describeReasons(nsaidUnsafe)})` : "an NSAID if a medicine is wanted";
    const { intensity } = facts.assessment.pain;
    if (facts.assessment.profile === "uk" && facts.classification.radicular && intensity >= SEVERE_SCIATICA_INTENSITY) {
      draft.suggest(
        this.id,
        RANK.option,
        procedureFor(facts, {
          therapy: "epidural-steroid-injection",
          step: "interventional",
          title: "Consider an epidural injection for acute severe sciatica",
          detail: `Acute sciatica at ${intensity}/10: NICE allows an epidural of local anaesthetic and steroid for acute and severe sciatica, alongside staying active. It is the one exception to the ladder's order.`,
          evidence: [cite("nice-ng59", "Consider epidural injections of local anaesthetic and steroid in people with acute and severe sciatica.")],
        }),
      );
      return fired(`${facts.classification.chronicity} pain; ${why}; ${medicine}; uk profile: acute severe sciatica (${intensity}/10), so an epidural is an option (NICE exception)`);
    }
    return fired(`${facts.classification.chronicity} pain; ${why}; ${medicine}`);
  },
};

export const CONSERVATIVE_RULE: Rule = {
  id: "ladder.conservative",
  version: 6,
  title: "Conservative rung: PT and self-management matched to the person",
  cites: ["acp-2017", "nice-ng59", "apta-cpg-2021", "hill-2011-start-back-trial", "alrwaily-2016-tbc", "backstep-source-article", "chou-2009-aps-interventional"],
  evaluate(facts, draft) {
    const off = offTheChronicLadder(facts, draft);
    if (off) return off;
    const status = facts.conservative;
    if (status.state === "tried") return notFired(status.because);
    const trial = status.trial;
    const visitsUsedUp = facts.ptVisitsLeft === 0;
    switch (status.state) {
      case "in-progress": {
        const continuing = trial?.therapy === "physical-therapy" && !visitsUsedUp ? physicalTherapy(facts, remainingVisitsNote(facts)) : trial?.therapy === "psychologically-informed-pt" && !visitsUsedUp ? PSYCHOLOGICALLY_INFORMED_PT : homeExercise(facts);
        place(draft, this.id, { ...continuing, title: `Continue: ${continuing.title.toLowerCase()}` }, [continuing.therapy === "home-exercise" ? selfManagement(facts) : homeExercise(facts)], "A conservative program is under way and not yet long enough to judge: keep going and review at its end.");
        return fired(`in progress: ${status.because}`);
      }
      case "responding":
        place(draft, this.id, keepUpRoutine(facts), [homeExercise(facts)], "Conservative care is working: keep the daily routine going; no medicines or procedures are needed.");
        return fired(`responding: ${status.because}`);
      case "low-adherence": {
        const again = trial?.therapy === "physical-therapy" && !visitsUsedUp ? physicalTherapy(facts, remainingVisitsNote(facts)) : homeExercise(facts, "Restart with a program small enough to keep up: ");
        place(
          draft,
          this.id,
          { ...again, title: `${again.title}, with adherence support`, detail: `${again.detail} Agree one small daily goal and check it at every visit.` },
          [again.therapy === "home-exercise" ? selfManagement(facts) : homeExercise(facts, "Start small: ")],
          `The last program was not really tried (below ${describeAdherenceThreshold(facts.assessment.settings.adherenceThresholdPercent)}), so the plan stays on this rung with support rather than moving up.`,
        );
        return fired(`stays conservative: ${status.because}`);
      }
      default: {
        const { primary, why } = conservativeByRisk(facts);
        const companions = primary.therapy === "self-management" ? [homeExercise(facts)] : primary.therapy === "home-exercise" ? [selfManagement(facts)] : [homeExercise(facts), selfManagement(facts)];
        if (facts.classification.startBack?.risk === "high") companions.push(MULTIDISCIPLINARY_REHABILITATION);
        place(draft, this.id, primary, companions, `Start with non-drug care: ${why}.`);
        return fired(`${status.because}; ${why}`);
      }
    }
  },
};

export const PHARMACOLOGIC_RULE: Rule = {
  id: "ladder.pharmacologic",
  version: 9,
  title: "Medication rung: added to conservative care",
  cites: ["acp-2017", "nice-ng59", "backstep-source-article", "apta-cpg-2021", "duloxetine-label"],
  evaluate(facts, draft) {
    const off = offTheChronicLadder(facts, draft);
    if (off) return off;
    const conservative = facts.conservative;
    if (conservative.state !== "tried") return notFired(`conservative rung not yet tried adequately (${conservative.because})`);
    const pharmacologic = facts.pharmacologic;
    if (pharmacologic.state === "not-needed") {
      place(
        draft,
        this.id,
        keepUpRoutine(facts),
        [homeExercise(facts)],
        `Conservative care was tried adequately, and the pain is mild now (${facts.assessment.pain.intensity}/10): a medicine would add its risks for little gain. Keep the exercise and self-management going, and review if the pain reaches ${MODERATE_PAIN}/10 or more.`,
      );
      return fired(`${conservative.because}; ${pharmacologic.because}`);
    }
    if (pharmacologic.state === "exhausted" || !pharmacologic.option) return notFired(pharmacologic.because);
    const continuing = pharmacologic.state === "active";
    const medicine = pharmacologic.option.option === "nsaid" ? nsaid(facts, continuing) : duloxetine(facts, continuing);
    // Burning or electric pain: duloxetine, the nerve-pain option, is offered beside a first NSAID (us profile only).
    const duloxetineOption = pharmacologic.options.find((o) => o.option === "duloxetine");
    if (medicine.therapy === "nsaid" && facts.assessment.pain.neuropathicQuality === true && duloxetineOption?.state === "available") {
      draft.suggest(this.id, RANK.option, { ...duloxetine(facts, false), title: "Or duloxetine, for burning or electric (neuropathic) pain" });
    }
    place(
      draft,
      this.id,
      medicine,
      [homeExercise(facts, "Keep the exercise program going alongside the medicine: "), selfManagement(facts)],
      `Conservative care was tried adequately (${conservative.trial?.because ?? "see trace"}), so a medicine is added to it, not instead of it.`,
    );
    return fired(`${conservative.because}; medication: ${pharmacologic.because}`);
  },
};

/** How the home program sits beside what the interventional rung chose: a procedure, a rehabilitation program, or neither. */
function exercisePrefix(primary: CareOption): string {
  if (primary.step === "interventional") return "Keep exercising through the procedure and after it: ";
  return primary.therapy === "multidisciplinary-rehabilitation" ? "Between sessions and after the program: " : "";
}

export const INTERVENTIONAL_RULE: Rule = {
  id: "ladder.interventional",
  version: 10,
  title: "Interventional rung: only after the rungs below were tried or are unsafe",
  cites: ["chou-2009-aps-interventional", "nice-ng59", "nice-ta159-scs", "backstep-source-article", "acp-2017", "apta-cpg-2021", "acr-2021-imaging", "asra-2018-pain-procedures"],
  evaluate(facts, draft) {
    const off = offTheChronicLadder(facts, draft);
    if (off) return off;
    const conservative = facts.conservative;
    if (conservative.state !== "tried") return notFired(`conservative rung not yet tried adequately (${conservative.because})`);
    const pharmacologic = facts.pharmacologic;
    if (pharmacologic.state !== "exhausted") return notFired(`medication rung still has an option (${pharmacologic.because})`);
    const choice = chooseInterventional(facts);
    const companions = [homeExercise(facts, exercisePrefix(choice.option)), ...(choice.needsImaging ? [IMAGING_BEFORE_PROCEDURE] : [])];
    place(draft, this.id, choice.option, companions, `Conservative care and medicines were tried or are unsafe; next: ${choice.option.title.toLowerCase()} (${choice.because}).`);
    return fired(`${conservative.because}; ${pharmacologic.because}; ${choice.because}`);
  },
};
