import { describe, expect, it } from "vitest";
import { listMeasureTargets, setMeasureTarget } from "../lib/measures/measure-targets-data";
import { getMeasure, getPrescriberReport, listMeasures } from "../lib/measures/measures-data";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic } from "./support/fixtures";

// Each measure may carry the organization's target, set by its administrators and shown wherever the measure is.

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const PERIOD = { from: "2026-01-01", to: "2026-11-30" };

describe("measure targets", () => {
  it("are set and cleared by an administrator, audited with the value before and after, and shown with the measures", async () => {
    const clinic = await createClinic();
    await setMeasureTarget(clinic.admin, { measureId: "mme-90", percent: 5 });
    await setMeasureTarget(clinic.admin, { measureId: "new-chronic-pain-non-drug-first", percent: 80 });
    await setMeasureTarget(clinic.admin, { measureId: "mme-90", percent: 4.5 });
    expect((await listMeasureTargets(clinic.admin)).filter((m) => m.percent !== null).map((m) => [m.id, m.percent])).toEqual([
      ["mme-90", 4.5],
      ["new-chronic-pain-non-drug-first", 80],
    ]);
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ action: "measure.target", entityId: "mme-90", detail: { before: 5, after: 4.5 } });

    const dashboard = await listMeasures(clinic.auditor, PERIOD);
    expect(dashboard.measures.find((m) => m.id === "mme-90")?.target).toBe(4.5);
    expect(dashboard.measures.find((m) => m.id === "mme-50-without-naloxone")?.target).toBeNull();
    expect((await getMeasure(clinic.auditor, { id: "new-chronic-pain-non-drug-first", ...PERIOD })).target).toBe(80);
    expect((await getPrescriberReport(clinic.auditor, { clinician: clinic.clinician.userId, ...PERIOD })).measures.find((m) => m.id === "mme-90")?.target).toBe(4.5);

    await setMeasureTarget(clinic.admin, { measureId: "mme-90", percent: null });
    expect((await getMeasure(clinic.auditor, { id: "mme-90", ...PERIOD })).target).toBeNull();
    expect((await auditEventsOf(clinic.admin.userId))[0]).toMatchObject({ detail: { before: 4.5, after: null } });

    const other = await createClinic();
    expect((await listMeasures(other.auditor, PERIOD)).measures.find((m) => m.id === "new-chronic-pain-non-drug-first")?.target).toBeNull();
  });

  it("name a bad percentage or measure, and refuse everyone but an administrator", async () => {
    const clinic = await createClinic();
    expect((await failure(setMeasureTarget(clinic.admin, { measureId: "mme-90", percent: 120 })))?.issues).toEqual([{ path: "percent", message: "The target is 0 to 100%" }]);
    expect((await failure(setMeasureTarget(clinic.admin, { measureId: "mme-90", percent: "ten" })))?.issues).toEqual([{ path: "percent", message: "The target must be a percentage" }]);
    expect((await failure(setMeasureTarget(clinic.admin, { measureId: "nope", percent: 10 })))?.issues).toEqual([{ path: "measureId", message: "No such measure" }]);
    for (const who of ["clinician", "therapist", "auditor"] as const) {
      expect((await failure(setMeasureTarget(clinic[who], { measureId: "mme-90", percent: 10 })))?.code).toBe("forbidden");
      expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "measure.target", outcome: "denied" });
    }
    expect((await listMeasureTargets(clinic.admin)).every((m) => m.percent === null)).toBe(true);
  });
});
