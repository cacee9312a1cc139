import { describe, expect, it } from "vitest";
import { scoreOdi, scorePeg, scoreStartBack, scoreTwoItemScreen } from "./scores";

describe("STarT Back", () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0, "low"],
    [[1, 1, 1, 0, 0, 0, 0, 0, 0], 3, 0, "low"],
    [[0, 0, 0, 0, 1, 1, 1, 0, 0], 3, 3, "low"],
    [[1, 0, 0, 0, 1, 1, 1, 0, 0], 4, 3, "medium"],
    [[0, 0, 0, 0, 1, 1, 1, 1, 0], 4, 4, "high"],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 5, "high"],
    [[1, 1, 1, 1, 0, 0, 0, 0, 1], 5, 1, "medium"],
  ])("%j: total %i, psychosocial %i, %s risk", (items, total, psychosocial, risk) => {
    expect(scoreStartBack(items)).toEqual({ total, psychosocial, risk });
  });
});

describe("PEG", () => {
  it("is the mean of its three items", () => {
    expect(scorePeg([6, 5, 6])).toBe(5.67);
    expect(scorePeg([0, 0, 0])).toBe(0);
    expect(scorePeg([10, 10, 10])).toBe(10);
  });
});

describe("Oswestry", () => {
  it("is points over points possible in the sections answered", () => {
    expect(scoreOdi([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(100);
    expect(scoreOdi([1, 2, 3, 0, 0, 0, 0, 0, 0, 4])).toBe(20);
    expect(scoreOdi([2, 2, 2, 2, 2, 2, 2, 2, 2, null])).toBe(40);
    expect(scoreOdi([1, null, null, null, null, null, null, null, null, null])).toBe(20);
  });

  it("is unknown when no section was answered", () => {
    expect(scoreOdi(Array(10).fill(null))).toBeNull();
  });
});

describe("PHQ-2 and GAD-2", () => {
  it.each([
    [[0, 0], 0, false],
    [[1, 1], 2, false],
    [[2, 1], 3, true],
    [[3, 3], 6, true],
  ])("%j scores %i, positive %s", (items, score, positive) => {
    expect(scoreTwoItemScreen(items)).toEqual({ score, positive });
  });
});
