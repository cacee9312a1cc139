import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { acknowledgeCaseReview, exportCaseReviewsCsv, listCaseReviews, reviewCase, reviewsAwaiting } from "../lib/measures/case-reviews-data";
import { getMeasure } from "../lib/measures/measures-data";
import type { Actor } from "../lib/access/actor";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, createPatientRow, testDb, type Clinic } from "./support/fixtures";
import { deriveFacts, signedVisit } from "./support/signed-visits";

// An auditor reviews a measure case and may send it to the case's clinician, who sees only reviews of their own
// cases sent to them and acknowledges each once; every step is audited, and the reviews export as CSV.

let clinic: Clinic;
let patientId: string;
let encounterId: string;
const MEASURE = "mme-50-without-naloxone";
const PERIOD = { from: "2026-01-01", to: "2026-11-27" };
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const review = (who: Actor, fields: Record<string, unknown> = {}) =>
  reviewCase(who, { measureId: MEASURE, encounterId, caseKey: "", finding: "needs_follow_up", comment: "No naloxone offered at 60 MME/day.", sendToClinician: true, ...fields });

beforeEach(async () => {
  clinic = await createClinic();
  patientId = await createPatientRow(clinic.organizationId, { givenName: "Nora", familyName: "Naloxone", mrn: `MRN-${randomUUID().slice(0, 8)}` });
  encounterId = await signedVisit(clinic.clinician, patientId, "2026-05-01", { assessment: { medications: [{ drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 }], opioidSafety: { naloxoneOnHand: false } } });
  await deriveFacts(clinic.organizationId);
});

async function anotherClinician(): Promise<Actor> {
  const id = randomUUID();
  await testDb().user.create({ data: { id, organizationId: clinic.organizationId, siteId: clinic.practiceId, email: `other-${id.slice(0, 8)}@fixture.test`, name: "Other Clinician", role: "clinician" } });
  return { userId: id, name: "Other Clinician", email: `other-${id.slice(0, 8)}@fixture.test`, role: "clinician", organizationId: clinic.organizationId, siteId: clinic.practiceId };
}

describe("reviewing a case", () => {
  it("records the auditor's finding on the case, shows it in the measure's cases, audits it, and sends it to the case's clinician", async () => {
    const { id } = await review(clinic.auditor);
    const row = (await getMeasure(clinic.auditor, { id: MEASURE, show: "all", ...PERIOD })).rows.find((r) => r.encounterId === encounterId);
    expect(row?.review).toMatchObject({ finding: "needs_follow_up", comment: "No naloxone offered at 60 MME/day.", reviewer: clinic.auditor.name, sentToClinician: true, acknowledgedAt: null });
    expect((await auditEventsOf(clinic.auditor.userId)).find((e) => e.action === "case-review.create")).toMatchObject({
      entityId: id,
      patientId,
      detail: { measure: MEASURE, encounterId, finding: "needs_follow_up", sentToClinician: true, clinicianId: clinic.clinician.userId },
    });
    const mine = await listCaseReviews(clinic.clinician);
    expect(mine).toMatchObject({ awaiting: 1, reviews: [{ id, measure: { number: 2 }, patientName: "Nora Naloxone", caseDate: "2026-05-01", finding: "needs_follow_up", reviewer: clinic.auditor.name }] });
    expect(await reviewsAwaiting(clinic.clinician)).toBe(1);
  });

  it("shows the newest review of a case reviewed twice, and hides the comment in a pseudonymized view", async () => {
    await review(clinic.auditor);
    await review(clinic.auditor, { finding: "appropriate", comment: "Naloxone was given the week after.", sendToClinician: false });
    const identified = (await getMeasure(clinic.auditor, { id: MEASURE, show: "all", ...PERIOD })).rows.find((r) => r.encounterId === encounterId);
    expect(identified?.review).toMatchObject({ finding: "appropriate", comment: "Naloxone was given the week after.", sentToClinician: false });
    const pseudonymized = (await getMeasure(clinic.auditor, { id: MEASURE, show: "all", pseudonymized: "1", ...PERIOD })).rows[0];
    expect(pseudonymized?.review).toMatchObject({ finding: "appropriate", comment: null });
  });

  it("keeps a review not sent, and another clinician's cases, away from a clinician", async () => {
    await review(clinic.auditor, { sendToClinician: false });
    expect(await listCaseReviews(clinic.clinician)).toEqual({ reviews: [], awaiting: 0 });
    await review(clinic.auditor);
    const other = await anotherClinician();
    expect(await listCaseReviews(other)).toEqual({ reviews: [], awaiting: 0 });
    expect((await listCaseReviews(clinic.auditor)).reviews).toHaveLength(2);
  });

  it("names each field in bad input: no finding, no comment for a problem or for the clinician, too long, an unknown measure", async () => {
    expect((await failure(review(clinic.auditor, { finding: undefined })))?.issues).toEqual([{ path: "finding", message: "Choose a finding" }]);
    expect((await failure(review(clinic.auditor, { comment: "  ", sendToClinician: false })))?.issues).toEqual([{ path: "comment", message: "Say what was found: a comment is required unless the case is appropriate" }]);
    expect((await failure(review(clinic.auditor, { finding: "appropriate", comment: "" })))?.issues).toEqual([{ path: "comment", message: "A review sent to the clinician needs a comment for them" }]);
    expect((await failure(review(clinic.auditor, { comment: "x".repeat(2001) })))?.issues).toEqual([{ path: "comment", message: "Comment is at most 2000 characters" }]);
    expect((await failure(review(clinic.auditor, { measureId: "no-such-measure" })))?.issues).toEqual([{ path: "measureId", message: "No such measure" }]);
    expect((await failure(review(clinic.auditor, { encounterId: "nope", sendToClinician: "yes" })))?.issues?.map((i) => i.path).sort()).toEqual(["encounterId", "sendToClinician"]);
    expect(await testDb().caseReview.count({ where: { organizationId: clinic.organizationId } })).toBe(0);
  });

  it("refuses a case that is not one of the measure's in the auditor's organization, and audits the refusal", async () => {
    const elsewhere = await createClinic();
    expect((await failure(review(elsewhere.auditor)))?.code).toBe("not-found");
    expect((await failure(review(clinic.auditor, { caseKey: randomUUID() })))?.code).toBe("not-found");
    expect((await failure(review(clinic.auditor, { measureId: "critical-alert-overrides" })))?.code).toBe("not-found");
    expect((await auditEventsOf(elsewhere.auditor.userId))[0]).toMatchObject({ action: "case-review.create", outcome: "denied", entityId: encounterId });
  });

  it.each(["clinician", "therapist", "admin"] as const)("refuses a %s reviewing a case, and audits the refusal", async (who) => {
    expect((await failure(review(clinic[who])))?.code).toBe("forbidden");
    expect((await auditEventsOf(clinic[who].userId))[0]).toMatchObject({ action: "case-review.create", outcome: "denied" });
  });

  it.each(["therapist", "admin"] as const)("refuses a %s the list of reviews", async (who) => {
    expect((await failure(listCaseReviews(clinic[who])))?.code).toBe("forbidden");
  });
});

describe("the clinician's acknowledgement", () => {
  it("acknowledges a review once, with a reply the auditor sees, and audits it", async () => {
    const { id } = await review(clinic.auditor);
    await acknowledgeCaseReview(clinic.clinician, { reviewId: id, reply: "Naloxone prescribed on 2026-05-08." });
    const seen = (await listCaseReviews(clinic.auditor)).reviews[0];
    expect(seen).toMatchObject({ id, acknowledgedAt: expect.any(String), reply: "Naloxone prescribed on 2026-05-08." });
    expect(await reviewsAwaiting(clinic.clinician)).toBe(0);
    expect((await auditEventsOf(clinic.clinician.userId))[0]).toMatchObject({ action: "case-review.acknowledge", outcome: "success", entityId: id, patientId, detail: { replied: true } });
    expect((await failure(acknowledgeCaseReview(clinic.clinician, { reviewId: id })))?.code).toBe("conflict");
  });

  it("refuses another clinician, a review not sent, the auditor, and bad input", async () => {
    const { id } = await review(clinic.auditor);
    const other = await anotherClinician();
    expect((await failure(acknowledgeCaseReview(other, { reviewId: id })))?.code).toBe("not-found");
    expect((await auditEventsOf(other.userId))[0]).toMatchObject({ action: "case-review.acknowledge", outcome: "denied", entityId: id });
    const { id: unsent } = await review(clinic.auditor, { sendToClinician: false });
    expect((await failure(acknowledgeCaseReview(clinic.clinician, { reviewId: unsent })))?.code).toBe("not-found");
    expect((await failure(acknowledgeCaseReview(clinic.auditor, { reviewId: id })))?.code).toBe("forbidden");
    expect((await failure(acknowledgeCaseReview(clinic.clinician, { reviewId: "x", reply: 5 })))?.issues?.map((i) => i.path).sort()).toEqual(["reply", "reviewId"]);
  });
});

describe("exporting the reviews", () => {
  it("exports the period's reviews as CSV for auditors only, naming the patients in the audit event", async () => {
    await review(clinic.auditor, { comment: "=HYPERLINK(\"x\")" });
    const today = new Date().toISOString().slice(0, 10);
    const { filename, csv } = await exportCaseReviewsCsv(clinic.auditor, { from: "2026-01-01", to: today });
    expect(filename).toBe(`case-reviews_2026-01-01_${today}.csv`);
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe("reviewed_at,measure,case_date,encounter_id,mrn,patient_name,clinician,reviewer,finding,comment,sent_to_clinician,acknowledged_at,reply");
    expect(line).toContain(`${MEASURE},2026-05-01,${encounterId}`);
    expect(line).toContain("Nora Naloxone");
    expect(line).toContain(`Needs follow-up,"'=HYPERLINK(""x"")",true,,`);
    expect((await auditEventsOf(clinic.auditor.userId))[0]).toMatchObject({ action: "case-review.export", detail: { rows: 1, patients: [patientId] } });
    expect((await exportCaseReviewsCsv(clinic.auditor, { from: "2026-01-01", to: "2026-01-31" })).csv.trim().split("\r\n")).toHaveLength(1);
    for (const who of ["clinician", "therapist", "admin"] as const) expect((await failure(exportCaseReviewsCsv(clinic[who], {})))?.code).toBe("forbidden");
    expect((await failure(exportCaseReviewsCsv(clinic.auditor, { from: "2026-12-01", to: "2026-01-01" })))?.issues).toEqual([{ path: "from", message: "from must be on or before to" }]);
  });
});
