import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recommend } from "./evaluate";
import type { Recommendation } from "./recommendation";

// Clinical vignettes written from the guidelines, in the contract's worked-example format: each names only what must
// hold. They run in-process here; `node ../shared/contract/check-cases.mjs lib/ladder/vignettes` runs them through the CLI.

type Expectation = {
  suspended?: boolean;
  step?: string | string[];
  chronicity?: string;
  firstNextIn?: string[];
  nextIncludesAll?: string[];
  nextExcludes?: string[];
  avoidIncludesAll?: string[];
  avoidExcludes?: string[];
  alertsIncludeAll?: string[];
  alertsExclude?: string[];
  alertSeverity?: Record<string, string | string[]>;
  mmeTotal?: number;
  mmeCurrent?: number;
};
type Vignette = { name: string; input: unknown; expect?: Expectation; expectError?: boolean; errorPathIncludes?: string };

const DIR = join(__dirname, "vignettes");
const VIGNETTES: [string, Vignette][] = readdirSync(DIR)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(DIR, file), "utf8")) as Vignette]);
const oneOf = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function holds(out: Recommendation, e: Expectation): void {
  const next = out.next.map((s) => s.therapy as string);
  const avoid = out.avoid.map((a) => a.therapy as string);
  const codes = out.alerts.map((a) => a.code);
  if (e.suspended !== undefined) expect(out.ladder.suspended).toBe(e.suspended);
  if (e.step) expect(oneOf(e.step)).toContain(out.ladder.step);
  if (e.chronicity) expect(out.classification.chronicity).toBe(e.chronicity);
  if (e.firstNextIn) expect(e.firstNextIn).toContain(next[0]);
  for (const therapy of e.nextIncludesAll ?? []) expect(next).toContain(therapy);
  for (const therapy of e.nextExcludes ?? []) expect(next).not.toContain(therapy);
  for (const therapy of e.avoidIncludesAll ?? []) expect(avoid).toContain(therapy);
  for (const therapy of e.avoidExcludes ?? []) expect(avoid).not.toContain(therapy);
  for (const code of e.alertsIncludeAll ?? []) expect(codes).toContain(code);
  for (const code of e.alertsExclude ?? []) expect(codes).not.toContain(code);
  for (const [code, severity] of Object.entries(e.alertSeverity ?? {})) expect(oneOf(severity)).toContain(out.alerts.find((a) => a.code === code)?.severity);
  if (e.mmeTotal !== undefined) expect(Math.abs((out.mme.totalPerDay ?? Number.NaN) - e.mmeTotal)).toBeLessThanOrEqual(0.5);
  if (e.mmeCurrent !== undefined) expect(Math.abs((out.mme.currentPerDay ?? Number.NaN) - e.mmeCurrent)).toBeLessThanOrEqual(0.5);
  // The contract's invariants, on every vignette.
  expect(next).not.toContain("opioid");
  for (const item of [...out.next, ...out.alerts, ...out.avoid]) expect(item.evidence.length).toBeGreaterThan(0);
}

describe("clinical vignettes", () => {
  it("are there to run", () => {
    expect(VIGNETTES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(VIGNETTES)("%s", (_file, vignette) => {
    const result = recommend(vignette.input);
    if (vignette.expectError) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues.map((i) => i.path)).toContain(vignette.errorPathIncludes);
      return;
    }
    if (!result.ok) throw new Error(`${vignette.name}: ${JSON.stringify(result.error.issues)}`);
    holds(result.recommendation, vignette.expect ?? {});
  });
});
