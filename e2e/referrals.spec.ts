import { expect, test } from "@playwright/test";
import { expectAccessible, newPatientVisit, storageState } from "./support";
import { DEMO_PASSWORD, OTHER_CLINIC_THERAPIST } from "../prisma/demo-accounts";

for (const trial of [
  { adherence: "85", nextStep: "Medication added", label: "an adequate trial moves the next visit up" },
  { adherence: "40", nextStep: "Conservative care", label: "a trial sunk by low adherence keeps the next visit on the same rung" },
]) test(`a referral travels from the visit through the PT clinic and back into the next recommendation: ${trial.label}`, async ({ browser }) => {
  const doctor = await (await browser.newContext({ storageState: storageState("clinician") })).newPage();
  const family = `Loop${Date.now()}`;
  await newPatientVisit(doctor, family, "Lena");
  await doctor.getByLabel("Duration (weeks)").fill("20");
  await doctor.getByLabel("Average pain, last week (0-10)").fill("6");
  await doctor.getByRole("button", { name: "Refer to physical therapy" }).click();
  await doctor.getByRole("button", { name: "Sign encounter" }).click();
  await expect(doctor.getByText(/Signed by/)).toBeVisible();

  const therapist = await (await browser.newContext({ storageState: storageState("physical_therapist") })).newPage();
  await therapist.goto("/referrals");
  await therapist.getByRole("link", { name: `${family}, Lena` }).click();
  await expect(therapist.getByRole("heading", { level: 1 })).toContainText(`Lena ${family}`);
  await expectAccessible(therapist);
  await therapist.getByRole("button", { name: "Accept" }).click();
  await expect(therapist.getByRole("region", { name: "Classification" })).toContainText("accepted");
  await expect(therapist.getByRole("region", { name: "Classification" })).toContainText("Sam Lindqvist");
  await therapist.getByRole("region", { name: "Assign a therapist" }).getByRole("button", { name: "Assign" }).click();
  for (let visit = 0; visit < 8; visit += 1) {
    const form = therapist.getByRole("form", { name: "Record a visit" });
    await form.getByLabel("Date").fill(new Date(Date.UTC(2026, 8, 1 + visit * 6)).toISOString().slice(0, 10));
    await form.getByLabel("Home program adherence %").fill(trial.adherence);
    await form.getByLabel("Pain (0-10)").fill("6");
    await form.getByRole("button", { name: "Save visit" }).click();
    await expect(therapist.getByRole("region", { name: "Visits" }).getByRole("listitem")).toHaveCount(visit + 1);
    // Confirmed and cleared, so the next visit is not saved as a copy of this one.
    await expect(form.getByRole("status")).toHaveText(/^Visit of 2026-\d\d-\d\d saved/);
    await expect(form.getByLabel("Home program adherence %")).toHaveValue("");
  }
  const discharge = therapist.getByRole("form", { name: "Discharge" });
  await discharge.getByLabel("Outcome").selectOption("not-improved");
  await discharge.getByLabel("Recommendation for the referring doctor").fill("Adequate trial without benefit; consider the next step.");
  await discharge.getByRole("button", { name: "Discharge" }).click();
  await expect(therapist.getByRole("region", { name: "PT discharge" })).toContainText("8 visits attended");

  await doctor.goto("/patients?q=" + family);
  await doctor.getByRole("link", { name: `${family}, Lena` }).click();
  await doctor.getByRole("region", { name: "Referrals" }).getByRole("link").click();
  await expect(doctor.getByRole("region", { name: "PT discharge" })).toContainText("Adequate trial without benefit");
  await doctor.goBack();
  await doctor.getByRole("button", { name: "Start visit" }).click();
  const panel = doctor.getByRole("region", { name: "Live recommendation" });
  await expect(panel.getByTestId("ladder-step")).toHaveText(trial.nextStep);
});

test("a therapist reaches only referrals of their own clinic; another clinic's therapist gets not found", async ({ browser }) => {
  const doctor = await (await browser.newContext({ storageState: storageState("auditor") })).newPage();
  await doctor.goto("/referrals");
  const href = await doctor.getByRole("table", { name: "Referrals" }).getByRole("link").first().getAttribute("href");
  const therapist = await (await browser.newContext({ storageState: storageState("physical_therapist") })).newPage();
  expect((await therapist.goto(href!))?.status()).toBe(200);
  expect((await therapist.goto("/referrals/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(OTHER_CLINIC_THERAPIST.email);
  await other.getByLabel("Password").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL("/referrals");
  await expect(other.getByRole("table", { name: "Referrals" })).toHaveCount(0);
  expect((await other.goto(href!))?.status()).toBe(404);
  const clinician = await (await browser.newContext({ storageState: storageState("clinician") })).newPage();
  await clinician.goto(href!);
  await expect(clinician.getByRole("form", { name: "Record a visit" })).toHaveCount(0);
});
