import { describe, expect, it } from "vitest";
import { formNumber } from "./form-number";

describe("a number typed in a form", () => {
  it("is undefined when blank, a number when it is one, and the text itself otherwise, for the server to name", () => {
    expect(formNumber(null)).toBeUndefined();
    expect(formNumber("")).toBeUndefined();
    expect(formNumber("12")).toBe(12);
    expect(formNumber("4.5")).toBe(4.5);
    expect(formNumber("ten")).toBe("ten");
  });
});
