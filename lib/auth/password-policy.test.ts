import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("the password policy", () => {
  it("asks for 12 characters or more, with no rules about which", () => {
    expect(passwordProblem("Tr0ub4dor&3")).toBe("use at least 12 characters");
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("lanternmoss quietly figs")).toBeNull();
  });

  it.each(["password1234", "123456789012", "qwertyuiopas", "iloveyou1234", "aaaaaaaaaaaa", "Password123!"])("refuses %s as too easy to guess", (password) => {
    expect(passwordProblem(password)).toMatch(/^this password is too easy to guess/);
  });

  it("counts the person's own name, email and organization against the password", () => {
    expect(passwordProblem("riverside2026!")).toBeNull();
    expect(passwordProblem("riverside2026!", ["Ada Lovelace", "ada@riverside.example", "Riverside Health"])).toMatch(/^this password is too easy to guess \(.*personal/);
  });

  it("refuses an absurdly long password rather than hashing it", () => {
    expect(passwordProblem("x".repeat(257))).toBe("use at most 256 characters");
  });
});
