import { describe, expect, it } from "vitest";
import { meetsTarget } from "./target";

describe("a measure's rate against its target", () => {
  it("meets a ceiling at or below it and a floor at or above it, judged on the rate as shown (one decimal)", () => {
    expect(meetsTarget(0.1, 10, "lower")).toBe(true);
    expect(meetsTarget(0.1004, 10, "lower")).toBe(true);
    expect(meetsTarget(0.1006, 10, "lower")).toBe(false);
    expect(meetsTarget(0.6, 60, "higher")).toBe(true);
    expect(meetsTarget(0.59, 60, "higher")).toBe(false);
    expect(meetsTarget(null, 60, "higher")).toBeNull();
  });
});
