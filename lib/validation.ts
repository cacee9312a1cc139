import type { z } from "zod";
import { AppError, type FieldIssue } from "./errors";

/** Each problem with the field it belongs to, as a dotted path ("pain.intensity"); "(root)" for the input as a whole. */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(root)", message: issue.message }));
}

/** Parses untrusted input at a boundary; a failure names every field that was wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("invalid-input", "Some fields need attention.", toFieldIssues(result.error));
  }
  return result.data;
}
