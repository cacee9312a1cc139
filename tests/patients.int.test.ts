import { beforeAll, describe, expect, it } from "vitest";
import { createPatient, getPatient, listPatients, updatePatient } from "../lib/patients/patients-data";
import { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, createPatientRow, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;
let otherClinic: Clinic;

beforeAll(async () => {
  clinic = await createClinic();
  otherClinic = await createClinic();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("listPatients", () => {
  it("shows a clinician their organization's patients only, and audits the list", async () => {
    const page = await listPatients(clinic.clinician, {});
    expect(page.items.map((p) => p.id).sort()).toEqual([clinic.referredPatientId, clinic.unreferredPatientId].sort());
    expect(page.items.find((p) => p.id === clinic.referredPatientId)?.lastEncounterDate).toBe("2026-10-01");
    const [event] = await auditEventsOf(clinic.clinician.userId);
    expect(event).toMatchObject({ action: "patient.list", outcome: "success", organizationId: clinic.organizationId });
  });

  it("finds patients by any part of the name, as \"Last, First\" or \"First Last\", or any part of the MRN, ignoring case", async () => {
    expect((await listPatients(clinic.clinician, { q: "referred rita" })).items.map((p) => p.id)).toEqual([clinic.referredPatientId]);
    expect((await listPatients(clinic.clinician, { q: "Referred, Rita" })).items.map((p) => p.id)).toEqual([clinic.referredPatientId]);
    expect((await listPatients(clinic.clinician, { q: "Rita Referred" })).items.map((p) => p.id)).toEqual([clinic.referredPatientId]);
    const own = await createClinic();
    const middle = own.organizationId.slice(0, 8);
    const withLongMrn = await createPatientRow(own.organizationId, { givenName: "Mara", familyName: "Middle", mrn: `MRN-${middle}-0042` });
    expect((await listPatients(own.clinician, { q: middle })).items.map((p) => p.id)).toEqual([withLongMrn]);
    expect((await listPatients(clinic.clinician, { q: "UNREF" })).items.map((p) => p.id)).toEqual([clinic.unreferredPatientId]);
    const mrn = (await testDb().patient.findUniqueOrThrow({ where: { id: clinic.unreferredPatientId } })).mrn;
    expect((await listPatients(clinic.clinician, { q: mrn.toLowerCase() })).items.map((p) => p.id)).toEqual([clinic.unreferredPatientId]);
    expect((await listPatients(clinic.clinician, { q: "nobody-has-this-name" })).total).toBe(0);
  });

  it("shows a therapist only the patients referred to their own clinic, without visit dates", async () => {
    const page = await listPatients(clinic.therapist, {});
    expect(page.items.map((p) => p.id)).toEqual([clinic.referredPatientId]);
    expect(page.items[0]?.lastEncounterDate).toBeNull();
    expect((await listPatients(clinic.otherTherapist, {})).items).toEqual([]);
  });

  it("lets an auditor read the list", async () => {
    expect((await listPatients(clinic.auditor, {})).total).toBe(2);
  });

  it("refuses an administrator and records the denial", async () => {
    const error = await rejection(listPatients(clinic.admin, {}));
    expect(error.code).toBe("forbidden");
    const [event] = await auditEventsOf(clinic.admin.userId);
    expect(event).toMatchObject({ action: "patient.list", outcome: "denied" });
  });

  it("rejects a search that is too long, holds a NUL byte, or a page that is no number, naming the field", async () => {
    const error = await rejection(listPatients(clinic.clinician, { q: "x".repeat(101) }));
    expect(error.code).toBe("invalid-input");
    expect(error.issues[0]?.path).toBe("q");
    expect((await rejection(listPatients(clinic.clinician, { q: "Ames\u0000" }))).issues).toEqual([{ path: "q", message: "Search contains a control or invisible character; retype it" }]);
    expect((await rejection(listPatients(clinic.clinician, { page: "abc" }))).issues).toEqual([{ path: "page", message: "page must be a whole number" }]);
  });
});

describe("getPatient", () => {
  it("gives a clinician the record with encounters and referrals, and audits the view", async () => {
    const patient = await getPatient(clinic.clinician, clinic.referredPatientId);
    expect(patient.encounters?.map((e) => e.date)).toEqual(["2026-10-01"]);
    expect(patient.referrals.map((r) => r.toSiteName)).toEqual(["Fixture PT"]);
    // The fixture's visit is a draft: trends come from signed visits only.
    expect(patient.chart).toMatchObject({ currentStep: null, pain: [] });
    const [event] = await auditEventsOf(clinic.clinician.userId);
    expect(event).toMatchObject({ action: "patient.read", outcome: "success", patientId: clinic.referredPatientId });
  });

  it("gives a therapist a referred patient without encounters", async () => {
    const patient = await getPatient(clinic.therapist, clinic.referredPatientId);
    expect(patient.encounters).toBeNull();
    expect(patient.chart).toBeNull();
    expect(patient.referrals).toHaveLength(1);
  });

  it("hides an unreferred patient from a therapist as not found, and records the denial", async () => {
    const error = await rejection(getPatient(clinic.therapist, clinic.unreferredPatientId));
    expect(error.code).toBe("not-found");
    const [event] = await auditEventsOf(clinic.therapist.userId);
    expect(event).toMatchObject({ action: "patient.read", outcome: "denied", entityId: clinic.unreferredPatientId });
  });

  it("hides another clinic's referral from that clinic's therapist", async () => {
    expect((await rejection(getPatient(clinic.otherTherapist, clinic.referredPatientId))).code).toBe("not-found");
  });

  it("hides another organization's patient from a clinician", async () => {
    expect((await rejection(getPatient(clinic.clinician, otherClinic.referredPatientId))).code).toBe("not-found");
  });

  it("refuses an administrator", async () => {
    expect((await rejection(getPatient(clinic.admin, clinic.referredPatientId))).code).toBe("forbidden");
  });

  it("rejects an id that is not a UUID, and audits the attempt", async () => {
    expect((await rejection(getPatient(clinic.clinician, "not-an-id"))).code).toBe("invalid-input");
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "patient.read", outcome: "failure", entityType: "patient", detail: { reason: "malformed id" } });
  });
});

describe("createPatient", () => {
  const valid = { mrn: "NEW-1", givenName: "Nora", familyName: "New", birthDate: "1980-02-29", sex: "female" };

  it("creates a patient in the clinician's organization and audits it in the same transaction", async () => {
    const { id } = await createPatient(clinic.clinician, valid);
    const row = await testDb().patient.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organizationId: clinic.organizationId, mrn: "NEW-1", givenName: "Nora" });
    const [event] = await auditEventsOf(clinic.clinician.userId);
    expect(event).toMatchObject({ action: "patient.create", outcome: "success", patientId: id });
  });

  it("refuses a duplicate MRN in the same organization but allows it in another", async () => {
    const error = await rejection(createPatient(clinic.clinician, { ...valid, givenName: "Other" }));
    expect(error.code).toBe("conflict");
    expect(error.issues).toEqual([{ path: "mrn", message: expect.stringContaining("MRN") }]);
    await expect(createPatient(otherClinic.clinician, valid)).resolves.toHaveProperty("id");
  });

  it("names every invalid field and saves nothing", async () => {
    const before = await testDb().patient.count({ where: { organizationId: clinic.organizationId } });
    const error = await rejection(createPatient(clinic.clinician, { mrn: "bad mrn!", givenName: "", familyName: "X", birthDate: "2999-01-01", sex: "robot" }));
    expect(error.code).toBe("invalid-input");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["birthDate", "givenName", "mrn", "sex"]);
    expect(await testDb().patient.count({ where: { organizationId: clinic.organizationId } })).toBe(before);
  });

  it("refuses control and invisible characters in a name, so none reach the record or its exports", async () => {
    const error = await rejection(createPatient(clinic.clinician, { ...valid, mrn: "CTRL-1", givenName: "Ann\u202Egnp.exe", familyName: "Am\u200Bes" }));
    expect(error.issues).toEqual([
      { path: "givenName", message: "Given name contains a control or invisible character; retype it" },
      { path: "familyName", message: "Family name contains a control or invisible character; retype it" },
    ]);
    expect(await testDb().patient.count({ where: { mrn: "CTRL-1" } })).toBe(0);
  });

  it("keeps a phone as E.164 (a US number unless it starts with +), an email and the preferred contact, shown on the record", async () => {
    const { id } = await createPatient(clinic.clinician, { ...valid, mrn: "CONTACT-1", phone: "(201) 555-0123", email: " nora@example.org ", preferredContact: "text" });
    expect(await testDb().patient.findUniqueOrThrow({ where: { id }, select: { phone: true, email: true, preferredContact: true } })).toEqual({ phone: "+12015550123", email: "nora@example.org", preferredContact: "text" });
    expect((await getPatient(clinic.clinician, id)).contact).toEqual({ phone: "+12015550123", email: "nora@example.org", preferred: "text" });
    const { id: abroad } = await createPatient(clinic.clinician, { ...valid, mrn: "CONTACT-2", phone: "+44 20 7946 0958", email: "", preferredContact: "" });
    expect(await testDb().patient.findUniqueOrThrow({ where: { id: abroad }, select: { phone: true, email: true, preferredContact: true } })).toEqual({ phone: "+442079460958", email: null, preferredContact: null });
  });

  it("names a phone that is no number, an email that is no address, and a preferred contact with no way to reach it", async () => {
    const error = await rejection(createPatient(clinic.clinician, { ...valid, mrn: "CONTACT-3", phone: "12", email: "nora@", preferredContact: "pigeon" }));
    expect(error.issues).toEqual([
      { path: "phone", message: "Phone must be a valid number, e.g. (555) 201-0123 or +44 20 7946 0123" },
      { path: "email", message: "Email must be an address like name@example.org" },
      { path: "preferredContact", message: "Choose phone call, text message, email or letter" },
    ]);
    expect((await rejection(createPatient(clinic.clinician, { ...valid, mrn: "CONTACT-4", preferredContact: "email" }))).issues).toEqual([{ path: "email", message: "Give the email address for the preferred contact" }]);
    expect((await rejection(createPatient(clinic.clinician, { ...valid, mrn: "CONTACT-5", preferredContact: "phone" }))).issues).toEqual([{ path: "phone", message: "Give the phone number for the preferred contact" }]);
    expect(await testDb().patient.count({ where: { mrn: { startsWith: "CONTACT-" }, organizationId: clinic.organizationId, NOT: { mrn: { in: ["CONTACT-1", "CONTACT-2"] } } } })).toBe(0);
  });

  it("refuses an auditor, who never writes clinical data, and records the denial", async () => {
    const error = await rejection(createPatient(clinic.auditor, { ...valid, mrn: "AUD-1" }));
    expect(error.code).toBe("forbidden");
    expect(await testDb().patient.count({ where: { mrn: "AUD-1" } })).toBe(0);
    const [event] = await auditEventsOf(clinic.auditor.userId);
    expect(event).toMatchObject({ action: "patient.create", outcome: "denied" });
  });

  it("refuses a therapist", async () => {
    expect((await rejection(createPatient(clinic.therapist, { ...valid, mrn: "PT-1" }))).code).toBe("forbidden");
  });
});

describe("updatePatient", () => {
  const details = (mrn: string) => ({ mrn, givenName: "Una", familyName: "Upton", birthDate: "1975-05-05", sex: "female" });

  it("corrects the demographics and audits each changed field before and after", async () => {
    const { id } = await createPatient(clinic.clinician, details("UPD-1"));
    await updatePatient(clinic.clinician, { id, ...details("UPD-1"), familyName: "Upton-Hale", birthDate: "1975-05-15" });
    const row = await testDb().patient.findUniqueOrThrow({ where: { id } });
    expect([row.familyName, row.birthDate.toISOString().slice(0, 10), row.givenName]).toEqual(["Upton-Hale", "1975-05-15", "Una"]);
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({
      action: "patient.update",
      outcome: "success",
      entityId: id,
      patientId: id,
      detail: { "familyName.before": "Upton", "familyName.after": "Upton-Hale", "birthDate.before": "1975-05-05", "birthDate.after": "1975-05-15" },
    });
    expect(Object.keys((await auditEventsOf(clinic.clinician.userId))[0]!.detail as object)).toHaveLength(4);
  });

  it("refuses an MRN another patient has, and a bad field, naming it and changing nothing", async () => {
    const { id } = await createPatient(clinic.clinician, details("UPD-2"));
    await createPatient(clinic.clinician, details("UPD-3"));
    const taken = await rejection(updatePatient(clinic.clinician, { id, ...details("UPD-3") }));
    expect(taken).toMatchObject({ code: "conflict", issues: [{ path: "mrn", message: "This MRN already belongs to another patient" }] });
    const bad = await rejection(updatePatient(clinic.clinician, { id, ...details("UPD-2"), birthDate: "2999-01-01", givenName: "" }));
    expect(bad.issues).toEqual(expect.arrayContaining([{ path: "givenName", message: "Given name is required" }, { path: "birthDate", message: "Birth date cannot be in the future" }]));
    expect(await testDb().patient.findUniqueOrThrow({ where: { id } })).toMatchObject({ mrn: "UPD-2", givenName: "Una" });
  });

  it("cannot reach another organization's patient, and refuses roles that may not edit, audited", async () => {
    const { id } = await createPatient(otherClinic.clinician, details("UPD-4"));
    expect((await rejection(updatePatient(clinic.clinician, { id, ...details("UPD-4"), familyName: "Stolen" }))).code).toBe("not-found");
    for (const who of ["therapist", "auditor", "admin"] as const) {
      expect((await rejection(updatePatient(clinic[who], { id, ...details("UPD-4") }))).code).toBe("forbidden");
      expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "patient.update", outcome: "denied" });
    }
    expect(await testDb().patient.findUniqueOrThrow({ where: { id } })).toMatchObject({ familyName: "Upton" });
  });
});
