import { existsSync, mkdirSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { writeSmartClientKey } from "./tests/support/smart-client-key";
import { journeyBrowser } from "./tests/support/journey-browser";
import { E2E_EHR_PORT } from "./tests/support/test-ehr";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Backstep's SMART client key for the test EHR the launch journey starts (e2e/ehr.spec.ts).
const SMART_KEY_FILE = ".data/e2e-smart-client-key.json";
mkdirSync(".data", { recursive: true });
if (!existsSync(SMART_KEY_FILE)) writeSmartClientKey(SMART_KEY_FILE);

// Debian's Chromium when present: Playwright cannot download its own browsers everywhere.
const chromium = journeyBrowser();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // A journey that prints reports or runs several accessibility checks takes half a minute on a slow shared machine;
  // the limit catches a hung journey, not a slow one.
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL,
    // Recording a trace costs a fifth of a journey's time, and CI keeps only the printed output: E2E_TRACE=1 keeps
    // the trace of a failing journey when one is to be examined.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    launchOptions: {
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "sign-in as each role", testMatch: /auth\.setup\.ts/ },
    { name: "journeys", dependencies: ["sign-in as each role"], testIgnore: /auth\.setup\.ts/ },
  ],
  // The app as a newcomer runs it, on a fresh embedded database of its own.
  webServer: {
    command: "./node_modules/.bin/tsx scripts/serve.ts --fresh",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Each journey reuses a session signed in at the start of the run: the idle limit must outlast the whole run.
    env: {
      PORT: String(PORT),
      BACKSTEP_DATA_DIR: ".data/e2e",
      BACKSTEP_MODE: "demo",
      SESSION_IDLE_MINUTES: "60",
      SMART_ISSUERS: `http://127.0.0.1:${E2E_EHR_PORT}/fhir`,
      SMART_CLIENT_ID: "backstep-e2e",
      SMART_PRIVATE_KEY_FILE: SMART_KEY_FILE,
      BACKSTEP_PUBLIC_URL: baseURL,
    },
  },
});
