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

type RankedSuggestion = Suggestion & { rank: number; order: number };

export class Draft {
  suspended = false;
  step: Step = "conservative";
  rationale = "";
  taperSchedule: TaperSchedule | null = null;
  private readonly suggestions: RankedSuggestion[] = [];
  readonly alerts: Alert[] = [];
  readonly avoid: AvoidEntry[] = [];

  suggest(ruleId: string, rank: number, item: { therapy: TherapyId; step: Step; title: string; detail: string; evidence: EvidenceRef[] }): void {
    this.suggestions.push({ id: `${ruleId}/${item.therapy}`, ...item, rank, order: this.suggestions.length });
  }

  alert(alert: Alert): void {
    this.alerts.push(alert);
  }

  avoidTherapy(entry: AvoidEntry): void {
    if (!this.avoid.some((existing) => existing.therapy === entry.therapy)) this.avoid.push(entry);
  }

  suggests(therapy: TherapyId): boolean {
    return this.suggestions.some((s) => s.therapy === therapy);
  }

  /** Ordered by rank, then by the order rules added them; one entry per therapy (the highest ranked). */
  next(): Suggestion[] {
    const seen = new Set<TherapyId>();
    return [...this.suggestions]
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .filter((s) => (seen.has(s.therapy) ? false : (seen.add(s.therapy), true)))
      .map(({ rank: _rank, order: _order, ...suggestion }) => suggestion);
  }
}

export const fired = (because: string): RuleResult => ({ outcome: "fired", because });
export const notFired = (because: string): RuleResult => ({ outcome: "not-fired", because });
export const insufficient = (because: string): RuleResult => ({ outcome: "insufficient-data", because });
