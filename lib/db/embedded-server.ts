import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serializeClients } from "./serialize-clients";

// PGlite keeps a whole Postgres in one folder, but only one process may open that folder: two openers
// corrupt it. So one process owns it and serves it over the Postgres wire protocol; a lock file names
// the owner and where it listens, and any other process that starts connects there instead.
//
// It listens on a Unix socket in a directory only this OS user may enter (mode 0700), never on a TCP port: PGlite
// lets anyone who reaches it in as its superuser without a password, so reaching it must itself be the check.

export type EmbeddedDatabase = { url: string; owner: boolean; close: () => Promise<void> };

type LockContent = { pid: number; socketDir: string };

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
      if (lock.socketDir) return { url: urlFor(lock.socketDir), owner: false, close: async () => undefined };
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
  const { server, socketDir } = await listen(db);
  return { url: urlFor(socketDir), owner: true, close: () => closeServer(server, db, socketDir) };
}

// The socket directory is made fresh under the system's temporary folder (a path inside the data folder could pass
// the 107-byte limit on socket paths); mkdtemp creates it with mode 0700.
const SOCKET_PORT = 5432;

async function listen(db: PGlite): Promise<{ server: PGLiteSocketServer; socketDir: string }> {
  const socketDir = mkdtempSync(join(tmpdir(), "backstep-db-"));
  if ((statSync(socketDir).mode & 0o077) !== 0) throw new Error(`${socketDir} is open to other users; refusing to serve the database there`);
  const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`), maxConnections: 100 });
  serializeClients(server);
  await server.start();
  return { server, socketDir };
}

async function serve(folder: string, lockPath: string, fd: number): Promise<EmbeddedDatabase> {
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  let socketDir: string | undefined;
  try {
    db = await PGlite.create(folder);
    const listening = await listen(db);
    server = listening.server;
    socketDir = listening.socketDir;
    writeSync(fd, JSON.stringify({ pid: process.pid, socketDir } satisfies LockContent));
    closeSync(fd);
    const release = () => rmSync(lockPath, { force: true });
    process.once("exit", release);
    const opened = server;
    const openedDb = db;
    const openedDir = socketDir;
    return {
      url: urlFor(openedDir),
      owner: true,
      close: async () => {
        await closeServer(opened, openedDb, openedDir);
        release();
      },
    };
  } catch (error) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    if (server && db && socketDir) await closeServer(server, db, socketDir);
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
    if (!text) return { pid: 0, socketDir: "" };
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

async function closeServer(server: PGLiteSocketServer, db: PGlite, socketDir: string): Promise<void> {
  await server.stop();
  await db.close();
  rmSync(socketDir, { recursive: true, force: true });
}

function urlFor(socketDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${SOCKET_PORT}`;
}
