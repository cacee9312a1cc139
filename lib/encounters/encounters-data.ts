import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deniedIfNotFound, deny, targetOf, recordId } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput, toFieldIssues } from "@/lib/validation";
import { ageInYears, toIsoDate } from "@/lib/dates";
import { assessmentSchema, type Assessment, type AssessmentInput } from "@/lib/ladder/assessment-schema";
import { evaluate } from "@/lib/ladder/evaluate";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { compareRecommendations, type RecommendationDiff } from "@/lib/ladder/compare-recommendations";
import { visiblePatients } from "@/lib/patients/patient-scope";
import { carryForward } from "./carry-forward";
import type { TherapyId } from "@/lib/ladder/vocabulary";
import { checkDecisions } from "./check-decisions";
import type { EhrSource, EncounterDetail } from "./encounter-dto";
import type { DecisionReason } from "./decision-reasons";
import { decisionInput, draftInput, orderInput, signInput, type DecisionInput, type OrderInput } from "./sign-input";
import { NALOXONE_ORDER, orderCode, storedMedicationOrder, toVisitOrderIssues, withDraftedOrders } from "./visit-orders";
import { completeSupply } from "./supply";
import { taperProgress } from "./taper-progress";
import { taperScheduleFor, type TaperSchedule } from "@/lib/ladder/taper-schedule";
import { encounterFacts } from "@/lib/measures/encounter-facts";
import { factRow, linkPreviousEncounters } from "@/lib/measures/fact-store";
import { queueMeasureCases } from "@/lib/measures/measure-cases";
import { plainText } from "@/lib/plain-text";

const encounterId = z.uuid({ error: "Encounter id must be a UUID" });

/** Opens a draft visit for a patient, dated today, carrying the last visit's history forward; today's draft, if there is one, is resumed instead. */
export async function startEncounter(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(db(), actor, "create", "encounter", { action: "encounter.start", entityType: "patient", entityId: targetOf(input, "patientId") });
  const { patientId } = parseInput(z.object({ patientId: z.uuid({ error: "Patient id must be a UUID" }) }), input);
  const created = await db().$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { AND: [{ id: patientId }, visiblePatients(actor)] },
      select: { id: true, birthDate: true, sex: true, organization: { select: { guidelineProfile: true, ptVisitLimit: true, adherenceThresholdPercent: true } } },
    });
    if (!patient) return null;
    const today = new Date();
    const visitDate = new Date(`${toIsoDate(today)}T00:00:00Z`);
    const open = await tx.encounter.findFirst({ where: { patientId, organizationId: actor.organizationId, status: "draft", date: visitDate }, select: { id: true } });
    if (open) {
      await recordAudit(tx, { actor, action: "encounter.resume", outcome: "success", entityType: "encounter", entityId: open.id, patientId });
      return open;
    }
    const last = await tx.encounter.findFirst({
      where: { patientId, status: "signed" },
      orderBy: [{ date: "desc" }, { signedAt: "desc" }],
      select: {
        assessment: true,
        date: true,
        createdAt: true,
        orders: { where: { kind: { in: ["medication", "naloxone", "urine_drug_test"] } }, orderBy: [{ orderedAt: "asc" }, { position: "asc" }, { id: "asc" }], select: { kind: true, medicationAction: true, detail: true } },
      },
    });
    // PT discharges since the last visit become part of the history the engine reads.
    const discharged = await tx.treatmentCourse.findMany({
      where: { patientId, source: "referral", ...(last ? { createdAt: { gt: last.createdAt } } : {}) },
      orderBy: { createdAt: "asc" },
      select: { therapy: true, status: true, weeks: true, sessions: true, adherencePercent: true, response: true },
    });
    const assessment = carryForward(
      last
        ? {
            assessment: last.assessment as Partial<AssessmentInput>,
            daysAgo: Math.round((visitDate.getTime() - last.date.getTime()) / 86_400_000),
            medicationOrders: last.orders.filter((order) => order.kind === "medication").map(storedMedicationOrder),
            naloxoneOrdered: last.orders.some((order) => order.kind === "naloxone"),
            drugTestOrdered: last.orders.some((order) => order.kind === "urine_drug_test"),
          }
        : null,
      { ageYears: ageInYears(patient.birthDate, today), sex: patient.sex },
      { profile: patient.organization.guidelineProfile, ptVisitLimit: patient.organization.ptVisitLimit, adherenceThresholdPercent: patient.organization.adherenceThresholdPercent },
      toIsoDate(today),
      discharged.map((course) => ({
        therapy: course.therapy as TherapyId,
        status: "completed" as const,
        ...(course.weeks !== null ? { weeks: course.weeks } : {}),
        ...(course.sessions !== null ? { sessions: course.sessions } : {}),
        ...(course.adherencePercent !== null ? { adherencePercent: course.adherencePercent } : {}),
        ...(course.response !== null ? { response: course.response as "good" | "partial" | "none" } : {}),
      })),
    );
    const encounter = await tx.encounter.create({
      data: {
        organizationId: actor.organizationId,
        patientId,
        clinicianId: actor.userId,
        siteId: actor.siteId,
        date: visitDate,
        assessment: assessment as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "encounter.start", outcome: "success", entityType: "encounter", entityId: encounter.id, patientId });
    return encounter;
  });
  if (!created) return deny(db(), actor, { action: "encounter.start", entityType: "patient", entityId: patientId }, new AppError("not-found", "No such patient."));
  return created;
}

export async function getEncounter(actor: Actor, id: unknown): Promise<EncounterDetail> {
  await authorize(db(), actor, "read", "encounter", { action: "encounter.read", entityType: "encounter", entityId: targetOf(id) });
  const parsedId = await recordId(db(), actor, { action: "encounter.read", entityType: "encounter" }, encounterId, id);
  const row = await db().$transaction(async (tx) => {
    const found = await tx.encounter.findFirst({
      where: { id: parsedId, organizationId: actor.organizationId },
      select: {
        id: true,
        date: true,
        status: true,
        version: true,
        assessment: true,
        draftOrders: true,
        draftDecisions: true,
        signedAt: true,
        ehrSource: true,
        clinician: { select: { name: true } },
        patient: { select: { id: true, givenName: true, familyName: true, mrn: true, birthDate: true, sex: true } },
        recommendations: { orderBy: { createdAt: "desc" }, take: 1, select: { output: true } },
        decisions: { orderBy: { decidedAt: "asc" }, select: { target: true, itemKey: true, response: true, reasonCode: true, comment: true, decidedAt: true, decidedBy: { select: { name: true } } } },
        orders: { orderBy: [{ orderedAt: "asc" }, { position: "asc" }, { id: "asc" }], select: { id: true, kind: true, code: true, medicationAction: true, detail: true, quantity: true, daysSupply: true, orderedAt: true } },
        addenda: { orderBy: { createdAt: "asc" }, select: { text: true, createdAt: true, author: { select: { name: true } } } },
        referrals: { orderBy: { createdAt: "asc" }, take: 1, select: { toSite: { select: { name: true, phone: true, address: true } } } },
        organization: { select: { profileSwitchAllowed: true, adherenceThresholdPercent: true } },
      },
    });
    if (!found) return null;
    await recordAudit(tx, { actor, action: "encounter.read", outcome: "success", entityType: "encounter", entityId: found.id, patientId: found.patient.id });
    // A visit under way shows the step of the taper agreed at the latest signed visit that ordered one.
    const taper =
      found.status === "draft"
        ? await tx.order.findFirst({
            where: { patientId: found.patient.id, kind: "taper_plan", encounter: { organizationId: actor.organizationId, status: "signed", date: { lte: found.date } } },
            orderBy: [{ encounter: { date: "desc" } }, { orderedAt: "desc" }, { position: "desc" }],
            select: { detail: true, encounter: { select: { date: true } } },
          })
        : null;
    return { ...found, taper };
  });
  if (!row) return deny(db(), actor, { action: "encounter.read", entityType: "encounter", entityId: parsedId }, new AppError("not-found", "No such encounter."));
  return {
    id: row.id,
    patient: {
      id: row.patient.id,
      name: `${row.patient.givenName} ${row.patient.familyName}`,
      mrn: row.patient.mrn,
      ageYears: ageInYears(row.patient.birthDate, row.date),
      sex: row.patient.sex,
    },
    clinicianName: row.clinician.name,
    date: toIsoDate(row.date),
    status: row.status,
    version: row.version,
    // A visit under way runs under the organization's settings as they are now; a signed one keeps those it was signed under.
    assessment: row.status === "draft" ? withOrganizationSettings(row.assessment as Partial<AssessmentInput>, row.organization) : (row.assessment as Partial<AssessmentInput>),
    signedAt: row.signedAt?.toISOString() ?? null,
    recommendation: (row.recommendations[0]?.output as Recommendation | undefined) ?? null,
    decisions: row.decisions.map((d) => ({ ...d, reasonCode: d.reasonCode as DecisionReason | null, decidedBy: d.decidedBy.name, decidedAt: d.decidedAt.toISOString() })),
    orders: row.orders.map(({ quantity, daysSupply, ...o }) => ({ ...o, supply: quantity !== null && daysSupply !== null ? { quantity, daysSupply } : null, orderedAt: o.orderedAt.toISOString() })),
    addenda: row.addenda.map((a) => ({ author: a.author.name, text: a.text, createdAt: a.createdAt.toISOString() })),
    ptClinic: row.referrals[0]?.toSite ?? null,
    draft:
      row.status === "draft"
        ? {
            ...savedDraftWork(row.draftOrders, row.draftDecisions),
            taper: row.taper ? taperProgress(toIsoDate(row.taper.encounter.date), row.taper.detail, toIsoDate(row.date)) : null,
            profileLocked: !row.organization.profileSwitchAllowed,
          }
        : null,
    ehrSource: ehrSourceOf(row.ehrSource),
  };
}

const ehrSourceSchema = z.object({ issuer: z.string(), mappingVersion: z.string(), filled: z.array(z.string()), missing: z.array(z.string()), notChecked: z.array(z.string()) });
const ehrSourceOf = (value: unknown): EhrSource | null => ehrSourceSchema.safeParse(value).data ?? null;

function withOrganizationSettings(assessment: Partial<AssessmentInput>, settings: { adherenceThresholdPercent: number }): Partial<AssessmentInput> {
  return { ...assessment, settings: { adherenceThresholdPercent: settings.adherenceThresholdPercent } };
}

/** The orders and decisions saved with a draft; any no longer well-formed (a vocabulary changed since) is left out. */
function savedDraftWork(orders: unknown, decisions: unknown): { orders: OrderInput[]; decisions: DecisionInput[] } {
  return { orders: wellFormed(orders, orderInput), decisions: wellFormed(decisions, decisionInput) };
}

function wellFormed<T>(items: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Why an update of a draft touched no row: gone, signed, or changed by someone else since it was read. */
async function explainStaleDraft(tx: Prisma.TransactionClient, actor: Actor, id: string): Promise<AppError> {
  const current = await tx.encounter.findFirst({ where: { id, organizationId: actor.organizationId }, select: { status: true, version: true } });
  if (!current) return new AppError("not-found", "No such encounter.");
  if (current.status === "signed") return new AppError("conflict", "This encounter has been signed; add an addendum instead.");
  return new AppError("conflict", "Someone else saved this encounter after you opened it. Your changes are kept on screen: reload to see theirs, then re-apply yours.", [
    { path: "version", message: `the encounter is now at version ${current.version}` },
  ]);
}

/** Saves a draft (possibly incomplete). The version read must still be current: no silent overwrites. */
export async function saveDraft(actor: Actor, input: unknown): Promise<{ version: number }> {
  await authorize(db(), actor, "update", "encounter", { action: "encounter.save-draft", entityType: "encounter", entityId: targetOf(input, "encounterId") });
  const { encounterId: id, version, assessment, orders, decisions } = parseInput(draftInput, input);
  const denial = { action: "encounter.save-draft", entityType: "encounter", entityId: id } as const;
  return deniedIfNotFound(db(), actor, denial, () => db().$transaction(async (tx) => {
    const updated = await tx.encounter.updateMany({
      where: { id, organizationId: actor.organizationId, status: "draft", version },
      data: { assessment: assessment as Prisma.InputJsonValue, draftOrders: orders, draftDecisions: decisions, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await explainStaleDraft(tx, actor, id);
    await recordAudit(tx, { actor, action: "encounter.save-draft", outcome: "success", entityType: "encounter", entityId: id, detail: { version: version + 1 } });
    return { version: version + 1 };
  }));
}

/**
 * Signs a draft: re-evaluates the assessment on the server, and in one transaction stores the recommendation with
 * its rule-set version, the decisions, the orders (a PT referral goes to the clinic's queue) and the audit event.
 */
export async function signEncounter(actor: Actor, input: unknown): Promise<{ version: number; recommendation: Recommendation }> {
  await authorize(db(), actor, "sign", "encounter", { action: "encounter.sign", entityType: "encounter", entityId: targetOf(input, "encounterId") });
  const parsed = parseInput(signInput, input);
  const denial = { action: "encounter.sign", entityType: "encounter", entityId: parsed.encounterId } as const;
  return deniedIfNotFound(db(), actor, denial, () => db().$transaction(async (tx) => {
    const encounter = await tx.encounter.findFirst({
      where: { id: parsed.encounterId, organizationId: actor.organizationId },
      select: {
        id: true,
        date: true,
        patientId: true,
        siteId: true,
        status: true,
        version: true,
        patient: { select: { birthDate: true, sex: true } },
        organization: { select: { guidelineProfile: true, profileSwitchAllowed: true, adherenceThresholdPercent: true } },
      },
    });
    if (!encounter) throw new AppError("not-found", "No such encounter.");
    if (encounter.status !== "draft" || encounter.version !== parsed.version) throw await explainStaleDraft(tx, actor, encounter.id);
    const { guidelineProfile, profileSwitchAllowed, adherenceThresholdPercent } = encounter.organization;
    if (!profileSwitchAllowed && (parsed.assessment.profile ?? "us") !== guidelineProfile) {
      throw new AppError("invalid-input", "Your organization uses one guideline profile for every visit.", [{ path: "assessment.profile", message: `your organization uses the ${guidelineProfile} profile for every visit` }]);
    }
    // The adherence threshold is the organization's; one changed while the visit was open must be seen before signing.
    const sentThreshold = (parsed.assessment.settings as { adherenceThresholdPercent?: unknown } | undefined)?.adherenceThresholdPercent;
    if (sentThreshold !== undefined && sentThreshold !== adherenceThresholdPercent) {
      throw new AppError("conflict", `Your organization's adherence threshold is now ${adherenceThresholdPercent}%. Reload the visit to see the recommendation under it, then sign.`, [
        { path: "assessment.settings.adherenceThresholdPercent", message: `your organization's adherence threshold is ${adherenceThresholdPercent}%` },
      ]);
    }

    if ("orders" in parsed.assessment) {
      throw new AppError("invalid-input", "Orders are sent as the visit's orders, not inside the assessment.", [{ path: "assessment.orders", message: "send orders as the visit's orders" }]);
    }
    // The record, not the form, says who the patient is, when the visit was and what the organization's settings are.
    const contract = assessmentSchema.safeParse({
      ...withOrganizationSettings(parsed.assessment, encounter.organization),
      asOf: toIsoDate(encounter.date),
      patient: { ...(parsed.assessment.patient as object), ageYears: ageInYears(encounter.patient.birthDate, encounter.date), sex: encounter.patient.sex },
    });
    if (!contract.success) {
      const issues = toFieldIssues(contract.error).map((issue) => ({ path: `assessment.${issue.path}`, message: issue.message }));
      throw new AppError("invalid-input", "The assessment is incomplete or has errors.", issues);
    }
    const assessment = contract.data;
    const judged = assessmentSchema.safeParse(withDraftedOrders(assessment, parsed.orders));
    if (!judged.success) throw new AppError("invalid-input", "Some orders do not fit the medication list.", toVisitOrderIssues(toFieldIssues(judged.error), parsed.orders));
    const recommendation = evaluate(judged.data);
    const taperIndex = parsed.orders.findIndex((order) => order.kind === "taper_plan");
    // A taper follows the engine's schedule: the one it suggested, or, asked for without a suggestion, the same pacing.
    const taper = taperIndex < 0 ? null : (recommendation.taperSchedule ?? taperScheduleFor(judged.data));
    if (taperIndex >= 0 && !taper) throw new AppError("invalid-input", "A taper plan needs an opioid for pain on the list.", [{ path: `orders.${taperIndex}`, message: "no opioid for pain to taper" }]);
    const decisionIssues = checkDecisions(recommendation, parsed.decisions);
    if (decisionIssues.length) throw new AppError("invalid-input", "Some decisions need attention before signing.", decisionIssues);

    const signedAt = new Date();
    const updated = await tx.encounter.updateMany({
      where: { id: encounter.id, status: "draft", version: parsed.version },
      data: { assessment: assessment as Prisma.InputJsonValue, draftOrders: [], draftDecisions: [], status: "signed", signedAt, signedById: actor.userId, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await explainStaleDraft(tx, actor, encounter.id);
    const stored = await tx.recommendation.create({
      data: {
        encounterId: encounter.id,
        contractVersion: recommendation.contractVersion,
        rulesetVersion: recommendation.rulesetVersion,
        profile: recommendation.profile,
        suspended: recommendation.ladder.suspended,
        step: recommendation.ladder.step,
        output: recommendation as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    const severityOf = new Map(recommendation.alerts.map((a) => [a.code, a.severity]));
    await tx.decision.createMany({
      data: parsed.decisions.map((d) => ({
        encounterId: encounter.id,
        recommendationId: stored.id,
        target: d.target,
        itemKey: d.itemKey,
        severity: d.target === "alert" ? (severityOf.get(d.itemKey) ?? null) : null,
        response: d.response,
        reasonCode: d.reasonCode ?? null,
        comment: d.comment || null,
        decidedById: actor.userId,
        decidedAt: signedAt,
      })),
    });
    await storeOrders(tx, actor, encounter, parsed.orders, recommendation, assessment, taper);
    const factOrders = parsed.orders.map((order) =>
      order.kind === "medication" ? { kind: order.kind, code: orderCode(order), medicationAction: order.action, detail: order.medication } : { kind: order.kind, code: orderCode(order) },
    );
    const facts = encounterFacts(assessment, recommendation, factOrders, parsed.decisions);
    await tx.encounterFact.create({ data: factRow({ ...encounter, organizationId: actor.organizationId, clinicianId: actor.userId }, facts) });
    await linkPreviousEncounters(tx, [encounter.patientId]);
    await queueMeasureCases(tx, [encounter.patientId]);
    await recordAudit(tx, {
      actor,
      action: "encounter.sign",
      outcome: "success",
      entityType: "encounter",
      entityId: encounter.id,
      patientId: encounter.patientId,
      detail: { rulesetVersion: recommendation.rulesetVersion, step: recommendation.ladder.step, decisions: parsed.decisions.length, orders: parsed.orders.length },
    });
    return { version: parsed.version + 1, recommendation };
  }));
}


type MedicationOrderInput = Extract<OrderInput, { kind: "medication" }>;

/** A stored order the engine reads (a medication with its action, naloxone, a urine drug test) as the visit sent it. */
function storedOrder(order: { kind: string; medicationAction: MedicationOrderInput["action"] | null; detail: unknown }): OrderInput {
  if (order.kind === "naloxone") return { kind: "naloxone" };
  if (order.kind === "urine_drug_test") return { kind: "urine_drug_test" };
  return { kind: "medication", action: order.medicationAction ?? "new", medication: order.detail as MedicationOrderInput["medication"] };
}

const PT_PROGRAM = ["posture retraining", "core strengthening", "flexibility", "aerobic conditioning", "pain-tolerance building"];

async function storeOrders(
  tx: Prisma.TransactionClient,
  actor: Actor,
  encounter: { id: string; patientId: string },
  orders: OrderInput[],
  recommendation: Recommendation,
  assessment: Assessment,
  taper: TaperSchedule | null,
): Promise<void> {
  for (const [position, order] of orders.entries()) {
    const code = orderCode(order);
    const detail = order.kind === "medication" ? order.medication : order.kind === "taper_plan" ? taper : order.kind === "naloxone" ? NALOXONE_ORDER : order;
    const supply = order.kind === "medication" ? completeSupply(order.supply) : null;
    await tx.order.create({
      data: {
        encounterId: encounter.id,
        patientId: encounter.patientId,
        orderedById: actor.userId,
        kind: order.kind,
        code,
        medicationAction: order.kind === "medication" ? order.action : null,
        detail: detail as Prisma.InputJsonValue,
        quantity: supply?.quantity ?? null,
        daysSupply: supply?.daysSupply ?? null,
        position,
      },
    });
    if (order.kind !== "pt_referral") continue;
    const clinic = await tx.site.findFirst({ where: { organizationId: actor.organizationId, kind: "pt_clinic", retiredAt: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!clinic) throw new AppError("invalid-input", "Your organization has no PT clinic to refer to.", [{ path: "orders", message: "no PT clinic is set up" }]);
    const limit = assessment.coverage.ptVisitLimit;
    const used = assessment.coverage.ptVisitsUsedThisYear;
    await tx.referral.create({
      data: {
        organizationId: actor.organizationId,
        patientId: encounter.patientId,
        encounterId: encounter.id,
        referringClinicianId: actor.userId,
        toSiteId: clinic.id,
        priority: order.priority,
        coveredVisitsLeft: used === undefined ? null : Math.max(0, limit - used),
        classification: {
          tbcSubgroup: recommendation.classification.tbcSubgroup,
          startBackRisk: recommendation.classification.startBack?.risk ?? null,
          psychologicallyInformed: recommendation.classification.startBack?.risk === "high",
          painPattern: assessment.pain.aggravatedBy,
          directionalPreference: assessment.pain.directionalPreference ?? null,
          radicular: recommendation.classification.radicular,
          redFlagsCleared: assessment.redFlags.length === 0,
          program: PT_PROGRAM,
          goals: order.goals ?? null,
        },
      },
    });
  }
}

export async function addAddendum(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "encounter", { action: "encounter.addendum", entityType: "encounter", entityId: targetOf(input, "encounterId") });
  const { encounterId: id, text } = parseInput(z.object({ encounterId: encounterId, text: plainText(z.string().trim().min(1, { error: "Write the correction" }).max(5000), "text", "note") }), input);
  const denial = { action: "encounter.addendum", entityType: "encounter", entityId: id } as const;
  await deniedIfNotFound(db(), actor, denial, () => db().$transaction(async (tx) => {
    const encounter = await tx.encounter.findFirst({ where: { id, organizationId: actor.organizationId }, select: { status: true, patientId: true } });
    if (!encounter) throw new AppError("not-found", "No such encounter.");
    if (encounter.status !== "signed") throw new AppError("conflict", "A draft is edited directly; addenda are for signed encounters.");
    await tx.encounterAddendum.create({ data: { encounterId: id, authorId: actor.userId, text } });
    await recordAudit(tx, { actor, action: "encounter.addendum", outcome: "success", entityType: "encounter", entityId: id, patientId: encounter.patientId });
  }));
}

/**
 * Replays a signed encounter: its stored assessment (with the medications it ordered) through the current rule set,
 * compared with the recommendation stored at signing.
 */
export async function replayEncounter(actor: Actor, id: unknown): Promise<RecommendationDiff> {
  await authorize(db(), actor, "read", "encounter", { action: "encounter.replay", entityType: "encounter", entityId: targetOf(id) });
  const parsedId = await recordId(db(), actor, { action: "encounter.replay", entityType: "encounter" }, encounterId, id);
  const row = await db().$transaction(async (tx) => {
    const found = await tx.encounter.findFirst({
      where: { id: parsedId, organizationId: actor.organizationId, status: "signed" },
      select: {
        id: true,
        patientId: true,
        assessment: true,
        recommendations: { orderBy: { createdAt: "desc" }, take: 1, select: { output: true } },
        orders: { where: { kind: { in: ["medication", "naloxone", "urine_drug_test"] } }, orderBy: [{ orderedAt: "asc" }, { position: "asc" }, { id: "asc" }], select: { kind: true, medicationAction: true, detail: true } },
      },
    });
    if (!found?.recommendations[0]) return null;
    await recordAudit(tx, { actor, action: "encounter.replay", outcome: "success", entityType: "encounter", entityId: found.id, patientId: found.patientId });
    return found;
  });
  if (!row) return deny(db(), actor, { action: "encounter.replay", entityType: "encounter", entityId: parsedId }, new AppError("not-found", "No signed encounter to replay."));
  const orders = row.orders.map(storedOrder);
  // Records signed before orders were reconciled with the list may order one medicine twice; they replay without orders.
  const judged = assessmentSchema.safeParse(withDraftedOrders(row.assessment as object, orders));
  const current = evaluate(judged.success ? judged.data : assessmentSchema.parse(row.assessment));
  return compareRecommendations(row.recommendations[0]!.output as unknown as Recommendation, current);
}
