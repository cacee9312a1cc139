import { beforeAll, describe, expect, it } from "vitest";
import { listReferrals } from "../lib/referrals/referrals-data";
import { type AppError } from "../lib/errors";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;
let otherClinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
  otherClinic = await createClinic();
});

describe("listReferrals", () => {
  it("shows a therapist the referrals to their own clinic, and audits it", async () => {
    const referrals = await listReferrals(clinic.therapist, {});
    expect(referrals.map((r) => r.id)).toEqual([clinic.referralId]);
    expect(referrals[0]).toMatchObject({ patientName: "Referred, Rita", status: "new", coveredVisitsLeft: 20, toSiteName: "Fixture PT" });
    expect((await auditEventsOf(clinic.therapist.userId))[0]).toMatchObject({ action: "referral.list", outcome: "success" });
  });

  it("shows a therapist of another clinic nothing", async () => {
    expect(await listReferrals(clinic.otherTherapist, {})).toEqual([]);
  });

  it("shows the clinician and the auditor their organization's referrals only", async () => {
    expect((await listReferrals(clinic.clinician, {})).map((r) => r.id)).toEqual([clinic.referralId]);
    expect((await listReferrals(clinic.auditor, {})).map((r) => r.id)).toEqual([clinic.referralId]);
    expect((await listReferrals(otherClinic.clinician, {})).map((r) => r.id)).not.toContain(clinic.referralId);
  });

  it("shows open referrals by default and filters by status", async () => {
    expect(await listReferrals(clinic.therapist, { status: "discharged" })).toEqual([]);
    expect((await listReferrals(clinic.therapist, { status: "new" })).map((r) => r.id)).toEqual([clinic.referralId]);
    await testDb().referral.update({ where: { id: clinic.referralId }, data: { status: "declined" } });
    expect(await listReferrals(clinic.therapist, {})).toEqual([]);
    expect((await listReferrals(clinic.therapist, { status: "all" })).map((r) => r.id)).toEqual([clinic.referralId]);
    await testDb().referral.update({ where: { id: clinic.referralId }, data: { status: "new" } });
  });

  it("refuses an administrator and an unknown status", async () => {
    await expect(listReferrals(clinic.admin, {})).rejects.toMatchObject({ code: "forbidden" });
    const error = await listReferrals(clinic.therapist, { status: "lost" }).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "invalid-input", issues: [{ path: "status" }] });
  });
});
