import { describe, expect, it } from "vitest";
import { assessTrial, assessTrials, DEFAULT_ADHERENCE_THRESHOLD_PERCENT as DEFAULT } from "./adequacy";
import type { Treatment } from "./assessment-schema";

const pt = (extra: Partial<Treatment>): Treatment => ({ therapy: "physical-therapy", status: "completed", ...extra });

describe("when a trial counts as tried", () => {
  it.each<[string, Treatment, string, boolean?]>([
    ["6 weeks at 60% with no response", pt({ weeks: 6, adherencePercent: 60, response: "none" }), "failed"],
    ["5.9 weeks", pt({ weeks: 5.9, adherencePercent: 90, response: "none" }), "too-short"],
    ["5 weeks and still going", pt({ status: "current", weeks: 5, response: "none" }), "in-progress"],
    ["59% adherence", pt({ weeks: 8, adherencePercent: 59, response: "none" }), "low-adherence"],
    ["59% adherence but a good response", pt({ weeks: 8, adherencePercent: 59, response: "good" }), "responding"],
    ["8 sessions, weeks unknown", pt({ sessions: 8, response: "partial" }), "failed", true],
    ["7 sessions, weeks unknown", pt({ sessions: 7, response: "none" }), "too-short"],
    ["completed, duration unknown", pt({ response: "none" }), "failed"],
    ["not tolerated after a week", pt({ weeks: 1, response: "not-tolerated" }), "not-tolerated"],
    ["too early to judge", pt({ weeks: 10, response: "too-early" }), "in-progress"],
    ["good response", pt({ weeks: 8, adherencePercent: 85, response: "good" }), "responding"],
  ])("PT: %s", (_label, treatment, verdict, partial = false) => {
    const result = assessTrial(treatment, 6, DEFAULT);
    expect(result.verdict).toBe(verdict);
    expect(result.partial).toBe(partial);
    expect(result.because).toMatch(/^physical therapy \(/);
  });

  it("describes the trial in words: the therapy and the response as a clinician says them", () => {
    expect(assessTrial(pt({ weeks: 1, response: "not-tolerated" }), 6, DEFAULT).because).toMatch(/^physical therapy \(completed, 1 week, response not tolerated\)/);
    expect(assessTrial(pt({ weeks: 3, response: "too-early" }), 6, DEFAULT).because).toMatch(/response too early to judge/);
  });

  it("infers a missing response from current pain, and says so", () => {
    expect(assessTrial(pt({ weeks: 8 }), 6, DEFAULT)).toMatchObject({ verdict: "failed", partial: true, because: expect.stringContaining("inferred from current pain 6/10") });
    expect(assessTrial(pt({ weeks: 8 }), 2, DEFAULT)).toMatchObject({ verdict: "responding" });
  });

  it("uses the thresholds of each therapy", () => {
    expect(assessTrial({ therapy: "nsaid", status: "stopped", weeks: 2, response: "none" }, 6, DEFAULT).verdict).toBe("failed");
    expect(assessTrial({ therapy: "nsaid", status: "stopped", weeks: 1, response: "none" }, 6, DEFAULT).verdict).toBe("too-short");
    expect(assessTrial({ therapy: "duloxetine", status: "current", weeks: 5, response: "none" }, 6, DEFAULT).verdict).toBe("in-progress");
    expect(assessTrial({ therapy: "duloxetine", status: "stopped", weeks: 6, response: "none" }, 6, DEFAULT).verdict).toBe("failed");
    expect(assessTrial({ therapy: "home-exercise", status: "completed", weeks: 7, adherencePercent: 90, response: "none" }, 6, DEFAULT).verdict).toBe("too-short");
    expect(assessTrial({ therapy: "home-exercise", status: "completed", weeks: 8, adherencePercent: 90, response: "none" }, 6, DEFAULT).verdict).toBe("failed");
  });

  it("judges adherence against the threshold it is given, for exercise programs only", () => {
    const trial = pt({ weeks: 8, adherencePercent: 65, response: "none" });
    expect(assessTrial(trial, 6, DEFAULT).verdict).toBe("failed");
    expect(assessTrial(trial, 6, 70)).toMatchObject({ verdict: "low-adherence", because: expect.stringContaining("adherence 65% is below 70%") });
    expect(assessTrial(pt({ weeks: 8, adherencePercent: 70, response: "none" }), 6, 70).verdict).toBe("failed");
    expect(assessTrial(pt({ weeks: 8, adherencePercent: 35, response: "none" }), 6, 30).verdict).toBe("failed");
    expect(assessTrial({ therapy: "nsaid", status: "stopped", weeks: 4, adherencePercent: 20, response: "none" }, 6, 90).verdict).toBe("failed");
  });

  it("keeps the trial under way over an older failed one", () => {
    const trials = assessTrials([pt({ weeks: 8, response: "none" }), pt({ status: "current", weeks: 2 })], 6, DEFAULT);
    expect(trials.get("physical-therapy")?.verdict).toBe("in-progress");
  });
});
