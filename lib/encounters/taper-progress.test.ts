import { describe, expect, it } from "vitest";
import { assessmentSchema } from "@/lib/ladder/assessment-schema";
import { taperScheduleFor } from "@/lib/ladder/taper-schedule";
import { taperProgress, taperProgressText } from "./taper-progress";

const scheduleOn = (medications: object[], durationWeeks = 20) =>
  taperScheduleFor(assessmentSchema.parse({ asOf: "2026-09-01", patient: { ageYears: 50 }, pain: { durationWeeks: 100, intensity: 6 }, treatments: [{ therapy: "opioid", status: "current", weeks: durationWeeks }], medications }));

describe("a taper's progress", () => {
  it("is the step reached by the whole weeks since it was agreed, with the next one", () => {
    const weekly = scheduleOn([{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }]);
    expect(weekly?.pace).toBe("weekly");
    expect(taperProgress("2026-09-01", weekly, "2026-09-07")).toMatchObject({ week: 0, step: null, next: { week: 1, percentOfStart: 90 } });
    expect(taperProgressText(taperProgress("2026-09-01", weekly, "2026-09-16")!)).toBe("agreed 2026-09-01; week 2: 80% of the starting dose (oxycodone 32 mg a day, 48 MME/day); next step week 3, 70%");
  });

  it("says when the schedule's last step is reached, and gives only the total for more than one opioid", () => {
    const two = scheduleOn([{ drug: "oxycodone", doseMg: 10, dosesPerDay: 2 }, { drug: "morphine", form: "er", doseMg: 15, dosesPerDay: 2 }]);
    expect(taperProgressText(taperProgress("2026-09-01", two, "2027-01-01")!)).toBe("agreed 2026-09-01; week 17: 50% of the starting dose (30 MME/day); the schedule's last step is reached: review together");
  });

  it("is nothing for a record whose taper order holds no schedule", () => {
    expect(taperProgress("2026-09-01", null, "2026-10-01")).toBeNull();
    expect(taperProgress("2026-09-01", { kind: "taper_plan" }, "2026-10-01")).toBeNull();
  });
});
