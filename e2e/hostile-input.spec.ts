import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { storageState, type DemoRole } from "./support";

// Addresses and bodies that once answered 500: each must get a 4xx or a page that names the problem.
const PAGES: [DemoRole, string, number][] = [
  ["clinician", "/patients/not-a-uuid", 404],
  ["clinician", "/patients?page=abc", 200],
  ["clinician", `/patients?q=${"a".repeat(5000)}`, 200],
  ["clinician", "/patients?q=%00", 200],
  ["auditor", "/audit?before=99999999999999999999999", 200],
  ["auditor", "/audit?before=abc", 200],
];

for (const [role, path, status] of PAGES) {
  test(`${role}: ${path.slice(0, 40)} answers ${status}, never 500`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState(role) });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    if (status === 200) await expect(page.getByRole("main").getByRole("alert")).toContainText(/page|Search|before/);
    await context.close();
  });
}

test("methods the app does not answer, and a JSON body where a form belongs, are refused without a 500", async ({ request }) => {
  expect((await request.fetch("/patients", { method: "TRACE" })).status()).toBe(405);
  expect((await request.fetch("/api/v1/recommendations", { method: "PUT", data: {} })).status()).toBe(405);
  const json = await request.post("/api/auth/callback/credentials", { data: { email: "a@b.test", password: "x" } });
  expect(json.status()).toBe(415);
  const huge = await request.post("/api/auth/callback/credentials", { form: { email: "a@b.test", password: "x".repeat(100_000) } });
  expect(huge.status()).toBe(413);
});

test.describe("route handlers given any body", () => {
  test.use({ storageState: storageState("clinician") });

  test("answer below 500, whatever arrives", async ({ request }) => {
    const bodies = fc.sample(
      fc.oneof(
        fc.json().map((text) => ({ text, type: "application/json" })),
        fc.string().map((text) => ({ text, type: "application/json" })),
        fc.string().map((text) => ({ text, type: "application/x-www-form-urlencoded" })),
        fc.string().map((text) => ({ text, type: "text/plain" })),
      ),
      { numRuns: 40, seed: 20261201 },
    );
    for (const { text, type } of bodies) {
      for (const path of ["/api/v1/recommendations", "/api/auth/callback/credentials", "/api/auth/signout"]) {
        const response = await request.post(path, { data: text, headers: { "content-type": type }, maxRedirects: 0 });
        expect(response.status(), `${path} with ${type} ${text.slice(0, 80)}`).toBeLessThan(500);
      }
    }
  });
});
