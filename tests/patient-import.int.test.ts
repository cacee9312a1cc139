import { beforeEach, describe, expect, it } from "vitest";
import { importPatients } from "../lib/patients/patient-import-data";
import { type AppError } from "../lib/errors";
import { auditEventsOf, createClinic, createPatientRow, testDb, type Clinic } from "./support/fixtures";

let clinic: Clinic;

beforeEach(async () => {
  clinic = await createClinic();
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const HEADER = "MRN,Family name,Given name,Birth date,Sex";
const file = (...lines: string[]) => [HEADER, ...lines].join("\r\n");

describe("importPatients", () => {
  it("checks a file without writing, then imports every row in one go, audited with the file's fingerprint", async () => {
    const csv = file("IMP-1,Ames,Ann,1970-01-01,F", "IMP-2,Bell,Bo,1985-06-30,male");
    expect(await importPatients(clinic.admin, { csv, dryRun: true })).toEqual({ dryRun: true, rows: 2, problems: [], created: 0 });
    expect(await testDb().patient.count({ where: { organizationId: clinic.organizationId, mrn: { startsWith: "IMP-" } } })).toBe(0);

    expect(await importPatients(clinic.admin, { csv, dryRun: false })).toEqual({ dryRun: false, rows: 2, problems: [], created: 2 });
    const imported = await testDb().patient.findMany({ where: { organizationId: clinic.organizationId, mrn: { startsWith: "IMP-" } }, orderBy: { mrn: "asc" } });
    expect(imported.map((p) => [p.mrn, p.familyName, p.givenName, p.birthDate.toISOString().slice(0, 10), p.sex])).toEqual([
      ["IMP-1", "Ames", "Ann", "1970-01-01", "female"],
      ["IMP-2", "Bell", "Bo", "1985-06-30", "male"],
    ]);
    const [last, first] = await auditEventsOf(clinic.admin.userId);
    expect(first).toMatchObject({ action: "patient.import", outcome: "success", detail: { dryRun: true, rows: 2, created: 0 } });
    expect(last).toMatchObject({ action: "patient.import", outcome: "success", detail: { dryRun: false, rows: 2, created: 2, fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it("writes nothing when any row has a problem, and reports an MRN already in the organization without overwriting it", async () => {
    await createPatientRow(clinic.organizationId, { givenName: "Kept", familyName: "Original", mrn: "DUP-1" });
    const csv = file("NEW-1,Ames,Ann,1970-01-01,f", "DUP-1,Changed,Name,1970-01-01,m", "NEW-2,,Cy,1970-13-01,u");
    const report = await importPatients(clinic.admin, { csv, dryRun: false });
    expect(report).toEqual({
      dryRun: false,
      rows: 3,
      created: 0,
      problems: [
        { line: 3, column: "MRN", message: "MRN DUP-1 already belongs to a patient: it is not overwritten" },
        { line: 4, column: "family name", message: "Family name is required" },
        { line: 4, column: "birth date", message: "Birth date must be a date (YYYY-MM-DD)" },
      ],
    });
    expect(await testDb().patient.count({ where: { organizationId: clinic.organizationId, mrn: { startsWith: "NEW-" } } })).toBe(0);
    expect(await testDb().patient.findFirstOrThrow({ where: { organizationId: clinic.organizationId, mrn: "DUP-1" } })).toMatchObject({ familyName: "Original" });
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "patient.import", outcome: "failure", detail: { problems: 3, created: 0 } });
  });

  it("imports 10,000 patients in one transaction, and an MRN of another organization is no conflict", async () => {
    const other = await createClinic();
    await createPatientRow(other.organizationId, { givenName: "Else", familyName: "Where", mrn: "BULK-0" });
    const csv = file(...Array.from({ length: 10_000 }, (_, i) => `BULK-${i},Family${i},Given${i},19${String(50 + (i % 50))}-0${1 + (i % 9)}-1${i % 10},${"fmou"[i % 4]}`));
    expect(await importPatients(clinic.admin, { csv, dryRun: false })).toMatchObject({ rows: 10_000, created: 10_000, problems: [] });
    expect(await testDb().patient.count({ where: { organizationId: clinic.organizationId, mrn: { startsWith: "BULK-" } } })).toBe(10_000);
  }, 120_000);

  it.each(["clinician", "therapist", "auditor"] as const)("refuses a %s, audited, and writes nothing", async (who) => {
    const error = await failure(importPatients(clinic[who], { csv: file("NO-1,Ames,Ann,1970-01-01,f"), dryRun: false }));
    expect(error?.code).toBe("forbidden");
    expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "patient.import", outcome: "denied" });
    expect(await testDb().patient.count({ where: { mrn: "NO-1" } })).toBe(0);
  });

  it("names a missing or oversized file as a field", async () => {
    expect(await failure(importPatients(clinic.admin, { dryRun: true }))).toMatchObject({ code: "invalid-input", issues: [{ path: "csv", message: "choose a CSV file" }] });
    const huge = await failure(importPatients(clinic.admin, { csv: "x".repeat(1_000_000), dryRun: true }));
    expect(huge).toMatchObject({ code: "invalid-input", issues: [{ path: "csv", message: expect.stringMatching(/^the file is larger than 900 KB/) }] });
  });
});
