import { noteFailure, UNAVAILABLE_MESSAGE } from "@/lib/db/availability";

// Errors meant for people: a code the routes map to an HTTP status, a message saying what to do,
// and for invalid input the field each problem belongs to.

export const ERROR_STATUS = {
  "invalid-input": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "too-large": 413,
  "unsupported-media-type": 415,
  throttled: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The error to show for a failure: the AppError itself, "unavailable" when the database could not serve, else null (a fault). */
export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (noteFailure(error)) return new AppError("unavailable", UNAVAILABLE_MESSAGE);
  return null;
}
