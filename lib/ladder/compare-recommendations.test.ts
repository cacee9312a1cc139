import { describe, expect, it } from "vitest";
import { compareRecommendations } from "./compare-recommendations";
import { run, PT_ADEQUATE_NO_RESPONSE } from "../../tests/support/assessment";

describe("compareRecommendations", () => {
  it("finds nothing to report for the same assessment", () => {
    expect(compareRecommendations(run(), run()).identical).toBe(true);
  });

  it("reports the step, suggestions, alerts and avoid entries that changed", () => {
    const then = run();
    const now = run({ treatments: [PT_ADEQUATE_NO_RESPONSE], conditions: ["gi-bleed-history"] });
    const diff = compareRecommendations(then, now);
    expect(diff).toMatchObject({ identical: false, stepThen: "conservative", stepNow: "pharmacologic", primaryChanged: true, alertsAdded: ["nsaid-contraindicated"] });
    expect(diff.suggestionsAdded).toContain("duloxetine");
    expect(diff.suggestionsRemoved).toContain("physical-therapy");
  });

  it("reports a changed severity", () => {
    const then = run({ medications: [{ drug: "oxycodone", doseMg: 15, dosesPerDay: 4 }], opioidSafety: { naloxoneOnHand: true } });
    const now = run({ medications: [{ drug: "oxycodone", doseMg: 15, dosesPerDay: 4 }], opioidSafety: { naloxoneOnHand: true }, conditions: ["sleep-apnea"] });
    expect(compareRecommendations(then, now).severityChanged).toEqual([{ code: "mme-90", then: "warning", now: "critical" }]);
  });
});
