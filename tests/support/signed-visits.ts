import { randomUUID } from "node:crypto";
import type { Prisma } from "../../lib/db/generated/client";
import { assessmentSchema } from "../../lib/ladder/assessment-schema";
import { evaluate } from "../../lib/ladder/evaluate";
import type { Recommendation } from "../../lib/ladder/recommendation";
import { withDraftedOrders } from "../../lib/encounters/visit-orders";
import type { OrderInput } from "../../lib/encounters/sign-input";
import type { Medication } from "../../lib/ladder/assessment-schema";
import { deriveMissingFacts } from "../../lib/measures/fact-store";
import type { Actor } from "../../lib/access/actor";
import { assessment, type Overrides } from "./assessment";
import { testDb } from "./fixtures";

// Hand-built signed encounters for the measure tests: dated where the test needs them, with the recommendation the
// engine gives (ordered medications included, as at signing), the orders and the decisions.

export type VisitOrder =
  | { kind: "medication"; action?: "new" | "continue" | "change" | "stop"; medication: Medication }
  | { kind: "pt_referral" | "imaging" | "injection" | "specialist_referral"; code: string }
  | { kind: "naloxone" | "urine_drug_test" };
export type VisitDecision = { target: "suggestion" | "alert"; itemKey: string; response: "accepted" | "declined" | "acknowledged" | "overridden"; severity?: string; comment?: string };

export async function signedVisit(
  clinician: Actor,
  patientId: string,
  date: string,
  options: { assessment?: Overrides; orders?: VisitOrder[]; decisions?: (shown: Recommendation) => VisitDecision[]; siteId?: string | null } = {},
): Promise<string> {
  const db = testDb();
  const signed = assessmentSchema.parse({ ...assessment(options.assessment), asOf: date });
  const orders = options.orders ?? [];
  const drafted = orders.flatMap((o): OrderInput[] =>
    o.kind === "medication" ? [{ kind: "medication", action: o.action ?? "new", medication: o.medication }] : o.kind === "naloxone" || o.kind === "urine_drug_test" ? [{ kind: o.kind }] : [],
  );
  const shown = evaluate(assessmentSchema.parse(withDraftedOrders(signed, drafted)));
  const id = randomUUID();
  const at = new Date(`${date}T00:00:00Z`);
  await db.encounter.create({
    data: {
      id,
      organizationId: clinician.organizationId,
      patientId,
      clinicianId: clinician.userId,
      siteId: options.siteId === undefined ? clinician.siteId : options.siteId,
      date: at,
      status: "signed",
      signedAt: at,
      signedById: clinician.userId,
      assessment: signed as Prisma.InputJsonValue,
    },
  });
  const recommendation = await db.recommendation.create({
    data: { encounterId: id, contractVersion: shown.contractVersion, rulesetVersion: shown.rulesetVersion, profile: shown.profile, suspended: shown.ladder.suspended, step: shown.ladder.step, output: shown as unknown as Prisma.InputJsonValue },
  });
  await db.order.createMany({
    data: orders.map((o) => ({
      encounterId: id,
      patientId,
      orderedById: clinician.userId,
      kind: o.kind,
      code: o.kind === "medication" ? o.medication.drug : "code" in o ? o.code : o.kind === "naloxone" ? "naloxone" : "urine-drug-test",
      medicationAction: o.kind === "medication" ? (o.action ?? "new") : null,
      detail: (o.kind === "medication" ? o.medication : o) as Prisma.InputJsonValue,
      orderedAt: at,
    })),
  });
  await db.decision.createMany({
    data: (options.decisions?.(shown) ?? []).map((d) => ({
      encounterId: id,
      recommendationId: recommendation.id,
      target: d.target,
      itemKey: d.itemKey,
      severity: d.severity ?? null,
      response: d.response,
      reasonCode: d.response === "overridden" || d.response === "declined" ? "other" : null,
      comment: d.comment ?? null,
      decidedById: clinician.userId,
      decidedAt: at,
    })),
  });
  return id;
}

/** Derives the facts of the organization's hand-built encounters, as the launcher does for older records. */
export async function deriveFacts(organizationId: string): Promise<void> {
  await deriveMissingFacts(testDb(), organizationId);
}
