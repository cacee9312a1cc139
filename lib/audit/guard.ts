// Role checks that leave an audit event when they refuse.
import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/prisma-client";
import { recordAudit } from "./audit-log";
import type { AuditAction } from "./audit-actions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/access/actor";
import { can, type Action, type Resource } from "@/lib/access/policy";

type Denial = { action: AuditAction; entityType?: string; entityId?: string; patientId?: string | null };

/** Records the refused attempt in the audit trail, then throws the matching error. */
export async function deny(db: Db, actor: Actor, denial: Denial, error: AppError): Promise<never> {
  await db.$transaction((tx: Prisma.TransactionClient) => recordAudit(tx, { actor, outcome: "denied", ...denial }));
  throw error;
}

/** Role-level check: the access table must allow this action on this resource. */
export async function authorize(db: Db, actor: Actor, action: Action, resource: Resource, denial: Denial): Promise<void> {
  if (can(actor.role, action, resource)) return;
  await deny(db, actor, denial, new AppError("forbidden", "Your role does not allow this."));
}
