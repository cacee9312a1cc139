import { randomUUID } from "node:crypto";
import { createPrismaClient, type Db } from "../../lib/db/prisma-client";
import { hashPassword } from "../../lib/auth/password";
import type { Actor } from "../../lib/access/actor";
import type { Role } from "../../lib/access/policy";

// Named fixtures: every test builds its own organization, so tests never see each other's rows.

let shared: Db | undefined;

/** A client of the test database, for arranging data and checking what the code under test wrote. */
export function testDb(): Db {
  shared ??= createPrismaClient(process.env.DATABASE_URL as string);
  return shared;
}

export const FIXTURE_PASSWORD = "correct horse battery staple";

let passwordHash: Promise<string> | undefined;

export type Clinic = {
  organizationId: string;
  practiceId: string;
  clinicId: string;
  otherClinicId: string;
  clinician: Actor;
  therapist: Actor;
  otherTherapist: Actor;
  auditor: Actor;
  admin: Actor;
  referredPatientId: string;
  unreferredPatientId: string;
  referralId: string;
};

async function user(db: Db, organizationId: string, role: Role, siteId: string | null, label: string): Promise<Actor> {
  const id = randomUUID();
  const email = `${label}-${id.slice(0, 8)}@fixture.test`;
  const name = `${label} ${id.slice(0, 4)}`;
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  await db.user.create({ data: { id, organizationId, siteId, email, name, role, credential: { create: { passwordHash: await passwordHash } } } });
  return { userId: id, name, email, role, organizationId, siteId };
}

/**
 * An organization with a primary care practice and two PT clinics, one user per role (and a therapist at the
 * other clinic), a patient referred to the first clinic and one never referred.
 */
export async function createClinic(): Promise<Clinic> {
  const db = testDb();
  const organizationId = randomUUID();
  const practiceId = randomUUID();
  const clinicId = randomUUID();
  const otherClinicId = randomUUID();
  await db.organization.create({ data: { id: organizationId, name: "Fixture Health", slug: `fixture-${organizationId}` } });
  await db.site.createMany({
    data: [
      { id: practiceId, organizationId, name: "Fixture Practice", kind: "primary_care" },
      { id: clinicId, organizationId, name: "Fixture PT", kind: "pt_clinic" },
      { id: otherClinicId, organizationId, name: "Other PT", kind: "pt_clinic" },
    ],
  });
  const clinician = await user(db, organizationId, "clinician", practiceId, "clinician");
  const therapist = await user(db, organizationId, "physical_therapist", clinicId, "therapist");
  const otherTherapist = await user(db, organizationId, "physical_therapist", otherClinicId, "other-therapist");
  const auditor = await user(db, organizationId, "auditor", null, "auditor");
  const admin = await user(db, organizationId, "admin", null, "admin");
  const referredPatientId = await createPatientRow(organizationId, { givenName: "Rita", familyName: "Referred", mrn: `R-${organizationId.slice(0, 6)}` });
  const unreferredPatientId = await createPatientRow(organizationId, { givenName: "Ulla", familyName: "Unreferred", mrn: `U-${organizationId.slice(0, 6)}` });
  const encounterId = randomUUID();
  await db.encounter.create({
    data: { id: encounterId, organizationId, patientId: referredPatientId, clinicianId: clinician.userId, siteId: practiceId, date: new Date("2026-10-01"), assessment: {} },
  });
  await db.encounter.create({
    data: { organizationId, patientId: unreferredPatientId, clinicianId: clinician.userId, siteId: practiceId, date: new Date("2026-10-02"), assessment: {} },
  });
  const referralId = randomUUID();
  await db.referral.create({
    data: {
      id: referralId,
      organizationId,
      patientId: referredPatientId,
      encounterId,
      referringClinicianId: clinician.userId,
      toSiteId: clinicId,
      classification: { tbcSubgroup: "specific-exercise-extension" },
      coveredVisitsLeft: 20,
    },
  });
  return { organizationId, practiceId, clinicId, otherClinicId, clinician, therapist, otherTherapist, auditor, admin, referredPatientId, unreferredPatientId, referralId };
}

export async function createPatientRow(organizationId: string, fields: { givenName: string; familyName: string; mrn: string }): Promise<string> {
  const created = await testDb().patient.create({
    data: { organizationId, ...fields, birthDate: new Date("1970-05-17"), sex: "female" },
    select: { id: true },
  });
  return created.id;
}

/** The audit events an actor left, newest first. */
export async function auditEventsOf(userId: string) {
  return testDb().auditEvent.findMany({
    where: { actorUserId: userId },
    orderBy: { id: "desc" },
    select: { action: true, outcome: true, entityType: true, entityId: true, patientId: true, detail: true, organizationId: true },
  });
}
