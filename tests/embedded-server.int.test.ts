import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openEmbeddedDatabase, openMemoryDatabase } from "../lib/db/embedded-server";

// A second process must use the first one's server instead of opening the same folder (which corrupts it).
const SECOND_PROCESS = `
import pg from "pg";
import { openEmbeddedDatabase } from "./lib/db/embedded-server";
const database = await openEmbeddedDatabase(process.argv[2]);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const { rows } = await client.query("SELECT note FROM shared_note");
await client.end();
console.log(JSON.stringify({ owner: database.owner, note: rows[0].note }));
`;

describe("openEmbeddedDatabase", () => {
  it("lets a second process share the first one's database over the wire", async () => {
    const dir = mkdtempSync(join(tmpdir(), "backstep-embedded-"));
    const first = await openEmbeddedDatabase(dir);
    try {
      expect(first.owner).toBe(true);
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query("CREATE TABLE shared_note (note text); INSERT INTO shared_note VALUES ('written by the owner')");
      await client.end();
      const script = join(process.cwd(), `.second-process-${process.pid}.ts`);
      writeFileSync(script, SECOND_PROCESS);
      try {
        // Asynchronously: this process serves the database the child connects to.
        const { stdout } = await promisify(execFile)(join("node_modules", ".bin", "tsx"), [script, dir], { encoding: "utf8" });
        expect(JSON.parse(stdout)).toEqual({ owner: false, note: "written by the owner" });
      } finally {
        rmSync(script, { force: true });
      }
    } finally {
      await first.close();
    }
  }, 60_000);

  it("takes over a lock left by a process that died", async () => {
    const dir = mkdtempSync(join(tmpdir(), "backstep-embedded-"));
    writeFileSync(join(dir, "pglite.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, port: 1 }));
    const database = await openEmbeddedDatabase(dir);
    try {
      expect(database.owner).toBe(true);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe("where the embedded database listens", () => {
  it("is a socket in a directory only this user may enter, not a network port", async () => {
    const database = await openMemoryDatabase();
    try {
      const url = new URL(database.url);
      const socketDir = url.searchParams.get("host")!;
      expect(url.hostname).toBe("localhost");
      expect(socketDir.startsWith("/")).toBe(true);
      expect(statSync(socketDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(socketDir, ".s.PGSQL.5432")).isSocket()).toBe(true);
    } finally {
      await database.close();
    }
  });
});

describe("the embedded database's clients", () => {
  it("each get their own results when queries and transactions from many connections interleave", async () => {
    const database = await openMemoryDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const wrong: string[] = [];
    const inTransaction = async (n: number) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("CREATE TEMP TABLE per_view (n int) ON COMMIT DROP");
        await client.query("INSERT INTO per_view SELECT $1::int", [n]);
        const { rows } = await client.query("SELECT n FROM per_view");
        if (rows.length !== 1 || rows[0].n !== n) wrong.push(`transaction ${n} saw ${JSON.stringify(rows)}`);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    };
    const plain = async (n: number) => {
      const { rows } = await pool.query("SELECT $1::int AS n, repeat('x', $1::int) AS pad", [n]);
      if (rows[0]?.n !== n) wrong.push(`query ${n} got ${JSON.stringify(rows)}`);
    };
    try {
      for (let round = 0; round < 20; round += 1) await Promise.all(Array.from({ length: 10 }, (_, n) => (n % 2 ? inTransaction(n) : plain(n))));
    } finally {
      await pool.end();
      await database.close();
    }
    expect(wrong).toEqual([]);
  });
});
