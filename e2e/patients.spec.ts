import { expect, test } from "@playwright/test";
import { expectAccessible, storageState } from "./support";

test.use({ storageState: storageState("clinician") });

test("a clinician finds a patient by name and opens the record", async ({ page }) => {
  await page.goto("/patients");
  await expect(page.getByText(/^\d+ patients/)).toBeVisible();
  await expectAccessible(page);
  const firstName = await page.getByRole("table", { name: "Patients" }).getByRole("link").first().textContent();
  const family = firstName!.split(",")[0]!;
  await page.getByRole("searchbox", { name: "Search by name or MRN" }).fill(family);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${family}`));
  await page.getByRole("link", { name: firstName! }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(family);
  await expect(page.getByRole("region", { name: "Encounters" })).toBeVisible();
  await expectAccessible(page);
});

test("a list name typed back as \"Last, First\" finds the patient, and an address with a malformed id is a 404 page", async ({ page }) => {
  await page.goto("/patients");
  const listed = (await page.getByRole("table", { name: "Patients" }).getByRole("link").first().textContent())!;
  await page.getByRole("searchbox", { name: "Search by name or MRN" }).fill(listed);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("table", { name: "Patients" }).getByRole("link", { name: listed })).toBeVisible();
  for (const path of ["/patients/not-an-id", "/encounters/123", "/encounters/not-an-id/plan"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }
});

test("the chart of a patient with a year of visits shows where they stand, trends, treatments and medicines", async ({ page }) => {
  await page.goto("/patients?q=RV-100121");
  await page.getByRole("table", { name: "Patients" }).getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Where the patient stands" })).toContainText("Medication added");
  const pain = page.getByRole("figure").filter({ hasText: "Pain (0-10)" });
  await expect(pain.getByRole("img")).toHaveAttribute("aria-label", /Pain \(0-10\): \d{4}-\d{2}-\d{2} 7, .*5$/);
  await expect(pain.locator("figcaption")).toContainText(/Latest 5 \(\d{4}-\d{2}-\d{2}\)/);
  await expect(page.getByRole("region", { name: "Treatments tried" })).toContainText("physical therapy");
  await expect(page.getByRole("region", { name: "Current medications" })).toContainText("naproxen");
  await expectAccessible(page);
});

test("a clinician registers a patient and their contact details; mistakes are named field by field and nothing typed is lost", async ({ page }) => {
  await page.goto("/patients/new");
  await page.getByLabel("MRN").fill("bad mrn!");
  await page.getByLabel("Given name").fill("Ada");
  await page.getByLabel("Family name").fill("Lovelace");
  await page.getByLabel("Birth date").fill("1985-12-10");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByText("MRN may hold letters, digits and hyphens only")).toBeVisible();
  await expect(page.getByText("Choose female, male, other or unknown")).toBeVisible();
  await expect(page.getByLabel("Given name")).toHaveValue("Ada");
  await expect(page.getByLabel("Birth date")).toHaveValue("1985-12-10");
  await expectAccessible(page);

  const mrn = `E2E-${Date.now()}`;
  await page.getByLabel("MRN").fill(mrn);
  await page.getByLabel("Sex").selectOption("female");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expect(page.getByText(`MRN ${mrn}`)).toBeVisible();

  // A correction: the form starts from the record, names a mistake, and saves.
  await page.getByRole("link", { name: "Correct details" }).click();
  await expect(page.getByLabel("Family name")).toHaveValue("Lovelace");
  await expect(page.getByLabel("Sex")).toHaveValue("female");
  await page.getByLabel("Family name").fill("");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Family name is required")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Family name").fill("King");
  // Contact details: a number that is no number is named; a good one is kept and shown as people read it.
  await page.getByLabel("Phone").fill("555");
  await page.getByLabel("Preferred contact").selectOption("text");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Phone must be a valid number, e.g. (555) 201-0123 or +44 20 7946 0123")).toBeVisible();
  await page.getByLabel("Phone").fill("201-555-0123");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada King" })).toBeVisible();
  await expect(page.getByText("phone (201) 555-0123 · prefers text message")).toBeVisible();
});
