import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/demo-accounts";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export const account = (role: DemoRole) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

export const storageState = (role: DemoRole) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, role: DemoRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account(role).email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
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

