import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/patients?q=x", "/patients?q=x"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
    [["/a"], "/"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
