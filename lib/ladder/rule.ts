import type { SourceId } from "@/lib/evidence/sources";
import type { Facts } from "./facts";
import type { TaperSchedule } from "./taper-schedule";
import type { Alert, AvoidEntry, EvidenceRef, Suggestion, TraceOutcome } from "./recommendation";
import type { Step, TherapyId } from "./vocabulary";

// A rule: an id that never changes meaning, a version bumped whenever its logic changes, the sources it cites,
// and a function that reads the facts, adds to the draft, and says why it did or did not fire.

export type RuleResult = { outcome: TraceOutcome; because: string };

export type Rule = {
  id: string;
  version: number;
  title: string;
  cites: readonly SourceId[];
  evaluate(facts: Facts, draft: Draft): RuleResult;
};

/** Where suggestions go in `next`: the ladder's primary first, then companions, then safety work. */
export const RANK = { primary: 0, workup: 1, companion: 10, option: 20, safety: 30 } as const;

type Ranked = { rank: number; suggestion: Suggestion };

export class Draft {
  suspended = false;
  step: Step = "conservative";
  rationale = "";
  taperSchedule: TaperSchedule | null = null;
  /** The rule being evaluated: every alert and avoid entry is stamped with it, so its trace can be shown beside it. */
  ruleId = "";
  private readonly ranked: Ranked[] = [];
  private readonly suggested = new Set<TherapyId>();
  readonly alerts: Alert[] = [];
  readonly avoid: AvoidEntry[] = [];

  suggest(ruleId: string, rank: number, item: { therapy: TherapyId; step: Step; title: string; detail: string; evidence: EvidenceRef[] }): void {
    this.ranked.push({ rank, suggestion: { id: `${ruleId}/${item.therapy}`, therapy: item.therapy, step: item.step, title: item.title, detail: item.detail, evidence: item.evidence } });
    this.suggested.add(item.therapy);
  }

  alert(alert: Alert): void {
    alert.ruleId = this.ruleId;
    this.alerts.push(alert);
  }

  avoidTherapy(entry: AvoidEntry): void {
    if (this.avoid.some((existing) => existing.therapy === entry.therapy)) return;
    entry.ruleId = this.ruleId;
    this.avoid.push(entry);
  }

  suggests(therapy: TherapyId): boolean {
    return this.suggested.has(therapy);
  }

  /** Ordered by rank, then by the order rules added them (the sort is stable); one entry per therapy (the highest ranked). Called once, at the end. */
  next(): Suggestion[] {
    const seen = new Set<TherapyId>();
    const next: Suggestion[] = [];
    for (const { suggestion } of this.ranked.sort((a, b) => a.rank - b.rank)) {
      if (seen.has(suggestion.therapy)) continue;
      seen.add(suggestion.therapy);
      next.push(suggestion);
    }
    return next;
  }
}

export const fired = (because: string): RuleResult => ({ outcome: "fired", because });
export const notFired = (because: string): RuleResult => ({ outcome: "not-fired", because });
export const insufficient = (because: string): RuleResult => ({ outcome: "insufficient-data", because });
