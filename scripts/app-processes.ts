// Running Backstep's HTTP server as separate processes on one database, for the journeys that stop the database or
// the process, and for the multi-process benchmarks: a demo database, app processes, and a TCP relay that can stand
// in for a database outage or balance connections across processes. Uses the existing production build (.next).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import pg from "pg";
import { openMemoryDatabase } from "../lib/db/embedded-server";
import { migrate } from "../lib/db/migrator";
import { createPrismaClient } from "../lib/db/prisma-client";
import { seedDemo } from "../prisma/seed";

export const HARNESS_SECRET = "app-processes-session-secret-long-enough-0001";
export const HARNESS_AUDIT_KEY = "app-processes-audit-chain-key-long-enough-001";

export type Database = { url: string; close: () => Promise<void> };
type Target = { host: string; port: number } | { path: string };

/** An empty database made on the PostgreSQL server `serverUrl` for this run; `close` drops it. */
export async function scratchDatabase(serverUrl: string): Promise<Database> {
  const name = `backstep_run_${process.pid}_${Date.now()}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), close: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A migrated demo database: in memory (embedded), or a scratch database on the PostgreSQL server `serverUrl`. */
export async function demoDatabase(serverUrl?: string): Promise<Database> {
  const database = serverUrl ? await scratchDatabase(serverUrl) : await openMemoryDatabase();
  await migrate(database.url);
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma, new Date(new Date().toISOString().slice(0, 10)), HARNESS_SECRET);
  await prisma.$disconnect();
  return database;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Where a database URL connects: its TCP host and port, or its Unix socket. */
export function databaseTarget(databaseUrl: string): Target {
  const url = new URL(databaseUrl);
  const socketDir = url.searchParams.get("host");
  const port = Number(url.searchParams.get("port") ?? url.port ?? 5432) || 5432;
  if (socketDir?.startsWith("/")) return { path: `${socketDir}/.s.PGSQL.${port}` };
  return { host: url.hostname, port };
}

/** The same database reached through a relay on `port`. */
export function throughRelay(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.searchParams.delete("host");
  url.searchParams.delete("port");
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

export type Relay = {
  port: number;
  /** Connections handed to each target, in the order the targets were given. */
  connections: number[];
  /** Drops every connection and refuses new ones, as a database that went away. */
  cut: () => Promise<void>;
  /** Accepts connections again. */
  restore: () => Promise<void>;
  /** Holds everything sent either way until `resume`, as a database that stalls. */
  pause: () => void;
  resume: () => void;
  close: () => Promise<void>;
};

/** A loopback TCP relay to one target, or round-robin (per connection) across several. */
export async function startRelay(targets: Target[], port = 0): Promise<Relay> {
  const sockets = new Set<Socket>();
  const connections = targets.map(() => 0);
  let next = 0;
  let paused = false;
  const held: Array<() => void> = [];
  let server: Server;
  const listen = (at: number) =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const index = next++ % targets.length;
        connections[index]! += 1;
        const upstream = createConnection(targets[index]!);
        for (const [from, to] of [
          [client, upstream],
          [upstream, client],
        ] as const) {
          sockets.add(from);
          from.on("data", (chunk) => (paused ? held.push(() => to.write(chunk)) : to.write(chunk)));
          from.on("error", () => to.destroy());
          from.on("close", () => {
            sockets.delete(from);
            to.end();
          });
        }
      });
      server.listen(at, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
    });
  const bound = await listen(port);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    port: bound,
    connections,
    cut: stop,
    restore: async () => void (await listen(bound)),
    pause: () => void (paused = true),
    resume: () => {
      paused = false;
      for (const send of held.splice(0)) send();
    },
    close: stop,
  };
}

export type AppProcess = { url: string; child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

const HARNESS_ENV = {
  NEXTAUTH_SECRET: HARNESS_SECRET,
  AUDIT_CHAIN_KEY: HARNESS_AUDIT_KEY,
  BACKSTEP_MODE: "demo",
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  SESSION_IDLE_MINUTES: "60",
};

/** One app process (scripts/next-server.ts, the production build) on `port` against `databaseUrl`. */
export function startApp(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  return startServer(["scripts/next-server.ts"], port, { DATABASE_URL: databaseUrl, ...env }, 60_000);
}

/**
 * Backstep as `npm start` runs it (scripts/serve.ts) in demo mode: on the embedded database under `dataDir` (served by
 * the launcher's process), or on DATABASE_URL when `env` gives one; migrated, seeded, built when stale.
 */
export function startLauncher(port: number, dataDir: string, env: Record<string, string> = {}): Promise<AppProcess> {
  return startServer(["scripts/serve.ts", "--fresh"], port, { BACKSTEP_DATA_DIR: dataDir, ...env }, 300_000);
}

async function startServer(args: string[], port: number, env: Record<string, string>, readyWithinMs: number): Promise<AppProcess> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...HARNESS_ENV, PORT: String(port), NEXTAUTH_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited: ${output}`);
    const ready = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      // Stopped before giving up, so a failed start leaves no server behind, working on its own.
      child.kill("SIGTERM");
      await exited;
      throw new Error(`the app on port ${port} did not become ready: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Signs in over HTTP as next-auth's credentials form does; returns the Cookie header that carries the session. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = new Map(csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!.split("=") as [string, string]));
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  for (const cookie of response.headers.getSetCookie()) {
    const [name, value] = cookie.split(";")[0]!.split("=") as [string, string];
    cookies.set(name, value);
  }
  if (![...cookies.keys()].some((name) => name.includes("session-token"))) throw new Error(`signing in as ${email} failed (${response.status})`);
  return cookieHeader(cookies);
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Calls a server action over HTTP as the app's own pages do (the action's id from the build's manifest), and returns
 * the HTTP status with the response text (React's action payload), or where the action redirected.
 */
export async function callServerAction(baseUrl: string, cookie: string, pagePath: string, exportedName: string, args: unknown[]): Promise<{ status: number; text: string; redirect: string | null }> {
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Next-Action": actionId(exportedName), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: baseUrl },
    body: JSON.stringify(args),
  });
  const redirect = response.headers.get("x-action-redirect")?.split(";")[0] ?? null;
  return { status: response.status, text: await response.text(), redirect };
}

let actionIds: Map<string, string> | undefined;

function actionId(exportedName: string): string {
  actionIds ??= new Map(
    Object.entries((JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> }).node).map(([id, entry]) => [entry.exportedName, id]),
  );
  const id = actionIds.get(exportedName);
  if (!id) throw new Error(`no server action ${exportedName} in this build`);
  return id;
}
