// Browser half of `npm run bench:visit`: on a fresh demo server, how long the live recommendation panel takes to
// update after a keystroke in Chromium, and how much JavaScript the encounter page loads (gzipped), next to what the
// sign-in page (one small form) loads: the framework's own share, which no page can go below.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/demo-accounts";

const PORT = 3300;
const base = `http://localhost:${PORT}`;
const KEYSTROKES = 40;

// Runs in the page. Kept as plain JavaScript text: the TypeScript loader would add helpers the page does not have.
const MEASURE_KEYSTROKES = `async (count) => {
  const input = document.getElementById("durationWeeks");
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  const results = [];
  for (let i = 0; i < count; i += 1) {
    await frame();
    const started = performance.now();
    setValue.call(input, i % 2 === 0 ? "8" : "30");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await frame();
    results.push(performance.now() - started);
  }
  return results;
}`;

const server = spawn("./node_modules/.bin/tsx", ["scripts/serve.ts", "--fresh"], {
  env: { ...process.env, PORT: String(PORT), BACKSTEP_DATA_DIR: ".data/bench", BACKSTEP_MODE: "demo" },
  stdio: "ignore",
});

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not start");
}

/** Gzipped kilobytes of the scripts a fresh load of the page fetches. */
async function scriptKb(browser: Browser, url: string, storageState?: BrowserContextOptions["storageState"]): Promise<number> {
  const scripts = new Map<string, number>();
  const page = await browser.newPage({ storageState });
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.set(response.url(), gzipSync(await response.body()).length);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.close();
  return [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const signInKb = await scriptKb(browser, `${base}/sign-in`);
  const page = await browser.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(DEMO_ACCOUNTS[0].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/patients");
  await page.getByRole("table", { name: "Patients" }).getByRole("link").nth(5).click();
  await page.getByRole("button", { name: "Start visit" }).click();
  await page.waitForURL(/\/encounters\//);
  const encounterUrl = page.url();

  const encounterKb = await scriptKb(browser, encounterUrl, await page.context().storageState());

  await page.getByLabel("Duration (weeks)").fill("30");
  await page.getByLabel("Average pain, last week (0-10)").fill("6");
  await page.getByTestId("ladder-step").waitFor();

  // Each keystroke flips the pain between chronic and acute, so the whole panel re-renders every time.
  const samples = (await page.evaluate(`(${MEASURE_KEYSTROKES})(${KEYSTROKES})`)) as number[];
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`live panel after a keystroke  median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${KEYSTROKES} keystrokes, to the next frame; aim: 50 ms)`);
  console.log(`encounter page JavaScript      ${encounterKb.toFixed(1)} KB gzipped (aim: 150 KB)`);
  console.log(`sign-in page JavaScript        ${signInKb.toFixed(1)} KB gzipped: the framework's share, the floor for any page`);
  await browser.close();
} finally {
  server.kill("SIGTERM");
}
