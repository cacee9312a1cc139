import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVIDENCE_SOURCES } from "../lib/evidence/sources";
import { assessment } from "../tests/support/assessment";

// The CLI exactly as the contract states it: `npm run --silent recommend -- FILE|-`.
async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile("npm", ["run", "--silent", "recommend", "--", ...args], { encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

const dir = mkdtempSync(join(tmpdir(), "recommend-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

describe("npm run recommend", () => {
  it("prints the recommendation for a file and exits 0, the same every time", async () => {
    const path = file("ok.json", assessment());
    const first = await cli([path]);
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({ contractVersion: "1.1", profile: "us", asOf: "2026-11-27", ladder: { step: "conservative" } });
    expect((await cli([path])).stdout).toBe(first.stdout);
  }, 30_000);

  it("reads standard input with -", async () => {
    const result = await cli(["-"], JSON.stringify(assessment({ profile: "uk" })));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).profile).toBe("uk");
  }, 30_000);

  it("defaults asOf to today", async () => {
    const { asOf: _omit, ...undated } = assessment();
    const result = await cli([file("undated.json", undated)]);
    expect(JSON.parse(result.stdout).asOf).toBe(new Date().toISOString().slice(0, 10));
  }, 30_000);

  it.each([
    ["an invalid field", { ...assessment(), pain: { durationWeeks: 20, intensity: 14 } }, "pain.intensity"],
    ["an unknown code", { ...assessment(), redFlags: ["back-ache"] }, "redFlags.0"],
    ["an under-18 patient", { ...assessment(), patient: { ageYears: 16 } }, "patient.ageYears"],
    ["text that is not JSON", "{ not json", "(input)"],
  ])("prints an invalid-assessment error for %s and exits 2", async (_label, content, path) => {
    const result = await cli([file(`bad-${path}.json`, content)]);
    expect(result.code).toBe(2);
    const error = JSON.parse(result.stdout);
    expect(error.error).toBe("invalid-assessment");
    expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
  }, 30_000);

  it("exits 2 for a missing file", async () => {
    const result = await cli([join(dir, "missing.json")]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toBe("invalid-assessment");
  }, 30_000);

  it("lists the evidence catalog with --sources", async () => {
    const result = await cli(["--sources"]);
    expect(result.code).toBe(0);
    const sources = JSON.parse(result.stdout);
    expect(sources.map((s: { id: string }) => s.id)).toEqual(EVIDENCE_SOURCES.map((s) => s.id));
    expect(sources[0]).toEqual(expect.objectContaining({ title: expect.any(String), authors: expect.any(String), year: expect.any(Number), kind: expect.any(String), strength: expect.any(String) }));
  }, 30_000);
});
