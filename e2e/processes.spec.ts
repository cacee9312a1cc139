import { expect, test, type Browser } from "@playwright/test";
import { createPrismaClient } from "../lib/db/prisma-client";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { sealPendingEvents } from "../lib/audit/audit-sealer";
import { DEMO_PASSWORD } from "../prisma/demo-accounts";
import { databaseTarget, demoDatabase, HARNESS_AUDIT_KEY, signInOverHttp, startApp, startRelay, throughRelay } from "../scripts/app-processes";
import { account, fillPain, newPatientVisit, signIn } from "./support";

// Separate app processes on databases of their own (the production build, scripts/next-server.ts): what happens when
// the database goes away or stalls, when a process is told to stop, and when two processes share one database.

const ASSESSMENT = { asOf: "2026-11-02", patient: { ageYears: 51 }, pain: { durationWeeks: 20, intensity: 6 } };

test.describe.configure({ timeout: 180_000 });

function client(baseUrl: string, cookie: string) {
  return {
    page: (path: string) => fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie, Accept: "text/html" }, redirect: "manual" }),
    recommend: () => fetch(`${baseUrl}/api/v1/recommendations`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify(ASSESSMENT) }),
  };
}

async function browserOn(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "clinician");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return { context, page };
}

test("a database outage is answered 503 'nothing was saved', the visit stays in the browser, and all comes back with the database", async ({ browser }) => {
  const database = await demoDatabase();
  const relay = await startRelay([databaseTarget(database.url)]);
  const app = await startApp(3201, throughRelay(database.url, relay.port));
  try {
    const clinician = client(app.url, await signInOverHttp(app.url, account("clinician").email, DEMO_PASSWORD));
    expect((await clinician.page("/patients")).status).toBe(200);
    const { context, page } = await browserOn(browser, app.url);
    await newPatientVisit(page, "Outage");
    await fillPain(page, "20", "6");
    await expect(page.getByText("All changes saved.")).toBeVisible();

    await relay.cut();
    // The first request reaches the app before its next check of the database (every 3 s): the page fails while
    // rendering, and goes out as 503, not 500. From then on the API is answered 503 too.
    const chart = await clinician.page("/patients");
    expect(chart.status).toBe(503);
    expect(chart.headers.get("retry-after")).toBe("5");
    expect(await chart.text()).not.toContain("This page tries again");
    const api = await clinician.recommend();
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(await api.json()).toMatchObject({ error: "unavailable", message: expect.stringContaining("Nothing was saved") });
    // Then every page is answered at the door, without waiting on the database.
    const answered = await clinician.page("/patients");
    expect(answered.status).toBe(503);
    expect(await answered.text()).toContain("Backstep is temporarily unavailable");
    expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
    expect(await (await fetch(`${app.url}/api/health/live`)).json()).toEqual({ live: true });

    // The clinician keeps typing: the save fails, the work stays in this browser.
    await page.getByLabel("Average pain, last week (0-10)").fill("8");
    await expect(page.getByRole("status").filter({ hasText: /kept in this browser/ })).toBeVisible({ timeout: 10_000 });

    await relay.restore();
    await expect.poll(async () => (await clinician.page("/patients")).status, { timeout: 15_000 }).toBe(200);
    expect((await clinician.recommend()).status).toBe(200);
    await page.reload();
    await expect(page.getByLabel("Average pain, last week (0-10)")).toHaveValue("8");
    await expect(page.getByText("All changes saved.")).toBeVisible();
    await context.close();
  } finally {
    await app.stop();
    await relay.close();
    await database.close();
  }
  expect(app.output()).not.toMatch(/unexpected error/);
});

test("SIGTERM finishes the requests in flight, takes no new ones, seals their audit events and exits cleanly", async () => {
  const database = await demoDatabase();
  const relay = await startRelay([databaseTarget(database.url)]);
  const app = await startApp(3202, throughRelay(database.url, relay.port));
  try {
    const clinician = client(app.url, await signInOverHttp(app.url, account("clinician").email, DEMO_PASSWORD));
    relay.pause();
    const inFlight = clinician.recommend();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exitCode = app.stop("SIGTERM");
    await expect.poll(() => fetch(`${app.url}/api/health/live`).then(() => "answered", () => "refused")).toBe("refused");
    relay.resume();
    expect((await inFlight).status).toBe(200);
    expect(await exitCode).toBe(0);
    expect(app.output()).toMatch(/SIGTERM: finishing [1-9]\d* request\(s\) in flight/);

    const db = createPrismaClient(database.url);
    try {
      expect(await db.auditPending.count()).toBe(0);
      expect(await db.auditEvent.count({ where: { action: "recommendation.evaluate" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await app.stop();
    await relay.close();
    await database.close();
  }
});

test("two processes on one database behave as one: sessions, throttling, the draft's conflict check, signing and the audit chain", async ({ browser }) => {
  const database = await demoDatabase();
  const [a, b] = [await startApp(3203, database.url), await startApp(3204, database.url)];
  try {
    // A session begun on one is good on the other, and signing out on one ends it on both.
    const cookie = await signInOverHttp(a.url, account("clinician").email, DEMO_PASSWORD);
    expect((await client(b.url, cookie).page("/patients")).status).toBe(200);

    // Failed sign-ins count together, wherever they land.
    const email = `nobody-${Date.now()}@backstep.test`;
    for (let i = 0; i < 5; i += 1) await expect(signInOverHttp(i % 2 ? a.url : b.url, email, "guess")).rejects.toThrow(/failed \(401\)/);
    await expect(signInOverHttp(a.url, email, "guess")).rejects.toThrow(/failed \(429\)/);
    await expect(signInOverHttp(b.url, email, "guess")).rejects.toThrow(/failed \(429\)/);

    // One draft open on both: the second save is a conflict, whichever process it reaches.
    const first = await browserOn(browser, a.url);
    await newPatientVisit(first.page, "Twoprocess");
    const visit = new URL(first.page.url()).pathname;
    const second = await browserOn(browser, b.url);
    await second.page.goto(visit);
    await fillPain(first.page, "20", "6");
    await expect(first.page.getByText("All changes saved.")).toBeVisible();
    await second.page.getByLabel("Average pain, last week (0-10)").fill("9");
    await expect(second.page.getByRole("status").filter({ hasText: "Someone else saved this encounter" })).toBeVisible();

    // Signed on one, the visit is signed on the other.
    await first.page.getByRole("button", { name: "Sign encounter" }).click();
    await expect(first.page.getByText(/Signed by/)).toBeVisible();
    await second.page.goto(visit);
    await expect(second.page.getByText(/Signed by/)).toBeVisible();
    await first.context.close();
    await second.context.close();
  } finally {
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  }
  const db = createPrismaClient(database.url);
  try {
    await sealPendingEvents(db, HARNESS_AUDIT_KEY);
    expect(await verifyAuditChain(db, HARNESS_AUDIT_KEY, { full: true })).toMatchObject({ intact: true, awaitingSeal: { count: 0 } });
  } finally {
    await db.$disconnect();
    await database.close();
  }
});
