// Role checks that leave an audit event when they refuse.
import type { Db } from "@/lib/db/prisma-client";
import { recordAudit } from "./audit-log";
import type { AuditAction } from "./audit-actions";
import { AppError, isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/access/actor";
import { can, type Action, type Resource } from "@/lib/access/policy";
import { parseInput } from "@/lib/validation";
import type { z } from "zod";

type Denial = { action: AuditAction; entityType?: string; entityId?: string; patientId?: string | null };

/** Records the refused attempt in the audit trail, then throws the matching error. */
export async function deny(db: Db, actor: Actor, denial: Denial, error: AppError): Promise<never> {
  await recordAudit(db, { actor, outcome: "denied", ...denial });
  throw error;
}

/** Role-level check: the access table must allow this action on this resource. */
export async function authorize(db: Db, actor: Actor, action: Action, resource: Resource, denial: Denial): Promise<void> {
  if (can(actor.role, action, resource)) return;
  await deny(db, actor, denial, new AppError("forbidden", "Your role does not allow this."));
}

/**
 * Runs a change to one record. A record outside the actor's scope reads as not found; the attempt is then audited as
 * denied, with the record it named, so probing for other organizations' records leaves a trace.
 */
export async function deniedIfNotFound<T>(db: Db, actor: Actor, denial: Denial, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isAppError(error) && error.code === "not-found") await deny(db, actor, denial, error);
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record an untrusted input names (itself, or its field `key`), when it is shaped like an id: a refusal names it. */
export function targetOf(input: unknown, key?: string): string | undefined {
  const value = key ? (input as Record<string, unknown> | null | undefined)?.[key] : input;
  return typeof value === "string" && UUID.test(value) ? value : undefined;
}

/**
 * Reads the id of the record a request names. One that cannot be an id is refused as bad input (so the page shows
 * "not found"), and the attempt is audited as a failure: probing with made-up ids leaves a trace.
 */
export async function recordId<S extends z.ZodType<string>>(db: Db, actor: Actor, denial: Denial, schema: S, value: unknown): Promise<z.output<S>> {
  try {
    return parseInput(schema, value);
  } catch (error) {
    await recordAudit(db, { actor, outcome: "failure", ...denial, detail: { reason: "malformed id" } });
    throw error;
  }
}
