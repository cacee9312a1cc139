import { expect, test } from "@playwright/test";
import { expectAccessible, storageState } from "./support";

test.describe("a physical therapist", () => {
  test.use({ storageState: storageState("physical_therapist") });

  test("reads the clinic's waiting time, attendance and MCID share by month and by therapist, and is told when a period is wrong", async ({ page }) => {
    await page.goto("/referrals");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clinic figures" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clinic figures" })).toBeVisible();
    const byMonth = page.getByRole("table", { name: "By month" });
    await expect(byMonth.getByRole("row")).toHaveCount(12 + 2);
    await expect(byMonth.getByRole("rowheader", { name: "Whole period" })).toBeVisible();
    await expect(byMonth).toContainText(/\d+% \(\d+ of \d+\)/);
    await expect(page.getByRole("table", { name: "By therapist" })).toContainText("Sam Lindqvist, DPT");
    await expectAccessible(page);

    await page.goto("/referrals/figures?from=2026-12-01&to=2026-01-01");
    await expect(page.getByText("from must be on or before to")).toBeVisible();
  });
});

test.describe("a clinician", () => {
  test.use({ storageState: storageState("clinician") });

  test("cannot open the clinic's figures", async ({ page }) => {
    await page.goto("/referrals/figures");
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  });
});
