import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "../prisma/demo-accounts";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export const account = (role: DemoRole) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

export const storageState = (role: DemoRole) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, role: DemoRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account(role).email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (role === "admin" && password === DEMO_PASSWORD) await enterTwoStepCode(page, DEMO_ADMIN_TOTP_SECRET);
}

/**
 * The second step of signing in, with the code an authenticator app would show. A code works once, so when this
 * time step's code was already used (two sign-ins within 30 seconds), it waits for the next one.
 */
export async function enterTwoStepCode(page: Page, secret: string): Promise<void> {
  const code = page.getByLabel("Code");
  await expect(code).toBeVisible();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await code.fill(await generate({ secret }));
    await page.getByRole("button", { name: "Sign in" }).click();
    if (await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 5_000 }).then(() => true, () => false)) return;
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
}

/** No serious or critical accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Registers a new patient through the form and opens today's visit for them; returns the patient's chart address. */
export async function newPatientVisit(page: Page, familyName: string, givenName = "Rosa"): Promise<string> {
  await page.goto("/patients/new");
  await page.getByLabel("MRN").fill(`V-${Date.now()}`);
  await page.getByLabel("Given name").fill(givenName);
  await page.getByLabel("Family name").fill(familyName);
  await page.getByLabel("Birth date").fill("1982-03-14");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByRole("button", { name: "Create patient" }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  const chart = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Start visit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Visit: ${givenName} ${familyName}`);
  return chart;
}

/** Fills the two pain fields every visit needs. */
export async function fillPain(page: Page, weeks: string, intensity: string): Promise<void> {
  await page.getByLabel("Duration (weeks)").fill(weeks);
  await page.getByLabel("Average pain, last week (0-10)").fill(intensity);
}

/** Adds the visit's `index`-th current medication (0 for the first) with its sig. */
export async function addMedication(page: Page, index: number, drug: string, doseMg?: string, dosesPerDay?: string): Promise<void> {
  await page.getByRole("button", { name: "Add medication" }).click();
  await page.getByLabel("Drug", { exact: true }).nth(index).selectOption(drug);
  if (doseMg !== undefined) await page.getByLabel("Dose (mg)").nth(index).fill(doseMg);
  if (dosesPerDay !== undefined) await page.getByLabel("Doses/day").nth(index).fill(dosesPerDay);
}


/**
 * The page printed as Chromium prints it, on A4 and on Letter: under print styles, at the width of the paper less its
 * margins, nothing is wider than the page and no element cuts off its own text; and the PDF Chromium makes has pages.
 */
export async function expectPrintsWhole(page: Page, footer?: RegExp): Promise<void> {
  // Every printed page carries the report's footer and its page number (CSS page-margin boxes).
  if (footer) {
    const rules = await page.locator("style").allTextContents();
    expect(rules.find((rule) => rule.includes("@bottom-left")), "the footer printed on every page").toMatch(footer);
    expect(rules.find((rule) => rule.includes("@bottom-right"))).toContain('"Page " counter(page) " of " counter(pages)');
  }
  await page.emulateMedia({ media: "print" });
  // Printable widths at 96 px an inch: A4 210 mm and Letter 8.5 in, less 12 mm margins each side.
  for (const [paper, width] of [["A4", 703], ["Letter", 725]] as const) {
    await page.setViewportSize({ width, height: 1000 });
    const clipped = await page.evaluate(() => {
      const found: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page is ${document.documentElement.scrollWidth}px wide`);
      for (const element of Array.from(document.querySelectorAll<HTMLElement>("main *"))) {
        const style = getComputedStyle(element);
        // Hidden, or visually hidden for screen readers only (a 1px clipped box).
        if (style.display === "none" || style.visibility === "hidden" || element.clientWidth <= 1) continue;
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 1) found.push(`${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}" ends at ${Math.round(box.right)}px`);
        const cuts = ["hidden", "clip", "auto", "scroll"].includes(style.overflowX);
        if (cuts && element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}" cuts its content`);
      }
      return found.slice(0, 5);
    });
    expect(clipped, `printed on ${paper}`).toEqual([]);
    const pdf = await page.pdf({ format: paper, printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0, `pages printed on ${paper}`).toBeGreaterThan(0);
  }
  await page.emulateMedia({ media: "screen" });
}
