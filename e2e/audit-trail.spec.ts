import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { account, expectAccessible, storageState } from "./support";

// A quality officer searching the trail: by person and action, details as fields, patients by name, and the same
// events exported as CSV.
test.describe("an auditor", () => {
  test.use({ storageState: storageState("auditor") });

  test("filters the audit trail by person and action, reads the details, and exports what is shown", async ({ page }) => {
    await page.goto("/audit");
    const form = page.getByRole("form", { name: "Filter the audit trail" });
    await form.getByLabel("Who").selectOption({ label: account("clinician").name });
    await form.getByLabel("Action").selectOption("auth.sign-in");
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=auth\.sign-in/);
    const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
    await expect(rows.nth(1)).toContainText("auth.sign-in");
    await expect(rows.nth(1)).toContainText(account("clinician").name);
    expect(await rows.filter({ hasNotText: "auth.sign-in" }).count()).toBe(1); // the header row
    await expect(page.getByText(/gaps are other organizations/)).toBeVisible();
    await expectAccessible(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export these events (CSV)" }).click();
    const csv = await readFile((await (await download).path()) as string, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain("event,at_utc,who");
    expect(lines.length).toBe((await rows.count()) - 1 + 1);
    expect(lines.slice(1).every((line) => line.includes("auth.sign-in"))).toBe(true);

    await form.getByLabel("From", { exact: true }).fill("2026-12-31");
    await form.getByLabel("To", { exact: true }).fill("2026-01-01");
    await form.getByRole("button", { name: "Filter" }).click();
    // Next keeps its own (empty) route announcer with the alert role: look for the alert that says it.
    await expect(page.getByRole("alert").filter({ hasText: "from must not be after to" })).toBeVisible();
  });
});
