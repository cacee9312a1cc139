import { describe, expect, it } from "vitest";
import { assessment, run } from "../../tests/support/assessment";
import { notCountedInMme } from "@/lib/ladder/mme";
import { signedSummary } from "./signed-summary";

const value = (summary: ReturnType<typeof signedSummary>, label: string) => summary.assessed.find((row) => row.label === label)?.value;

describe("the signed record's summary", () => {
  it("shows the medicines before and after the visit's orders, with the MME the recommendation signed", () => {
    const medications = [
      { drug: "oxycodone" as const, doseMg: 10, dosesPerDay: 4 },
      { drug: "alprazolam" as const, doseMg: 0.5, dosesPerDay: 2 },
    ];
    const orders = [{ action: "change" as const, medication: { drug: "oxycodone" as const, doseMg: 5, dosesPerDay: 4 } }];
    const recommendation = run({ medications, orders });
    const summary = signedSummary(assessment({ medications }), recommendation, orders.map((o) => ({ kind: "medication", medicationAction: o.action, detail: o.medication })));
    expect(summary.medicines).toEqual({
      before: [
        { drug: "oxycodone", sig: "10 mg × 4/day", mme: "60 MME/day" },
        { drug: "alprazolam", sig: "0.5 mg × 2/day", mme: null },
      ],
      after: [
        { drug: "oxycodone", sig: "5 mg × 4/day", mme: "30 MME/day" },
        { drug: "alprazolam", sig: "0.5 mg × 2/day", mme: null },
      ],
      mmeBefore: "60 MME/day",
      mmeAfter: "30 MME/day",
    });
  });

  it("says an opioid without a dose is not computable, never zero, and names a medicine for opioid use disorder", () => {
    const medications = [{ drug: "oxycodone" as const }, { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const }];
    const summary = signedSummary(assessment({ medications, conditions: ["opioid-use-disorder"] }), run({ medications, conditions: ["opioid-use-disorder"] }), []);
    expect(summary.medicines.before[0]).toEqual({ drug: "oxycodone", sig: "", mme: "MME not computable" });
    expect(summary.medicines.before[1]?.drug).toBe("buprenorphine (for opioid use disorder)");
    expect(summary.medicines.mmeAfter).toBe("MME not computable (at least 0)");
  });

  it("says buprenorphine for pain is not counted in MME, as the panel does, rather than calling its dose not computable", () => {
    const medications = [{ drug: "buprenorphine" as const, form: "patch" as const, mcgPerHour: 10 }];
    const recommendation = run({ medications });
    const summary = signedSummary(assessment({ medications }), recommendation, []);
    expect(summary.medicines.before[0]?.mme).toBe("not counted in MME");
    expect(recommendation.mme.totalPerDay).toBe(0);
    expect(notCountedInMme(recommendation.mme)).toEqual(["buprenorphine"]);
  });

  it("gives the scores as the recommendation computed them, and says what was not done or recorded", () => {
    const signed = assessment({ redFlags: [], screening: { startBack: [1, 0, 1, 1, 0, 1, 0, 0, 1], peg: [6, 5, 7] }, opioidSafety: { pdmpReviewedDaysAgo: 0, urineDrugTestDaysAgo: null } });
    const recommendation = run(signed);
    const summary = signedSummary(signed, recommendation, []);
    expect(value(summary, "STarT Back")).toBe(`${recommendation.classification.startBack?.total}/9, psychosocial ${recommendation.classification.startBack?.psychosocial}/5, ${recommendation.classification.startBack?.risk} risk`);
    expect(value(summary, "PEG")).toBe(`${recommendation.classification.peg}/10`);
    expect(value(summary, "Oswestry")).toBe("not done");
    expect(value(summary, "Red flags asked")).toBe("none present");
    expect(value(summary, "Pain")).toBe("26 weeks, 6/10 (chronic)");
    expect(value(summary, "Naloxone on hand")).toBe("not recorded");
    expect(value(summary, "PDMP checked")).toBe("today");
    expect(value(summary, "Urine drug test")).toBe("never / unknown");
  });

  it("says a record signed before the before-total existed did not record it", () => {
    const recommendation = run({});
    const older = { ...recommendation, mme: { ...recommendation.mme, currentPerDay: undefined as unknown as null } };
    expect(signedSummary(assessment(), older, []).medicines.mmeBefore).toBe("not recorded at signing");
  });
});
