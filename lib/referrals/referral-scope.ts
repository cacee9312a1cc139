import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";

/** Referrals an actor may see: their organization's, and for a therapist only those sent to their own clinic. */
export function visibleReferrals(actor: Actor): Prisma.ReferralWhereInput {
  if (actor.role !== "physical_therapist") return { organizationId: actor.organizationId };
  return actor.siteId ? { organizationId: actor.organizationId, toSiteId: actor.siteId } : { id: { in: [] } };
}
