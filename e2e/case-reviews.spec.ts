import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { account, expectAccessible, storageState } from "./support";

test("an auditor reviews a case and sends it to its clinician, who reads it and acknowledges it with a reply", async ({ browser }) => {
  const token = randomUUID().slice(0, 8);
  const comment = `Naloxone was not offered at this dose (${token}).`;
  const clinicianName = account("clinician").name;

  const auditorContext = await browser.newContext({ storageState: storageState("auditor") });
  const auditor = await auditorContext.newPage();
  await auditor.goto("/measures/mme-90");
  const row = auditor.getByRole("table", { name: "Cases" }).getByRole("row").filter({ hasText: clinicianName }).first();
  await row.getByText("Review this case").click();
  const form = row.getByRole("form", { name: /^Review of the case of/ });
  // No finding is preset: saving without one names the field.
  await form.getByRole("button", { name: "Save review" }).click();
  await expect(form.getByText("Choose a finding")).toBeVisible();
  await form.getByLabel("Finding").selectOption({ label: "Needs follow-up" });
  await form.getByLabel("Comment").fill(comment);
  await form.getByLabel(`Send to ${clinicianName}`).check();
  await form.getByRole("button", { name: "Save review" }).click();
  await expect(form.getByRole("status")).toHaveText("Review saved.");
  await expect(row).toContainText(comment);
  await expect(row).toContainText("Sent to the clinician, not yet acknowledged");
  await expectAccessible(auditor);

  const clinicianContext = await browser.newContext({ storageState: storageState("clinician") });
  const clinician = await clinicianContext.newPage();
  await clinician.goto("/patients");
  await clinician.getByRole("link", { name: "open case reviews" }).click();
  await expect(clinician.getByRole("heading", { level: 1, name: "Case reviews" })).toBeVisible();
  const item = clinician.getByRole("listitem").filter({ hasText: token });
  await expect(item).toContainText("Needs follow-up");
  await expect(item).toContainText("Measure 4: Patients at or above 90 MME/day");
  await expect(item).toContainText(`Reviewed by ${account("auditor").name}`);
  await expectAccessible(clinician);
  await item.getByLabel("Reply to the auditor (optional)").fill(`Naloxone prescribed today (${token}).`);
  await item.getByRole("button", { name: "Acknowledge" }).click();
  await expect(item).toContainText(`Naloxone prescribed today (${token}).`);
  await expect(item.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  // The auditor sees the acknowledgement and the reply beside the case, and on the list of reviews.
  await auditor.goto("/reviews");
  await expect(auditor.getByRole("listitem").filter({ hasText: token }).first()).toContainText(/Acknowledged \d{4}-\d{2}-\d{2}: “Naloxone prescribed today/);
  await expectAccessible(auditor);
  const download = auditor.waitForEvent("download");
  await auditor.getByRole("link", { name: /Export the last twelve months/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^case-reviews_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  await auditorContext.close();
  await clinicianContext.close();
});

test.describe("a therapist", () => {
  test.use({ storageState: storageState("physical_therapist") });

  test("finds no case reviews, and cannot export them", async ({ page }) => {
    await page.goto("/referrals");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Case reviews" })).toHaveCount(0);
    await page.goto("/reviews");
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    expect((await page.request.get("/reviews/export")).status()).toBe(403);
  });
});
