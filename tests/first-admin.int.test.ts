import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createFirstAdmin } from "../lib/organizations/first-admin";
import { authenticate } from "../lib/auth/authenticate";
import { type AppError } from "../lib/errors";
import { testDb } from "./support/fixtures";

const PASSWORD = "lantern moss quietly figs";
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const unique = () => randomUUID().slice(0, 8);

describe("createFirstAdmin", () => {
  it("creates the organization and an active admin who can sign in, audited; a second admin joins the same organization", async () => {
    const organization = `Practice ${unique()}`;
    const email = `ada.${unique()}@practice.example`;
    expect(await createFirstAdmin(testDb(), { organization, name: "Ada Admin", email: email.toUpperCase(), password: PASSWORD })).toEqual({ organizationCreated: true, organization, email });
    const admin = await testDb().user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
    expect(admin).toMatchObject({ role: "admin", active: true, name: "Ada Admin", organization: { name: organization } });
    expect(await authenticate(testDb(), { email, password: PASSWORD }, null)).toEqual({ ok: true, userId: admin.id });
    const events = await testDb().auditEvent.findMany({ where: { organizationId: admin.organizationId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityId, e.actorUserId])).toEqual(expect.arrayContaining([["organization.create", admin.organizationId, null], ["user.create", admin.id, null]]));
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain(PASSWORD);

    const second = `bo.${unique()}@practice.example`;
    expect(await createFirstAdmin(testDb(), { organization: organization.toLowerCase(), name: "Bo Admin", email: second, password: PASSWORD })).toMatchObject({ organizationCreated: false, organization });
    expect((await testDb().user.findUniqueOrThrow({ where: { email: second } })).organizationId).toBe(admin.organizationId);
  });

  it.each([
    ["a weak password", { password: "password1234" }, [{ path: "password", message: expect.stringMatching(/^this password is too easy to guess/) }]],
    ["a short password", { password: "short" }, [{ path: "password", message: "use at least 12 characters" }]],
    ["a malformed email", { email: "ada-at-practice" }, [{ path: "email", message: "email must be an email address" }]],
    ["a blank name and organization", { name: " ", organization: "" }, [{ path: "organization", message: "organization is required" }, { path: "name", message: "name is required" }]],
  ])("refuses %s, naming the field, and writes nothing", async (_, change, issues) => {
    const organization = `Refused ${unique()}`;
    const error = await failure(createFirstAdmin(testDb(), { organization, name: "Ada", email: `ada.${unique()}@practice.example`, password: PASSWORD, ...change }));
    expect(error).toMatchObject({ code: "invalid-input", issues });
    expect(await testDb().organization.count({ where: { name: organization } })).toBe(0);
  });

  it("refuses an email already in use, in any organization, and creates no organization for it", async () => {
    const email = `taken.${unique()}@practice.example`;
    await createFirstAdmin(testDb(), { organization: `First ${unique()}`, name: "Ada", email, password: PASSWORD });
    const organization = `Second ${unique()}`;
    const error = await failure(createFirstAdmin(testDb(), { organization, name: "Bo", email, password: PASSWORD }));
    expect(error).toMatchObject({ code: "conflict", issues: [{ path: "email", message: `${email} already has an account` }] });
    expect(await testDb().organization.count({ where: { name: organization } })).toBe(0);
  });
});

/** Runs the command as an operator would, with the password piped in. */
function adminCreate(args: string[], stdin: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join("node_modules", ".bin", "tsx"), ["scripts/admin-create.ts", ...args], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("npm run admin:create", () => {
  // As an operator runs it against a server: production mode, with the audit chain's key.
  const SERVER = { DATABASE_URL: process.env.DATABASE_URL as string, AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY as string };
  const args = (email: string, organization = `Cli ${unique()}`) => ["--organization", organization, "--name", "Ada Admin", "--email", email, "--password-stdin"];

  it("creates the first admin on the PostgreSQL server in DATABASE_URL, whatever the mode, and says so in one line", async () => {
    const email = `cli.${unique()}@practice.example`;
    const organization = `Cli ${unique()}`;
    const done = await adminCreate(args(email, organization), `${PASSWORD}\n`, SERVER);
    expect(done).toEqual({ code: 0, stdout: `created organization "${organization}" with its administrator ${email}\n`, stderr: "" });
    expect(await testDb().user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "admin", active: true });
    const again = await adminCreate(args(email, organization), `${PASSWORD}\n`, { ...SERVER, BACKSTEP_MODE: "demo" });
    expect(again).toMatchObject({ code: 1, stdout: "", stderr: `admin:create: That email is already in use.\n  email: ${email} already has an account\n` });
  });

  it("creates the first admin in a new embedded database, migrating it first", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "backstep-admin-"));
    try {
      const done = await adminCreate(args("first@practice.example", "Embedded Practice"), `${PASSWORD}\n`, { BACKSTEP_DATA_DIR: dataDir });
      expect(done).toEqual({ code: 0, stdout: 'created organization "Embedded Practice" with its administrator first@practice.example\n', stderr: "" });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses a weak password and a malformed email with each problem named, exit 1", async () => {
    const done = await adminCreate(args("not-an-email"), "password1234\n", SERVER);
    expect(done.code).toBe(1);
    expect(done.stderr).toMatch(/^admin:create: Some fields need attention\.\n {2}email: email must be an email address\n {2}password: this password is too easy to guess/);
  });

  it("needs the audit chain's key in production, since it writes to the audit trail", async () => {
    const done = await adminCreate(args(`nokey.${unique()}@practice.example`), `${PASSWORD}\n`, { DATABASE_URL: SERVER.DATABASE_URL });
    expect(done.code).not.toBe(0);
    expect(done.stderr).toContain("Production mode needs AUDIT_CHAIN_KEY");
  });

  it("never takes the password as an argument, and names what is missing, exit 2", async () => {
    const asArgument = await adminCreate(["--organization", "X", "--name", "Y", "--email", "y@x.example", "--password", PASSWORD], "", SERVER);
    expect(asArgument).toMatchObject({ code: 2, stdout: "" });
    expect(asArgument.stderr).toMatch(/^admin:create: Unknown option '--password'/);
    const missing = await adminCreate(["--name", "Y", "--password-stdin"], `${PASSWORD}\n`, SERVER);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^admin:create: missing --organization, --email\n/) });
  });
});
