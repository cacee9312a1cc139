import type { z } from "zod";
import { AppError, type FieldIssue } from "./errors";

const KINDS: Record<string, string> = { array: "a list", object: "an object", number: "a number", string: "text", boolean: "true or false", date: "a date", bigint: "a whole number" };

/** Each problem with the field it belongs to, as a dotted path ("pain.intensity"); "(root)" for the input as a whole. */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(root)";
    return { path, message: issue.code === "invalid_type" && issue.message.startsWith("Invalid input") ? wrongKind(path, issue) : issue.message };
  });
}

/** zod's own wording for a value of the wrong kind names no field; this one does, in words ("treatments must be a list, not text"). */
function wrongKind(path: string, issue: z.core.$ZodIssueInvalidType): string {
  const received = /received (\w+)/.exec(issue.message)?.[1];
  const got = received ? `, not ${KINDS[received] ?? received}` : "";
  const kind = KINDS[issue.expected] ?? issue.expected;
  return received === "undefined" ? `${path} is required (${kind})` : `${path} must be ${kind}${got}`;
}

/** Parses untrusted input at a boundary; a failure names every field that was wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("invalid-input", "Some fields need attention.", toFieldIssues(result.error));
  }
  return result.data;
}
