"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { recommend } from "@/lib/ladder/evaluate";
import type { DecisionInput, OrderInput } from "@/lib/encounters/sign-input";
import { withDraftedOrders } from "@/lib/encounters/visit-orders";
import type { FieldIssue } from "@/lib/errors";
import type { TaperProgress } from "@/lib/encounters/taper-progress";
import { saveDraftAction, signAction } from "@/app/(app)/encounters/actions";
import { AssessmentForm, type AssessmentDraft, type FieldErrors } from "./assessment-form";
import { decisionKey, type DecisionDraft } from "./decision-types";
import { MedicationReconciliation } from "./medication-reconciliation";
import { OrdersEditor } from "./orders-editor";
import type { TherapyId } from "@/lib/ladder/vocabulary";
import { RecommendationPanel, alertAnchor } from "./recommendation-panel";
import { STEP_LABEL } from "@/lib/ladder/step-labels";

type SaveState = { kind: "saved" | "saving" | "unsaved" } | { kind: "conflict" | "failed"; message: string };

function valueAt(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), value);
}

function saveMessage(save: SaveState): string {
  if ("message" in save) return save.message;
  return { saved: "All changes saved.", saving: "Saving…", unsaved: "Unsaved changes…" }[save.kind];
}

const AUTOSAVE_MS = 800;

const ORDER_FOR_SUGGESTION: Partial<Record<TherapyId, OrderInput>> = {
  naloxone: { kind: "naloxone" },
  "urine-drug-test": { kind: "urine_drug_test" },
  "opioid-taper-plan": { kind: "taper_plan" },
  "physical-therapy": { kind: "pt_referral", priority: "routine" },
  "psychologically-informed-pt": { kind: "pt_referral", priority: "routine" },
};

// What a new visit still needs, in the form's own words.
const TO_FILL_IN: Record<string, string> = {
  pain: "Duration (weeks) and average pain, last week (0-10)",
  "pain.durationWeeks": "Duration (weeks)",
  "pain.intensity": "Average pain, last week (0-10)",
};

type Decisions = Record<string, DecisionDraft>;
type Work = { assessment: AssessmentDraft; orders: OrderInput[]; decisions: Decisions };

const byKey = (decisions: readonly DecisionDraft[]): Decisions => Object.fromEntries(decisions.map((d) => [decisionKey(d.target, d.itemKey), d]));

// Decisions as the server keeps them: a blank reason or comment is no reason or comment.
const decisionList = (decisions: Decisions) =>
  Object.values(decisions).map((d) => ({ ...d, reasonCode: d.reasonCode || undefined, comment: d.comment?.trim() || undefined }));

type Props = {
  encounterId: string;
  initialVersion: number;
  initialAssessment: AssessmentDraft;
  initialOrders: OrderInput[];
  initialDecisions: DecisionInput[];
  taperInForce: TaperProgress | null;
  profileLocked: boolean;
};

/**
 * The visit: the assessment on the left, the engine's recommendation on the right, updated on every keystroke in the
 * browser. Drafts (assessment, orders and decisions) save as the clinician works; a copy stays in this browser so
 * nothing is lost if saving fails, and leaving the page before a save has landed asks first.
 */
export function EncounterWorkspace({ encounterId, initialVersion, initialAssessment, initialOrders, initialDecisions, taperInForce, profileLocked }: Props) {
  const router = useRouter();
  const backupKey = `backstep:draft:${encounterId}`;
  const [assessment, setAssessment] = useState<AssessmentDraft>(initialAssessment);
  // The version the next save or the signature is checked against. Saves run one after another, so a save sent
  // while another is on its way carries the version that one returns, not a stale one.
  const version = useRef(initialVersion);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const pendingSave = useRef<number | undefined>(undefined);
  const queuedSaves = useRef(0);
  const latestWork = useRef<Work | null>(null);
  const [decisions, setDecisions] = useState<Decisions>(() => byKey(initialDecisions));
  const [orders, setOrders] = useState<OrderInput[]>(initialOrders);
  const [save, setSave] = useState<SaveState>({ kind: "saved" });
  const [signIssues, setSignIssues] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const [signing, setSigning] = useState(false);
  const edited = useRef(false);

  // A copy kept in this browser survives a failed save or a closed tab; it is offered back on the next load.
  useEffect(() => {
    const saved = window.localStorage.getItem(backupKey);
    if (!saved) return;
    const backup = JSON.parse(saved) as { version: number } & Partial<Work>;
    if (backup.version === initialVersion && backup.assessment) {
      setAssessment(backup.assessment);
      if (backup.orders) setOrders(backup.orders);
      if (backup.decisions) setDecisions(backup.decisions);
      edited.current = true;
      setSave({ kind: "unsaved" });
    }
  }, [backupKey, initialVersion]);

  useEffect(() => {
    if (!edited.current) return;
    const work: Work = { assessment, orders, decisions };
    latestWork.current = work;
    window.localStorage.setItem(backupKey, JSON.stringify({ version: version.current, ...work }));
    if (save.kind === "conflict") return;
    setSave({ kind: "unsaved" });
    pendingSave.current = window.setTimeout(() => {
      pendingSave.current = undefined;
      queuedSaves.current += 1;
      saving.current = saving.current.then(() => saveDraft(work)).finally(() => (queuedSaves.current -= 1));
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(pendingSave.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the work alone: the version changes because of the save itself
  }, [assessment, orders, decisions]);

  // Closing or reloading the page before the work is saved asks first (the browser's own prompt).
  const pending = save.kind !== "saved";
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending]);

  const evaluation = useMemo(() => recommend(withDraftedOrders(assessment, orders)), [assessment, orders]);
  const recommendation = evaluation.ok ? evaluation.recommendation : null;
  const fieldErrors = useMemo(() => {
    const errors: FieldErrors = {};
    // Live: only values that are wrong, not fields still to fill; after a failed sign, everything the server named.
    if (!evaluation.ok) for (const issue of evaluation.error.issues) if (valueAt(assessment, issue.path) !== undefined) errors[issue.path] ??= issue.message;
    for (const issue of signIssues?.issues ?? []) if (issue.path.startsWith("assessment.")) errors[issue.path.slice("assessment.".length)] ??= issue.message;
    return errors;
  }, [evaluation, assessment, signIssues]);

  const update = (next: AssessmentDraft) => {
    edited.current = true;
    setAssessment(next);
  };
  const changeOrders = (next: OrderInput[]) => {
    edited.current = true;
    setOrders(next);
  };
  const decide = (decision: DecisionDraft) => {
    edited.current = true;
    setDecisions((all) => ({ ...all, [decisionKey(decision.target, decision.itemKey)]: decision }));
    // Accepting a suggestion that is an order drafts the order (once).
    const therapy = recommendation?.next.find((s) => s.id === decision.itemKey)?.therapy;
    const order = decision.target === "suggestion" && decision.response === "accepted" && therapy ? ORDER_FOR_SUGGESTION[therapy] : undefined;
    if (order && !orders.some((o) => o.kind === order.kind)) setOrders([...orders, order]);
  };

  const unanswered = recommendation?.alerts.filter((a) => a.severity === "critical" && !decisions[decisionKey("alert", a.code)]) ?? [];

  async function saveDraft(work: Work) {
    setSave({ kind: "saving" });
    try {
      const result = await saveDraftAction({ encounterId, version: version.current, assessment: work.assessment as Record<string, unknown>, orders: work.orders, decisions: decisionList(work.decisions) });
      if (result.ok) {
        version.current = result.version;
        // The browser's copy is the work on screen, which may be newer than this save, at the version now stored.
        window.localStorage.setItem(backupKey, JSON.stringify({ version: result.version, ...(latestWork.current ?? work) }));
        // Newer work waiting to be saved keeps the page "unsaved".
        if (queuedSaves.current === 1 && pendingSave.current === undefined) setSave({ kind: "saved" });
      } else {
        const message = result.code === "unavailable" ? `${result.message} Your changes are kept in this browser and will save when you type again.` : result.message;
        setSave({ kind: result.code === "conflict" ? "conflict" : "failed", message });
      }
    } catch {
      setSave({ kind: "failed", message: "Could not reach Backstep; your changes are kept in this browser and will save when you type again." });
    }
  }

  async function sign() {
    setSigning(true);
    setSignIssues(null);
    // What is signed is what is on screen: a save still waiting is dropped, one on its way is let land first.
    window.clearTimeout(pendingSave.current);
    await saving.current;
    const live = new Set([
      ...(recommendation?.next.map((s) => decisionKey("suggestion", s.id)) ?? []),
      ...(recommendation?.alerts.map((a) => decisionKey("alert", a.code)) ?? []),
      ...(recommendation?.avoid.map((a) => decisionKey("avoid", a.therapy)) ?? []),
    ]);
    const answered = decisionList(decisions).filter((d) => live.has(decisionKey(d.target, d.itemKey)));
    try {
      const result = await signAction({ encounterId, version: version.current, assessment, decisions: answered, orders });
      if (result.ok) {
        window.localStorage.removeItem(backupKey);
        router.refresh();
      } else {
        setSignIssues({ message: result.message, issues: result.issues });
      }
    } catch {
      setSignIssues({ message: "Could not reach Backstep. Nothing was lost: try signing again.", issues: [] });
    } finally {
      setSigning(false);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      {recommendation && (
        <a href="#live-recommendation" className="sticky top-0 z-10 block rounded-md border border-line bg-white p-2 text-sm shadow-sm lg:hidden" aria-label="Recommendation summary">
          <span className="font-medium">{STEP_LABEL[recommendation.ladder.step]}</span>
          {unanswered.length > 0 && <span className="ml-2 font-medium text-critical">{unanswered.length} critical {unanswered.length === 1 ? "alert" : "alerts"} to answer</span>}
        </a>
      )}
      <div className="space-y-4">
        <p role="status" aria-live="polite" className={`text-sm ${save.kind === "conflict" || save.kind === "failed" ? "text-critical" : "text-muted"}`}>
          {saveMessage(save)}
        </p>
        <AssessmentForm value={assessment} onChange={update} classification={recommendation?.classification ?? null} errors={fieldErrors} profileLocked={profileLocked} />
        <MedicationReconciliation assessment={assessment} orders={orders} onOrdersChange={changeOrders} taperInForce={taperInForce} />
        <OrdersEditor assessment={assessment} orders={orders} onOrdersChange={changeOrders} current={recommendation} decisions={decisions} onDecide={decide} />
        <div className="rounded-lg border border-line bg-white p-4">
          {signIssues && (
            <div role="alert" className="mb-3 text-sm text-critical">
              <p className="font-medium">{signIssues.message}</p>
              <ul className="list-inside list-disc">
                {signIssues.issues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>
                    {issue.path}: {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {unanswered.length > 0 && (
            <div className="mb-3 text-sm text-critical">
              <p className="font-medium">Answer each critical alert before signing:</p>
              <ul className="list-inside list-disc">
                {unanswered.map((alert) => (
                  <li key={alert.code}>
                    <a href={`#${alertAnchor(alert.code)}`} className="underline">
                      {alert.summary}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <button type="button" onClick={() => void sign()} disabled={signing || save.kind === "conflict"} className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
            {signing ? "Signing…" : "Sign encounter"}
          </button>
          <p className="mt-2 text-xs text-muted">Signing locks the encounter; later corrections are addenda.</p>
        </div>
      </div>
      <div id="live-recommendation" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto" tabIndex={0} aria-label="Live recommendation" role="region">
        {recommendation ? (
          <RecommendationPanel recommendation={recommendation} decisions={decisions} onDecide={decide} />
        ) : (
          <div className="rounded-lg border border-line bg-white p-4 text-sm">
            <p className="font-medium">The recommendation appears once the assessment is complete enough. Fill in:</p>
            <ul className="mt-2 list-inside list-disc text-muted">
              {!evaluation.ok &&
                evaluation.error.issues.slice(0, 8).map((issue) => <li key={`${issue.path}-${issue.message}`}>{TO_FILL_IN[issue.path] ?? `${issue.path}: ${issue.message}`}</li>)}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
