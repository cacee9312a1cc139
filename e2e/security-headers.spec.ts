import { expect, test } from "@playwright/test";
import { storageState } from "./support";

test.use({ storageState: storageState("clinician") });

const COMMON = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "referrer-policy": "same-origin",
};

test("every kind of route answers with the security headers, and pages run only scripts carrying their nonce", async ({ page, request }) => {
  const pages = [await request.get("/sign-in"), await request.get("/patients")];
  for (const response of pages) {
    expect(response.headers()).toMatchObject(COMMON);
    expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/);
  }
  for (const response of [await request.get("/api/health"), await request.post("/api/v1/recommendations", { data: {} })]) {
    expect(response.headers()).toMatchObject({ ...COMMON, "cache-control": "no-store", "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });
  }
  // CDS Hooks answers (here the refusal of a call without a token) are never stored and never recompressed.
  const cds = await request.get("/cds-services", { headers: { "Accept-Encoding": "gzip" } });
  expect(cds.headers()).toMatchObject({ ...COMMON, "cache-control": "no-store, no-transform", "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });
  expect(cds.headers()["content-encoding"]).toBeUndefined();
  // A browser-based EHR's preflight is answered for any origin: trust rests on each call's JWT, never on cookies.
  const preflight = await request.fetch("/cds-services/backstep-patient-view", {
    method: "OPTIONS",
    headers: { Origin: "https://ehr.example.org", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
  });
  expect(preflight.status()).toBeLessThan(300);
  expect(preflight.headers()).toMatchObject({ "access-control-allow-origin": "*", "access-control-allow-headers": "Authorization, Content-Type", "cross-origin-resource-policy": "cross-origin" });
  expect(preflight.headers()["access-control-allow-methods"]).toContain("POST");
  expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
  const asset = await request.get((await page.goto("/patients"), await page.locator("script[src]").first().getAttribute("src"))!);
  expect(asset.headers()).toMatchObject({ "x-content-type-options": "nosniff" });

  // Pages work under their policy: the browser refuses nothing (the journeys show the app at work under it).
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  for (const path of ["/patients", "/evidence", "/sign-in"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(refused).toEqual([]);
});
