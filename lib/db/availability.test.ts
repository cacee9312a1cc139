import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./availability";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["cannot reach the server", { code: "P1001", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }],
    ["a raw query on a dead connection", { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }],
    ["no transaction started in time", { code: "P2028" }],
    ["the server shutting down", { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } }],
    ["a statement past its timeout", { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57014" } } } }],
    ["a refused socket underneath", new Error("failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) })],
  ])("is true for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2002" }],
    ["a check constraint", { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "23514" } } } }],
    ["a plain bug", new TypeError("x is undefined")],
    ["nothing", undefined],
  ])("is false for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
