import { expect, test } from "@playwright/test";
import { account, expectAccessible, signIn, storageState } from "./support";
import { DEMO_PASSWORD, OTHER_PRACTICE_CLINICIAN } from "../prisma/demo-accounts";

const HOMES = [
  { role: "clinician", path: "/patients", heading: "Patients" },
  { role: "physical_therapist", path: "/referrals", heading: "Referral queue" },
  { role: "auditor", path: "/measures", heading: "Opioid-avoidance measures" },
  { role: "admin", path: "/admin/users", heading: "Users" },
] as const;

for (const home of HOMES) {
  test(`${home.role} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, home.role);
    await expect(page).toHaveURL(home.path);
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    await expect(page.getByRole("banner").getByText(account(home.role).name)).toBeVisible();
    await expectAccessible(page);
  });
}

test("a wrong password shows a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await signIn(page, "clinician", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect, or the account is disabled. Ask your administrator if it keeps happening.");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpatients/);
});

test("signing in returns to the page that was asked for", async ({ page }) => {
  await page.goto("/referrals");
  await expect(page).toHaveURL(/callbackUrl=%2Freferrals/);
  await page.getByLabel("Email").fill(account("clinician").email);
  await page.getByLabel("Password").fill("backstep-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/referrals");
});

test("a crafted return address cannot send a signed-in user to another site", async ({ page, baseURL }) => {
  await page.goto("/sign-in?callbackUrl=/%09/evil.example/phish");
  await page.getByLabel("Email").fill(account("clinician").email);
  await page.getByLabel("Password").fill("backstep-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/patients");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("sign-out ends the session, and a copy of its cookie opens nothing", async ({ page, browser }) => {
  // Signing out ends every session of the person, so this uses an account no other journey keeps a session for.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(OTHER_PRACTICE_CLINICIAN.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/patients");
  const copied = await page.context().cookies();
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/sign-in/);
  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const stolen = await replay.newPage();
  await stolen.goto("/patients");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await replay.close();
  // The sign-out itself is in the audit trail.
  await signIn(page, "auditor");
  await expect(page).toHaveURL("/measures");
  await page.goto("/audit");
  await expect(page.getByRole("row").filter({ hasText: "auth.sign-out" }).filter({ hasText: OTHER_PRACTICE_CLINICIAN.name }).first()).toBeVisible();
  // Every event of a request carries the address the connection came from, not one the browser claimed.
  await expect(page.getByRole("row").filter({ hasText: "measure.dashboard" }).first()).toContainText(/127\.0\.0\.1|::1/);
});

test("the health endpoint tells anyone only whether the app is up, and an administrator the details", async ({ request, browser }) => {
  const anonymous = await request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: "ok", live: true, ready: true });
  const live = await request.get("/api/health/live");
  expect(await live.json()).toEqual({ live: true });
  for (const role of ["clinician", "admin"] as const) {
    const context = await browser.newContext({ storageState: storageState(role) });
    const body = await (await context.request.get("/api/health")).json();
    if (role === "admin") expect(body).toMatchObject({ status: "ok", ready: true, database: { status: "ok" }, audit: { awaitingSeal: expect.any(Number) } });
    else expect(body).toEqual({ status: "ok", live: true, ready: true });
    await context.close();
  }
});

test("repeated failures for one account are refused with 429 and a retry time", async ({ request }) => {
  const email = `nobody-${Date.now()}@backstep.test`;
  const attempt = async () => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", { form: { email, password: "guess", csrfToken, json: "true" } });
  };
  for (let i = 0; i < 5; i += 1) expect((await attempt()).status()).toBe(401);
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ error: "throttled", retryAfterSeconds: expect.any(Number) });
});
