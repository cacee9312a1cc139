import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainText } from "./plain-text";

const name = plainText(z.string(), "Family name");
const note = plainText(z.string(), "notes", "note");

describe("plain text", () => {
  it.each([
    ["a NUL byte", "Ames\u0000"],
    ["a right-to-left override", "Ames\u202Etxt.exe"],
    ["a zero-width space", "Am\u200Bes"],
    ["a byte-order mark", "\uFEFFAmes"],
    ["a C1 control", "Ames\u0085"],
    ["a line break in a name", "Ames\nBell"],
  ])("refuses %s, naming the field", (_label, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Family name contains a control or invisible character; retype it");
  });

  it("keeps what real names and notes hold: accents, apostrophes, scripts, and line breaks in notes", () => {
    for (const value of ["Ó Súilleabháin", "D'Arcy-Ng", "山田", "Nguyễn", "حداد"]) expect(name.safeParse(value).success).toBe(true);
    expect(note.safeParse("Walked 20 minutes.\nNo pain at night.\tGood week.").success).toBe(true);
    expect(note.safeParse("Walked\u0000").success).toBe(false);
  });
});
