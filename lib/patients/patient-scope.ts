import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { visibleReferrals } from "@/lib/referrals/referral-scope";

/** Patients an actor may see: their organization's, and for a therapist only those with a referral to their clinic. */
export function visiblePatients(actor: Actor): Prisma.PatientWhereInput {
  const inOrganization = { organizationId: actor.organizationId };
  if (actor.role !== "physical_therapist") return inOrganization;
  return { ...inOrganization, referrals: { some: visibleReferrals(actor) } };
}
