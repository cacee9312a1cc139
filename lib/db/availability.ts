// Whether a failure means the database cannot serve right now (down, restarting, unreachable, out of connections, too
// slow), as opposed to a fault in the request or the code. Such failures are answered 503 "try again shortly": the
// transaction they happened in was rolled back, so nothing was saved.

// Prisma: P1001 cannot reach, P1002 timed out reaching, P1008 operation timed out, P1017 connection closed, P2024 no
// connection from the pool in time, P2028 no transaction started in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// What the driver adapter reports underneath.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
// PostgreSQL: the connection failed (08), the server is shutting down or starting (57P0x), out of connections (53300),
// or a statement ran past its timeout (57014).
const POSTGRES_CODE = /^(08...|57P0[1-4]|53300|57014)$/;

type MaybeDriverError = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }; cause?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error as MaybeDriverError | undefined, depth = 0; current && typeof current === "object" && depth < 5; current = current.cause as MaybeDriverError, depth += 1) {
    if (typeof current.code === "string" && (PRISMA_CODES.has(current.code) || POSTGRES_CODE.test(current.code))) return true;
    const cause = current.meta?.driverAdapterError?.cause;
    if (typeof cause?.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
    if (typeof cause?.code === "string" && POSTGRES_CODE.test(cause.code)) return true;
    if (typeof current.code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOENT"].includes(current.code)) return true;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = "Backstep is temporarily unavailable: its database cannot be reached right now. Nothing was saved; try again in a moment.";
export const RETRY_AFTER_SECONDS = 5;

// What the HTTP server in front (scripts/next-server.ts) and the app's code share. The app is bundled apart from the
// server, so a module variable would be two variables: this lives on globalThis.
export type ServerState = {
  /** Stopping: finishing requests in flight, accepting no more. */
  draining: boolean;
  /** The last check found the database unreachable; pages are answered 503 until a check finds it back. */
  databaseDown: boolean;
  /** Asks for a check now: the app saw a failure that may mean the database went away. */
  recheckDatabase: () => void;
};

export function serverState(): ServerState {
  const holder = globalThis as unknown as { backstepServerState?: ServerState };
  holder.backstepServerState ??= { draining: false, databaseDown: false, recheckDatabase: () => {} };
  return holder.backstepServerState;
}

/**
 * Notes a failure seen by the app. When it is the database's, the database counts as down at once (so this request's
 * error page goes out as a 503) and the server checks it now, clearing the mark within milliseconds if it is fine.
 */
export function noteFailure(error: unknown): boolean {
  const unavailable = isDatabaseUnavailable(error);
  if (unavailable) {
    const state = serverState();
    state.databaseDown = true;
    state.recheckDatabase();
  }
  return unavailable;
}
