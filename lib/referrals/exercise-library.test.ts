import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExerciseDrawing } from "@/components/referrals/exercise-drawing";
import { TBC_SUBGROUPS } from "@/lib/ladder/vocabulary";
import { describeDose, EXERCISES, EXERCISES_BY_ID, suggestedProgram } from "./exercise-library";

describe("the home exercise library", () => {
  it("leads each subgroup's suggested program with its key exercises, then core, flexibility, walking and posture", () => {
    expect(suggestedProgram("specific-exercise-extension").map((i) => i.id)).toEqual(["prone-press-up", "bridge", "hamstring-stretch", "walking", "sit-to-stand"]);
    expect(suggestedProgram("lateral-shift").map((i) => i.id).slice(0, 2)).toEqual(["prone-press-up", "side-glide"]);
    expect(suggestedProgram(null).map((i) => i.id)).toEqual(["bridge", "hamstring-stretch", "walking", "sit-to-stand"]);
    for (const subgroup of TBC_SUBGROUPS) expect(EXERCISES_BY_ID.get(suggestedProgram(subgroup)[0]!.id)?.part, subgroup).toBe("Key exercise");
  });

  it("says each dose in words", () => {
    const bridge = EXERCISES_BY_ID.get("bridge")!;
    expect(describeDose(bridge, bridge.dose)).toBe("2 sets of 10, hold 3 seconds, once a day");
    const pressUp = EXERCISES_BY_ID.get("prone-press-up")!;
    expect(describeDose(pressUp, { sets: 1, reps: 10, timesPerDay: 4 })).toBe("10 times, 4 times a day");
    const stretch = EXERCISES_BY_ID.get("hamstring-stretch")!;
    expect(describeDose(stretch, stretch.dose)).toBe("3 times, hold 30 seconds, once a day");
    expect(describeDose(EXERCISES_BY_ID.get("walking")!, { sets: 1, reps: 1, timesPerDay: 2 })).toBe("2 times a day, building to 30 minutes");
  });

  it("draws every exercise, named for screen readers", () => {
    for (const exercise of EXERCISES) {
      const svg = renderToStaticMarkup(createElement(ExerciseDrawing, { id: exercise.id, name: exercise.name }));
      expect(svg, exercise.id).toContain(`aria-label="Drawing: ${exercise.name}"`);
      expect(svg, exercise.id).toMatch(/<circle [^>]*r="7"/);
    }
    expect(renderToStaticMarkup(createElement(ExerciseDrawing, { id: "nope", name: "Nope" }))).toBe("");
  });
});
