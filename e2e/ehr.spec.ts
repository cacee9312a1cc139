import { expect, test } from "@playwright/test";
import type { JSONWebKeySet } from "jose";
import { E2E_EHR_PORT, startTestEhr, type TestEhr } from "../tests/support/test-ehr";
import { account, expectAccessible, storageState } from "./support";

// Opening Backstep from the EHR: an administrator links an EHR user to a clinician, and that user's SMART launch
// lands in a visit filled in from the chart; a user nobody linked is turned away with a plain sentence.
let ehr: TestEhr;
const FHIR_USER = `Practitioner/e2e-${Date.now()}`;

test.describe.serial("a SMART launch from the EHR", () => {
  test.beforeAll(async ({ baseURL }) => {
    ehr = await startTestEhr({ port: E2E_EHR_PORT, clientId: "backstep-e2e", backstepKeys: async () => (await (await fetch(`${baseURL}/.well-known/jwks.json`)).json()) as JSONWebKeySet });
    Object.assign(ehr.resources, {
      Patient: [{ resourceType: "Patient", id: "e2e-p1", identifier: [{ type: { coding: [{ code: "MR" }] }, value: `EHR-${Date.now()}` }], name: [{ given: ["Lena"], family: "Marsh" }], birthDate: "1969-07-14", gender: "female" }],
      Condition: [{ resourceType: "Condition", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "M54.50" }] }, onsetDateTime: "2026-02-02" }],
      MedicationRequest: [
        {
          resourceType: "MedicationRequest",
          id: "m1",
          status: "active",
          medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "0", display: "naproxen 500 MG Oral Tablet" }] },
          dosageInstruction: [{ timing: { repeat: { frequency: 2, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: 1, code: "{tbl}" } }] }],
        },
      ],
      Observation: [{ resourceType: "Observation", status: "final", code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] }, effectiveDateTime: new Date().toISOString().slice(0, 10), valueQuantity: { value: 6 } }],
    });
  });

  test.afterAll(async () => {
    await ehr.close();
  });

  test.describe("the administrator", () => {
    test.use({ storageState: storageState("admin") });
    test("links an EHR user to a clinician", async ({ page }) => {
      await page.goto("/admin/organization");
      const form = page.getByRole("form", { name: "New EHR link" });
      await form.getByLabel("EHR user (fhirUser)").fill(FHIR_USER);
      await form.getByLabel("Backstep clinician").selectOption({ label: account("clinician").name });
      await form.getByRole("button", { name: "Link" }).click();
      await expect(form.getByRole("status")).toHaveText("Linked: this EHR user now opens Backstep as that clinician.");
      await expect(page.getByRole("form", { name: `EHR user ${FHIR_USER}` })).toContainText(account("clinician").name);
      await expectAccessible(page);
    });
  });

  test("the linked clinician lands in a visit filled in from the chart", async ({ page }) => {
    await page.goto(`/smart/launch?iss=${encodeURIComponent(ehr.fhirBase)}&launch=${ehr.launch(FHIR_USER, "e2e-p1")}`);
    await expect(page).toHaveURL(/\/encounters\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Visit: Lena Marsh" })).toBeVisible();
    const note = page.getByRole("region", { name: "Filled in from the EHR" });
    await expect(note).toContainText("pain duration, pain intensity");
    await expect(note).toContainText("medications");
    await expect(page.getByLabel("Average pain, last week (0-10)")).toHaveValue("6");
    await expect(page.getByLabel("Duration (weeks)")).not.toHaveValue("");
    await expect(page.getByRole("link", { name: "Sign out" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an EHR user nobody linked is told so, and gets no session", async ({ page }) => {
    await page.goto(`/smart/launch?iss=${encodeURIComponent(ehr.fhirBase)}&launch=${ehr.launch("Practitioner/nobody", "e2e-p1")}`);
    await expect(page.getByRole("heading", { name: "Backstep could not open" })).toBeVisible();
    await expect(page.getByText("not linked to a Backstep clinician")).toBeVisible();
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
