// The HTTP server in front of the app: the one place that sees the socket, so the one place that decides the client's
// address (lib/http/client-address.ts); it also answers 503 while the database is unreachable, seals the audit trail
// and counts newly signed visits into the measures in the background, and stops gracefully. Started by scripts/serve.ts with the database and secrets in place.
//   tsx scripts/next-server.ts [--dev]
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { applyClientAddress, parseTrustedProxies } from "../lib/http/client-address";
import { createPrismaClient, type Db } from "../lib/db/prisma-client";
import { RETRY_AFTER_SECONDS, serverState, UNAVAILABLE_MESSAGE } from "../lib/db/availability";
import { startDatabaseMonitor } from "../lib/db/database-monitor";
import { startAuditSealer } from "../lib/audit/audit-sealer";
import { startMeasureWorker } from "../lib/measures/measure-cases";
import { auditChainKey } from "../lib/audit/chain-key";
import { poolSettings } from "../lib/db/pool-settings";
import { readLaunchEnv } from "./launch-env";

const dev = process.argv.includes("--dev");
const env = readLaunchEnv(process.env);
const port = env.PORT;
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
// Served at an https address, browsers are told to use nothing else for a year, for every kind of response.
const hsts = env.NEXTAUTH_URL?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;

// The methods the app answers; others (TRACE, PUT, ...) get 405 here rather than reaching Next. OPTIONS is answered
// only for the CDS Hooks endpoints, whose browser-based callers send a CORS preflight.
const METHODS = new Set(["GET", "HEAD", "POST"]);
const PREFLIGHT_PATHS = /^\/cds-services(\/|\?|$)/;
// Answered even while the database is down: the liveness probe, and the scripts and styles of pages already open.
const SERVED_WITHOUT_DATABASE = /^\/(api\/health(\/live)?|_next\/static\/.*|favicon\.ico)(\?.*)?$/;

const state = serverState();
// The background work's own small pool, so it never waits behind requests for a connection.
const background = createPrismaClient(process.env.DATABASE_URL!, { ...poolSettings(env), poolSize: 3 });
const monitor = startDatabaseMonitor(state, () => background.$queryRaw`SELECT 1`, (down) => log(down ? "database unreachable: answering 503 until it is back" : "database reachable again"));
const backgroundFailure = (what: string) => (error: unknown) => {
  if (!state.databaseDown) log(`${what} failed (${error instanceof Error ? error.name : "unknown"}); retrying`);
};
const sealer = startAuditSealer(background, auditChainKey(), 500, backgroundFailure("audit sealing"));
const measureWorker = startMeasureWorker(background, 500, backgroundFailure("counting measure cases"));

const app = next({ dev, port, dir: process.cwd() });
const handle = app.getRequestHandler();
let inFlight = 0;

await app.prepare();
const server = createServer((request, response) => {
  if (!METHODS.has(request.method ?? "") && !(request.method === "OPTIONS" && PREFLIGHT_PATHS.test(request.url ?? ""))) {
    answer(response, 405, { Allow: [...METHODS].join(", ") }, { error: "method-not-allowed", message: `${request.method} is not supported.` });
    return;
  }
  if (hsts) response.setHeader("Strict-Transport-Security", hsts);
  if (state.draining) {
    answer(response, 503, { "Retry-After": "1", Connection: "close" }, { error: "unavailable", message: "Backstep is restarting; try again in a moment. Nothing was saved." });
    return;
  }
  if (state.databaseDown && !SERVED_WITHOUT_DATABASE.test(request.url ?? "")) {
    unavailable(response, (request.headers.accept ?? "").includes("text/html") && !request.url?.startsWith("/api/"));
    return;
  }
  applyClientAddress(request.headers, request.socket.remoteAddress, trusted);
  answerOutageAs503(response);
  inFlight += 1;
  response.on("close", () => (inFlight -= 1));
  void handle(request, response);
});
server.listen(port, () => log(`listening on port ${port}`));

// A page whose rendering failed because the database went away mid-request is answered 503, not 500: the app notes
// such failures (lib/db/availability.ts), which marks the database down before Next writes its error page.
function answerOutageAs503(response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 500 && state.databaseDown) {
      response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return writeHead(503, ...rest);
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
}

function unavailable(response: ServerResponse, html: boolean): void {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS) };
  if (!html) return answer(response, 503, headers, { error: "unavailable", message: UNAVAILABLE_MESSAGE });
  response.writeHead(503, { ...headers, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" });
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Temporarily unavailable · Backstep</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937"><h1>Backstep is temporarily unavailable</h1>` +
      `<p>Its database cannot be reached right now. Nothing was saved by this request. A visit you were editing is kept in this browser and comes back when you reopen it.</p>` +
      `<p>This page tries again every ${RETRY_AFTER_SECONDS} seconds.</p></body></html>`,
  );
}

function answer(response: ServerResponse, status: number, headers: Record<string, string>, body: object): void {
  response.writeHead(status, { ...headers, "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify(body));
}

// SIGTERM (or SIGINT): accept no more connections, let requests in flight finish (up to SHUTDOWN_GRACE_SECONDS), seal
// what they wrote, close the pools, exit.
async function shutdown(signal: string): Promise<void> {
  if (state.draining) return;
  state.draining = true;
  log(`${signal}: finishing ${inFlight} request(s) in flight, accepting no more`);
  server.close();
  server.closeIdleConnections();
  const deadline = Date.now() + env.SHUTDOWN_GRACE_SECONDS * 1000;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (inFlight > 0) log(`${inFlight} request(s) still running after ${env.SHUTDOWN_GRACE_SECONDS} s; stopping anyway`);
  server.closeAllConnections();
  monitor.stop();
  await Promise.all([sealer.stop(), measureWorker.stop()]);
  const appDb = (globalThis as unknown as { backstepDb?: Db }).backstepDb;
  await Promise.allSettled([background.$disconnect(), appDb?.$disconnect()]);
  log("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

function log(message: string): void {
  console.log(`[backstep] ${message}`);
}
