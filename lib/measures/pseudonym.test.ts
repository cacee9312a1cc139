import { describe, expect, it } from "vitest";
import { pseudonym, pseudonymKey } from "./pseudonym";

describe("pseudonym", () => {
  const key = pseudonymKey("a-server-secret-that-is-long-enough-for-tests", "org-1");

  it("is stable for one value and key, and does not contain the value", () => {
    const first = pseudonym(key, "patient", "RV-100101");
    expect(first).toBe(pseudonym(key, "patient", "RV-100101"));
    expect(first).toMatch(/^P-[0-9a-f]{20}$/);
    expect(first).not.toContain("100101");
  });

  it("differs between values, kinds, organizations and secrets", () => {
    const base = pseudonym(key, "patient", "RV-100101");
    expect(pseudonym(key, "patient", "RV-100102")).not.toBe(base);
    expect(pseudonym(key, "encounter", "RV-100101")).not.toBe(base.replace("P-", "E-"));
    expect(pseudonym(pseudonymKey("a-server-secret-that-is-long-enough-for-tests", "org-2"), "patient", "RV-100101")).not.toBe(base);
    expect(pseudonym(pseudonymKey("another-server-secret-that-is-long-enough", "org-1"), "patient", "RV-100101")).not.toBe(base);
  });
});
