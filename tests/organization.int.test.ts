import { beforeEach, describe, expect, it } from "vitest";
import { createSite, getClinicalSettings, getOrganizationSettings, updateOrganizationSettings, updateSite } from "../lib/organizations/organization-data";
import { getEncounter, replayEncounter, signEncounter, startEncounter } from "../lib/encounters/encounters-data";
import { type AppError } from "../lib/errors";
import { assessment } from "./support/assessment";
import { auditEventsOf, createClinic, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;

beforeEach(async () => {
  clinic = await createClinic();
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const settings = { name: "Renamed Health", guidelineProfile: "uk", profileSwitchAllowed: false, ptVisitLimit: 12, adherenceThresholdPercent: 60 };

describe("organization settings", () => {
  it("are changed by an admin, audited with each value before and after, and every new visit starts with them", async () => {
    await updateOrganizationSettings(clinic.admin, settings);
    expect(await getOrganizationSettings(clinic.admin)).toMatchObject(settings);
    const [read, update] = await auditEventsOf(clinic.admin.userId);
    expect(read).toMatchObject({ action: "organization.read" });
    expect(update).toMatchObject({
      action: "organization.update",
      outcome: "success",
      detail: { "guidelineProfile.before": "us", "guidelineProfile.after": "uk", "profileSwitchAllowed.before": true, "profileSwitchAllowed.after": false, "ptVisitLimit.before": 20, "ptVisitLimit.after": 12 },
    });

    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    const visit = await getEncounter(clinic.clinician, id);
    expect(visit.assessment).toMatchObject({ profile: "uk", coverage: { ptVisitLimit: 12 } });
    expect(visit.draft?.profileLocked).toBe(true);
    // With switching off, a visit cannot be signed under the other profile.
    const switched = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: { ...assessment(), profile: "us" } }));
    expect(switched).toMatchObject({ code: "invalid-input", issues: [{ path: "assessment.profile", message: "your organization uses the uk profile for every visit" }] });
    await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: { ...assessment(), profile: "uk" } });
  });

  it("name each bad field and change nothing", async () => {
    const error = await failure(updateOrganizationSettings(clinic.admin, { ...settings, name: " ", guidelineProfile: "fr", ptVisitLimit: "-3" }));
    expect(error).toMatchObject({ code: "invalid-input" });
    expect(error?.issues).toEqual(
      expect.arrayContaining([
        { path: "name", message: "name is required" },
        { path: "guidelineProfile", message: "profile must be us or uk" },
        { path: "ptVisitLimit", message: "covered PT visits must be at least 0" },
      ]),
    );
    expect(await testDb().organization.findUniqueOrThrow({ where: { id: clinic.organizationId } })).toMatchObject({ guidelineProfile: "us", ptVisitLimit: 20 });
  });

  it.each(["clinician", "therapist", "auditor"] as const)("are refused to a %s, audited", async (who) => {
    expect((await failure(updateOrganizationSettings(clinic[who], settings)))?.code).toBe("forbidden");
    expect((await failure(getOrganizationSettings(clinic[who])))?.code).toBe("forbidden");
    expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "organization.read", outcome: "denied" });
  });
});

describe("sites", () => {
  it("are added, renamed and retired with their history kept; a retired PT clinic takes no new referrals", async () => {
    const { id } = await createSite(clinic.admin, { name: "Westside PT", kind: "pt_clinic", phone: "(555) 010-9000", address: "" });
    expect(await testDb().site.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Westside PT", phone: "(555) 010-9000", address: null, retiredAt: null });

    await updateSite(clinic.admin, { id: clinic.clinicId, name: "Fixture PT (old)", phone: "", address: "", retired: true });
    await updateSite(clinic.admin, { id: clinic.otherClinicId, name: "Other PT", phone: "", address: "", retired: true });
    expect((await auditEventsOf(clinic.admin.userId))[1]).toMatchObject({ action: "site.update", entityId: clinic.clinicId, detail: { "name.before": "Fixture PT", "name.after": "Fixture PT (old)", "retired.before": false, "retired.after": true } });
    expect(await testDb().referral.count({ where: { toSiteId: clinic.clinicId } })).toBeGreaterThan(0);

    const visit = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    await signEncounter(clinic.clinician, { encounterId: visit.id, version: 1, assessment: assessment(), orders: [{ kind: "pt_referral" }] });
    expect(await testDb().referral.findFirstOrThrow({ where: { encounterId: visit.id } })).toMatchObject({ toSiteId: id });
  });

  it("refuses bad fields, another organization's site, and roles other than admin", async () => {
    expect(await failure(createSite(clinic.admin, { name: "", kind: "hospital", phone: "", address: "" }))).toMatchObject({
      code: "invalid-input",
      issues: [
        { path: "name", message: "name is required" },
        { path: "kind", message: "kind must be a primary care practice or a PT clinic" },
      ],
    });
    const other = await createClinic();
    expect((await failure(updateSite(clinic.admin, { id: other.clinicId, name: "Mine now", phone: "", address: "", retired: false })))?.code).toBe("not-found");
    expect(await testDb().site.findUniqueOrThrow({ where: { id: other.clinicId } })).toMatchObject({ name: "Fixture PT" });
    expect((await failure(createSite(clinic.clinician, { name: "X", kind: "pt_clinic", phone: "", address: "" })))?.code).toBe("forbidden");
  });
});

describe("the adherence threshold", () => {
  const sunkAt65 = { treatments: [{ therapy: "physical-therapy" as const, status: "completed" as const, weeks: 8, adherencePercent: 65, response: "none" as const }] };
  const lowAdherence = (recommendation: { alerts: { code: string; detail: string }[] }) => recommendation.alerts.find((a) => a.code === "low-adherence");

  it("is the organization's: audited, shown to every role with the evidence, and every visit is judged and signed under it", async () => {
    await updateOrganizationSettings(clinic.admin, { ...settings, adherenceThresholdPercent: "70" });
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "organization.update", detail: { "adherenceThresholdPercent.before": 60, "adherenceThresholdPercent.after": 70 } });
    for (const who of ["admin", "clinician", "therapist", "auditor"] as const) {
      expect(await getClinicalSettings(clinic[who])).toEqual({ guidelineProfile: "uk", profileSwitchAllowed: false, ptVisitLimit: 12, adherenceThresholdPercent: 70 });
    }

    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    const visit = await getEncounter(clinic.clinician, id);
    expect(visit.assessment.settings).toEqual({ adherenceThresholdPercent: 70 });
    const { recommendation } = await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: { ...assessment(sunkAt65), profile: "uk", settings: visit.assessment.settings } });
    expect(lowAdherence(recommendation)?.detail).toContain("this organization's adherence threshold of 70%");

    // The signed record keeps the threshold it was signed under, whatever the organization sets later.
    await updateOrganizationSettings(clinic.admin, { ...settings, adherenceThresholdPercent: 50 });
    const signed = await getEncounter(clinic.clinician, id);
    expect(signed.assessment.settings).toEqual({ adherenceThresholdPercent: 70 });
    expect(lowAdherence(signed.recommendation!)).toBeDefined();
    expect((await replayEncounter(clinic.clinician, id)).identical).toBe(true);
  });

  it("changed while a visit is open: the visit shows the new one and cannot be signed under the old", async () => {
    const { id } = await startEncounter(clinic.clinician, { patientId: clinic.unreferredPatientId });
    const opened = await getEncounter(clinic.clinician, id);
    expect(opened.assessment.settings).toEqual({ adherenceThresholdPercent: 60 });
    await updateOrganizationSettings(clinic.admin, { ...settings, profileSwitchAllowed: true, adherenceThresholdPercent: 70 });

    const stale = await failure(signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: { ...assessment(sunkAt65), settings: opened.assessment.settings } }));
    expect(stale).toMatchObject({ code: "conflict", issues: [{ path: "assessment.settings.adherenceThresholdPercent", message: "your organization's adherence threshold is 70%" }] });
    expect(await testDb().encounter.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft" });

    const reopened = await getEncounter(clinic.clinician, id);
    expect(reopened.assessment.settings).toEqual({ adherenceThresholdPercent: 70 });
    // A client that sends no settings is signed under the organization's.
    const { recommendation } = await signEncounter(clinic.clinician, { encounterId: id, version: 1, assessment: assessment(sunkAt65) });
    expect(lowAdherence(recommendation)).toBeDefined();
    expect((await testDb().encounter.findUniqueOrThrow({ where: { id } })).assessment).toMatchObject({ settings: { adherenceThresholdPercent: 70 } });
  });

  it.each([
    ["29", "the adherence threshold must be at least 30"],
    ["91", "the adherence threshold must be at most 90"],
    ["62.5", "the adherence threshold must be a whole number"],
    ["many", "the adherence threshold must be a whole number"],
  ])("refuses %s, naming the field, and keeps the old value", async (adherenceThresholdPercent, message) => {
    const error = await failure(updateOrganizationSettings(clinic.admin, { ...settings, adherenceThresholdPercent }));
    expect(error).toMatchObject({ code: "invalid-input", issues: [{ path: "adherenceThresholdPercent", message }] });
    expect(await testDb().organization.findUniqueOrThrow({ where: { id: clinic.organizationId } })).toMatchObject({ adherenceThresholdPercent: 60 });
  });
});
