import { describe, expect, it } from "vitest";
import { capitalized, count, inWords, therapyName } from "./wording";

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

describe("therapyName", () => {
  it.each([
    ["physical-therapy", "physical therapy"],
    ["psychologically-informed-pt", "psychologically informed physical therapy"],
    ["nsaid", "NSAID"],
    ["yoga-tai-chi", "yoga or tai chi"],
    ["medial-branch-block", "medial branch block"],
  ])("%s reads as %s", (code, words) => {
    expect(therapyName(code)).toBe(words);
  });
});

describe("count", () => {
  it("is singular for one and plural otherwise", () => {
    expect([count(0, "week"), count(1, "week"), count(2, "day")]).toEqual(["0 weeks", "1 week", "2 days"]);
  });
});
