import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serializeClients } from "./serialize-clients";

// PGlite keeps a whole Postgres in one folder, but only one process may open that folder: two openers
// corrupt it. So one process owns it and serves it over the Postgres wire protocol; a lock file names
// the owner and its port, and any other process that starts connects to that port instead.

export type EmbeddedDatabase = { url: string; owner: boolean; close: () => Promise<void> };

type LockContent = { pid: number; port: number };

const LOCK_WAIT_MS = 60_000;

export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "pglite.lock");
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (Date.now() < deadline) {
    const fd = tryCreate(lockPath);
    if (fd !== null) return serve(join(dataDir, "pglite"), lockPath, fd);
    const lock = readLock(lockPath);
    if (lock && isAlive(lock.pid)) {
      if (lock.port > 0) return { url: urlFor(lock.port), owner: false, close: async () => undefined };
    } else if (lock && !isAlive(lock.pid)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    // The owner has taken the lock but not yet written its port.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The embedded database at ${dataDir} is locked by another process that never became ready. Remove ${lockPath} if no Backstep process is running.`);
}

/** An in-memory database served the same way, for tests. */
export async function openMemoryDatabase(): Promise<EmbeddedDatabase> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 100 });
  serializeClients(server);
  await server.start();
  return { url: urlFor(portOf(server)), owner: true, close: () => closeServer(server, db) };
}

async function serve(folder: string, lockPath: string, fd: number): Promise<EmbeddedDatabase> {
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await PGlite.create(folder);
    server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 100 });
    serializeClients(server);
    await server.start();
    const port = portOf(server);
    writeSync(fd, JSON.stringify({ pid: process.pid, port } satisfies LockContent));
    closeSync(fd);
    const release = () => rmSync(lockPath, { force: true });
    process.once("exit", release);
    const opened = server;
    const openedDb = db;
    return {
      url: urlFor(port),
      owner: true,
      close: async () => {
        await closeServer(opened, openedDb);
        release();
      },
    };
  } catch (error) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    if (server && db) await closeServer(server, db);
    throw error;
  }
}

function tryCreate(path: string): number | null {
  try {
    return openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return null;
    throw error;
  }
}

function readLock(path: string): LockContent | null {
  try {
    const text = readFileSync(path, "utf8");
    if (!text) return { pid: 0, port: 0 };
    return JSON.parse(text) as LockContent;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === 0) return true; // lock created, content not yet written
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portOf(server: PGLiteSocketServer): number {
  return Number(server.getServerConn().split(":").pop());
}

async function closeServer(server: PGLiteSocketServer, db: PGlite): Promise<void> {
  await server.stop();
  await db.close();
}

function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}
