import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, expectPrintsWhole, storageState } from "./support";

test.describe("an auditor", () => {
  test.use({ storageState: storageState("auditor") });

  test("drills from a measure to a signed encounter, exports its cases, and sees the chain verified", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/measures$/);
    await expect(page.getByRole("heading", { level: 1, name: "Opioid-avoidance measures" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(8);
    await expectAccessible(page);

    const mme90 = page.getByRole("article", { name: "Patients at or above 90 MME/day" });
    await expect(mme90).toContainText(/Previous period \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)/);
    const numerator = Number((await mme90.getByRole("link", { name: /in the numerator/ }).textContent())?.match(/\d+/)?.[0]);
    expect(numerator).toBeGreaterThan(0);
    await expect(mme90.getByRole("region", { name: "By site" })).toContainText("Riverside Family Medicine");
    await mme90.getByText("Definition").click();
    await expect(mme90.getByText(/at or above 90 MME \(CDC 2022 factors/)).toBeVisible();
    await mme90.getByRole("link", { name: /in the numerator/ }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Measure 4: Patients at or above 90 MME/day" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Definition" })).toContainText("Exclusions");
    const cases = page.getByRole("table", { name: "Cases" });
    await expect(cases.getByRole("row")).toHaveCount(numerator + 1);
    // The trend: a 0-100% axis, and each month with cases reachable by keyboard with its counts and expected range.
    const chart = page.getByRole("group", { name: /Rate by month/ });
    await expect(chart).toContainText("100%");
    const month = chart.getByRole("img").first();
    await month.focus();
    await expect(month).toBeFocused();
    await expect(month).toHaveAccessibleName(/^\d{4}-\d{2}: \d+ of \d+, [\d.]+%; expected [\d.]+% to [\d.]+%/);
    await expectAccessible(page);

    // The CSV holds the same cases.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV", exact: true }).click();
    const csv = await readFile((await (await download).path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("measure,encounter_id,date,mrn,patient_name,clinician,site,in_numerator,excluded_because,why_it_counts");
    expect(lines).toHaveLength(numerator + 1);
    expect(lines.slice(1).every((line) => line.startsWith("mme-90,") && line.includes(",true,") && / MME\/day/.test(line))).toBe(true);
    // Each case says why it counts: its daily dose.
    await expect(cases.getByRole("row").nth(1)).toContainText(/\d+ MME\/day/);

    const pseudonymized = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export pseudonymized CSV" }).click();
    const anonymous = await readFile((await (await pseudonymized).path())!, "utf8");
    const firstName = (await cases.getByRole("row").nth(1).getByRole("cell").nth(1).locator("div").first().textContent())!;
    expect(anonymous).toContain("patient_ref");
    expect(anonymous).not.toContain(firstName);
    expect(anonymous).not.toMatch(/RV-\d+/);

    // Into the encounter behind the first case: the recommendation as shown, the decisions, the orders; nothing to edit.
    await cases.getByRole("link", { name: /Open encounter of/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Visit: ${firstName}`);
    await expect(page.getByText(/^Signed by /)).toBeVisible();
    await expect(page.getByText(/at or above 90/).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Orders" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Sign/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /addendum/i })).toHaveCount(0);

    // The audit trail shows the export, and the chain verifies.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("region", { name: "Chain verification" })).toContainText(/Chain intact: all \d+ events verified/);
    await expect(page.getByRole("row").filter({ hasText: "measure.export" }).first()).toContainText(/pseudonymized\s*true/);
  });

  test("narrows a measure to one clinician and reads the printable report", async ({ page }) => {
    await page.goto("/measures/critical-alert-overrides");
    await expect(page.getByRole("region", { name: "Figures" })).toContainText(/\d+ with a comment, \d+ without a comment/);
    const byClinician = page.getByRole("table", { name: "By clinician" });
    const row = byClinician.getByRole("row").nth(1);
    const clinician = (await row.getByRole("cell").first().textContent())!;
    await row.getByRole("link", { name: /in the denominator/ }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`Cases in the denominator, clinician ${clinician}`) })).toBeVisible();
    const clinicians = await page.getByRole("table", { name: "Cases" }).getByRole("row").locator("td:nth-child(3)").allTextContents();
    expect(new Set(clinicians)).toEqual(new Set([clinician]));
    // A month's denominator opens that month's cases.
    const month = page.getByRole("table", { name: "By month" }).getByRole("link", { name: /in the denominator/ }).last();
    const [label, count] = (await month.getAttribute("aria-label"))!.match(/^(\d{4}-\d{2}): (\d+)/)!.slice(1);
    await month.click();
    await expect(page.getByRole("heading", { name: `Cases in the denominator, month ${label}` })).toBeVisible();
    await expect(page.getByRole("table", { name: "Cases" }).getByRole("row")).toHaveCount(Number(count) === 0 ? 0 : Number(count) + 1);
    await page.goBack();
    await page.getByRole("link", { name: "Pseudonymize", exact: true }).click();
    await expect(page.getByRole("columnheader", { name: "Patient (keyed hash)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Cases" })).not.toContainText(/RV-\d+/);
    await expectAccessible(page);

    await page.goto("/measures/report?pseudonymized=1");
    await expect(page.getByRole("heading", { level: 1, name: "Opioid-avoidance measures report" })).toBeVisible();
    await expect(page.getByText("pseudonymized: no names")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(8);
    await expect(page.getByRole("main")).not.toContainText(/RV-\d+/);
    await expectAccessible(page);
    await expectPrintsWhole(page, /Opioid-avoidance measures · \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} · generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  test("opens one clinician's prescriber feedback: their rates beside the practice's and the organization's, and their cases", async ({ page }) => {
    await page.goto("/measures");
    const picker = page.getByRole("form", { name: "Prescriber feedback" });
    await picker.getByLabel("Prescriber feedback for").selectOption({ label: "Dr. Maya Okafor" });
    await picker.getByRole("button", { name: "Open the report" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Prescriber feedback: Dr. Maya Okafor" })).toBeVisible();
    const rates = page.getByRole("table", { name: "Rates beside the practice and the organization" });
    await expect(rates.getByRole("row")).toHaveCount(9);
    await expect(rates.getByRole("row", { name: /Patients at or above 90 MME\/day/ })).toContainText(/of \d+/);
    await expect(page.getByRole("button", { name: /Print/ })).toBeVisible();
    await expectAccessible(page);
    await expectPrintsWhole(page, /Prescriber feedback: Dr\. Maya Okafor · \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} · generated/);
  });

  test("sees which setting is wrong when the address holds a bad period", async ({ page }) => {
    const response = await page.goto("/measures?from=2026-06-01&to=2026-01-01");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("from: from must be on or before to");
    expect((await page.goto("/measures/no-such-measure"))?.status()).toBe(404);
  });
});

for (const role of ["clinician", "physical_therapist", "admin"] as const) {
  test.describe(`a ${role.replace("_", " ")}`, () => {
    test.use({ storageState: storageState(role) });

    test("cannot open the measures, their report or their exports", async ({ page, playwright, baseURL }) => {
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Measures" })).toHaveCount(0);
      for (const path of ["/measures", "/measures/mme-90", "/measures/report"]) {
        expect((await page.goto(path))?.status(), path).toBe(403);
      }
      const exported = await page.request.get("/measures/mme-90/export");
      expect(exported.status()).toBe(403);
      expect(await exported.json()).toMatchObject({ error: "forbidden" });
      const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      expect((await anonymous.get("/measures/mme-90/export", { maxRedirects: 0 })).status()).toBe(307);
      await anonymous.dispose();
    });
  });
}
