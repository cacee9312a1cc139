import { describe, expect, it } from "vitest";
import { capitalized, inWords } from "./wording";

describe("inWords", () => {
  it.each([
    [[], ""],
    [["gabapentin"], "gabapentin"],
    [["gabapentin", "zolpidem"], "gabapentin and zolpidem"],
    [["gabapentin", "zolpidem", "tizanidine"], "gabapentin, zolpidem and tizanidine"],
    [["meloxicam", "meloxicam"], "meloxicam"],
    [["meloxicam", "ibuprofen", "meloxicam"], "meloxicam and ibuprofen"],
  ])("%j reads as %j", (items, words) => {
    expect(inWords(items)).toBe(words);
  });
});

describe("capitalized", () => {
  it("capitalizes only the first letter", () => {
    expect(capitalized("oxycodone and diazepam")).toBe("Oxycodone and diazepam");
    expect(capitalized("")).toBe("");
  });
});
