import { describe, expect, it } from "vitest";
import { avoided, PT_ADEQUATE_NO_RESPONSE, run } from "../../../tests/support/assessment";

const BOTH = ["bed-rest", "opioid", "imaging", "nsaid", "spinal-manipulation", "massage", "epidural-steroid-injection", "facet-joint-injection", "acetaminophen", "oral-corticosteroid", "benzodiazepine", "gabapentinoid", "tricyclic"];

describe("what to avoid", () => {
  it("lists what does not work, with a reason and evidence, in the us profile", () => {
    const out = run();
    expect(avoided(out)).toEqual(BOTH);
    for (const entry of out.avoid) {
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(entry.evidence.length).toBeGreaterThan(0);
    }
  });

  it("adds what NICE does not offer in the uk profile, with the disagreement shown", () => {
    const out = run({ profile: "uk" });
    expect(avoided(out)).toEqual([...BOTH, "duloxetine", "acupuncture"]);
    expect(out.profileDifferences.map((d) => d.therapy)).toEqual(expect.arrayContaining(["acupuncture", "duloxetine", "opioid"]));
    expect(out.avoid.find((a) => a.therapy === "opioid")?.evidence[0]?.sourceId).toBe("nice-ng59");
  });

  it("never lists a therapy the same evaluation suggests", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE] });
    expect(out.next[0]?.therapy).toBe("nsaid");
    expect(avoided(out)).not.toContain("nsaid");
  });

  it("lists nothing while the ladder is suspended", () => {
    expect(run({ redFlags: ["cancer-history"] }).avoid).toEqual([]);
  });
});
