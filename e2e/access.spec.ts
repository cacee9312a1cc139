import { expect, test } from "@playwright/test";
import { storageState } from "./support";

test.describe("an auditor", () => {
  test.use({ storageState: storageState("auditor") });

  test("reads patients but cannot reach the page that creates one", async ({ page }) => {
    await page.goto("/patients");
    await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New patient" })).toHaveCount(0);
    const response = await page.goto("/patients/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByLabel("MRN")).toHaveCount(0);
  });

  test("cannot manage users or import patients", async ({ page }) => {
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
    expect((await page.goto("/admin/patients"))?.status()).toBe(403);
  });
});

test.describe("a physical therapist", () => {
  test.use({ storageState: storageState("physical_therapist") });

  test("sees the clinic's queue but not the patient list, the audit trail or user management", async ({ page }) => {
    await page.goto("/referrals");
    await expect(page.getByRole("table", { name: "Referrals" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Referrals", "Schedule", "Clinic figures", "Evidence"]);
    for (const path of ["/audit", "/admin/users", "/admin/patients", "/patients/new"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
  });
});

test.describe("a clinician", () => {
  test.use({ storageState: storageState("clinician") });

  test("cannot open the audit trail, user management or the patient import", async ({ page }) => {
    expect((await page.goto("/audit"))?.status()).toBe(403);
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
    expect((await page.goto("/admin/patients"))?.status()).toBe(403);
  });
});

test("a page requested without a session redirects to sign-in", async ({ request }) => {
  const response = await request.get("/patients", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/sign-in");
});
