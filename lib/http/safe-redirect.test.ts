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
    ["/%09/evil.example/phish", "/%09/evil.example/phish"],
    ["/\t/evil.example/phish", "/"],
    ["/\n/evil.example", "/"],
    ["/\u0085/evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/patients/../encounters#top", "/encounters#top"],
    ["javascript:alert(1)", "/"],
    ["/a b", "/a%20b"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
