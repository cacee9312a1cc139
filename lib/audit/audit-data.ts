import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { parseInput } from "@/lib/validation";
import { authorize } from "./guard";
import { recordAudit } from "./audit-log";
import type { Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/access/policy";
import { toIsoDate } from "@/lib/dates";
import { toCsv } from "@/lib/measures/csv";
import { AUDIT_ACTIONS } from "./audit-actions";
import type { AuditEventItem, AuditEventPage, AuditFilterOptions, AuditFilters } from "./audit-dto";
import { verifyAuditChain, type ChainStatus } from "./verify-chain";
import { auditChainKey } from "./chain-key";
import { sealPendingEvents } from "./audit-sealer";

const PAGE_SIZE = 50;
/** The most rows one export holds; a narrower filter gets the rest. */
export const EXPORT_LIMIT = 50_000;

const filtersShape = {
  user: z.uuid({ error: "user must be a user id" }).optional(),
  action: z.enum(AUDIT_ACTIONS, { error: "action must be one of the trail's actions" }).optional(),
  outcome: z.enum(["success", "failure", "denied"], { error: "outcome must be success, failure or denied" }).optional(),
  patient: z.uuid({ error: "patient must be a patient id" }).optional(),
  from: z.iso.date({ error: "from must be a date (YYYY-MM-DD)" }).optional(),
  to: z.iso.date({ error: "to must be a date (YYYY-MM-DD)" }).optional(),
  address: z
    .string()
    .trim()
    .max(45, { error: "address is at most 45 characters" })
    .regex(/^[0-9a-fA-F.:]*$/, { error: "address is an IP address or its beginning (digits, dots, colons)" })
    .optional(),
};
// Empty form fields arrive as "": they mean "any".
const blankIsAny = (input: unknown) => (input && typeof input === "object" ? Object.fromEntries(Object.entries(input).filter(([, v]) => v !== "" && v !== undefined)) : input);
const inOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const filtersInput = z.preprocess(blankIsAny, z.object(filtersShape).refine(inOrder, { error: "from must not be after to", path: ["to"] }));
const listInput = z.preprocess(
  blankIsAny,
  z
    .object({
      // An event number: a bigint id, so at most 19 digits.
      before: z.string().regex(/^\d{1,18}$/, { error: "before must be an event number" }).optional(),
      ...filtersShape,
    })
    .refine(inOrder, { error: "from must not be after to", path: ["to"] }),
);

/** The events a reader may see, narrowed by the filters. */
function visibleEvents(actor: Actor, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at = { ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}), ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } : {}) };
  return {
    // Sign-in attempts for no known account belong to no organization; every organization's trail shows them (they
    // carry the address and time, never the email tried), since they may be aimed at anyone.
    OR: [{ organizationId: actor.organizationId }, { organizationId: null, action: "auth.sign-in" }],
    ...(filters.user ? { actorUserId: filters.user } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.patient ? { patientId: filters.patient } : {}),
    ...(filters.address ? { sourceAddress: { startsWith: filters.address } } : {}),
    ...(filters.from || filters.to ? { at } : {}),
  };
}

const EVENT_FIELDS = {
  id: true,
  at: true,
  actorRole: true,
  action: true,
  outcome: true,
  entityType: true,
  entityId: true,
  patientId: true,
  detail: true,
  sourceAddress: true,
  actor: { select: { name: true } },
  patient: { select: { givenName: true, familyName: true } },
} as const;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof EVENT_FIELDS }>;

function toItem(row: EventRow, showPatients: boolean): AuditEventItem {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorName: row.actor?.name ?? null,
    actorRole: row.actorRole,
    action: row.action,
    outcome: row.outcome,
    entityType: row.entityType,
    entityId: row.entityId,
    patientId: row.patientId,
    patientName: showPatients && row.patient ? `${row.patient.givenName} ${row.patient.familyName}` : null,
    detail: Object.entries((row.detail ?? {}) as Record<string, unknown>).map(([key, value]) => [key, Array.isArray(value) ? value.join(", ") : value === null ? "none" : String(value)]),
    sourceAddress: row.sourceAddress,
  };
}

/** The organization's audit trail (and sign-in attempts for no known account), newest first, a page at a time, narrowed by filters. Reading it is itself an audit event. */
export async function listAuditEvents(actor: Actor, input: unknown): Promise<AuditEventPage> {
  await authorize(db(), actor, "read", "audit-trail", { action: "audit.list" });
  const { before, ...filters } = parseInput(listInput, input);
  const rows = await db().$transaction(async (tx) => {
    const found = await tx.auditEvent.findMany({
      where: { ...visibleEvents(actor, filters), ...(before ? { id: { lt: BigInt(before) } } : {}) },
      orderBy: { id: "desc" },
      take: PAGE_SIZE + 1,
      select: EVENT_FIELDS,
    });
    await recordAudit(tx, { actor, action: "audit.list", outcome: "success", detail: { page: before ?? "latest", ...filters } });
    return found;
  });
  const showPatients = can(actor.role, "read", "patient");
  const items = rows.slice(0, PAGE_SIZE).map((row) => toItem(row, showPatients));
  return { items, hasMore: rows.length > PAGE_SIZE, before: items.at(-1)?.id ?? null };
}

/** The people and actions the trail can be filtered by. */
export async function auditFilterOptions(actor: Actor): Promise<AuditFilterOptions> {
  await authorize(db(), actor, "read", "audit-trail", { action: "audit.list" });
  const users = await db().user.findMany({ where: { organizationId: actor.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { users, actions: AUDIT_ACTIONS };
}

/** The filtered trail as CSV for an auditor, newest first, up to EXPORT_LIMIT rows; the export is itself an audit event. */
export async function exportAuditCsv(actor: Actor, input: unknown): Promise<{ filename: string; csv: string; truncated: boolean }> {
  await authorize(db(), actor, "export", "audit-trail", { action: "audit.export" });
  const filters = parseInput(filtersInput, input);
  const rows = await db().$transaction(async (tx) => {
    const found = await tx.auditEvent.findMany({ where: visibleEvents(actor, filters), orderBy: { id: "desc" }, take: EXPORT_LIMIT + 1, select: EVENT_FIELDS });
    await recordAudit(tx, { actor, action: "audit.export", outcome: "success", detail: { rows: Math.min(found.length, EXPORT_LIMIT), ...filters } });
    return found;
  });
  const showPatients = can(actor.role, "read", "patient");
  const items = rows.slice(0, EXPORT_LIMIT).map((row) => toItem(row, showPatients));
  const csv = toCsv(
    ["event", "at_utc", "who", "role", "action", "outcome", "entity_type", "entity_id", "patient_id", "patient", "source_address", "detail"],
    items.map((e) => [e.id, e.at, e.actorName, e.actorRole, e.action, e.outcome, e.entityType, e.entityId, e.patientId, e.patientName, e.sourceAddress, e.detail.map(([k, v]) => `${k}: ${v}`).join("; ")]),
  );
  return { filename: `audit-trail-${toIsoDate(new Date())}.csv`, csv, truncated: rows.length > EXPORT_LIMIT };
}

/**
 * Verifies the hash chain for an auditor or administrator, from the last verified checkpoint on, after sealing what
 * is waiting (as the background sealer would within a second), so the events just viewed are part of it. The check
 * itself is recorded.
 */
export async function auditChainStatus(actor: Actor): Promise<ChainStatus> {
  await authorize(db(), actor, "read", "audit-trail", { action: "audit.verify" });
  const key = auditChainKey();
  await sealPendingEvents(db(), key);
  const status = await verifyAuditChain(db(), key);
  await recordAudit(db(), { actor, action: "audit.verify", outcome: "success", detail: { intact: status.intact, events: status.events, firstBroken: status.firstBroken?.id ?? null } });
  return status;
}
