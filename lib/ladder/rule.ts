import type { SourceId } from "@/lib/evidence/sources";
import type { Facts } from "./facts";
import type { TaperSchedule } from "./taper-schedule";
import type { Alert, AvoidEntry, EvidenceRef, Suggestion, TraceEntry, TraceOutcome } from "./recommendation";
import type { Severity, Step, TherapyId } from "./vocabulary";

// A rule: an id that never changes meaning, a version bumped whenever its logic changes, the sources it cites,
// and a function that reads the facts, adds to the draft, and says why it did or did not fire.

/** A rule's result is its trace entry; the engine stamps it with the rule's id and version. */
export type RuleResult = TraceEntry;

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

/** Most severe first; a comparison rather than a lookup by key, which is slow when the key varies. */
const severityRank = (severity: Severity) => (severity === "critical" ? 0 : severity === "warning" ? 1 : 2);

export class Draft {
  suspended = false;
  step: Step = "conservative";
  rationale = "";
  taperSchedule: TaperSchedule | null = null;
  /** The rule being evaluated: every alert and avoid entry is stamped with it, so its trace can be shown beside it. */
  ruleId = "";
  private readonly ranked: Ranked[] = [];
  private readonly suggested: TherapyId[] = [];
  private readonly avoided: TherapyId[] = [];
  readonly alerts: Alert[] = [];
  readonly avoid: AvoidEntry[] = [];

  suggest(ruleId: string, rank: number, item: { therapy: TherapyId; step: Step; title: string; detail: string; evidence: EvidenceRef[] }): void {
    // Kept in rank order as they come (after any of equal rank), so `next` needs no sort.
    const ranked: Ranked = { rank, suggestion: { id: `${ruleId}/${item.therapy}`, therapy: item.therapy, step: item.step, title: item.title, detail: item.detail, evidence: item.evidence } };
    let at = this.ranked.length;
    while (at > 0 && (this.ranked[at - 1] as Ranked).rank > rank) at -= 1;
    if (at === this.ranked.length) this.ranked.push(ranked);
    else this.ranked.splice(at, 0, ranked);
    this.suggested.push(item.therapy);
  }

  alert(alert: Alert): void {
    alert.ruleId = this.ruleId;
    // Kept most severe first as they come (after any of equal severity), so `alerts` needs no sort.
    const rank = severityRank(alert.severity);
    let at = this.alerts.length;
    while (at > 0 && severityRank((this.alerts[at - 1] as Alert).severity) > rank) at -= 1;
    if (at === this.alerts.length) this.alerts.push(alert);
    else this.alerts.splice(at, 0, alert);
  }

  avoidTherapy(entry: AvoidEntry): void {
    if (this.avoids(entry.therapy)) return;
    entry.ruleId = this.ruleId;
    this.avoid.push(entry);
    this.avoided.push(entry.therapy);
  }

  avoids(therapy: TherapyId): boolean {
    return this.avoided.includes(therapy);
  }

  suggests(therapy: TherapyId): boolean {
    return this.suggested.includes(therapy);
  }

  /** Ordered by rank, then by the order rules added them; one entry per therapy (the highest ranked). */
  next(): Suggestion[] {
    const next: Suggestion[] = [];
    for (const { suggestion } of this.ranked) if (!next.some((s) => s.therapy === suggestion.therapy)) next.push(suggestion);
    return next;
  }
}

const result = (outcome: TraceOutcome, because: string): RuleResult => ({ ruleId: "", ruleVersion: 0, outcome, because });
export const fired = (because: string): RuleResult => result("fired", because);
export const notFired = (because: string): RuleResult => result("not-fired", because);
export const insufficient = (because: string): RuleResult => result("insufficient-data", because);
