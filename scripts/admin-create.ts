// npm run --silent admin:create -- --organization NAME --name NAME --email EMAIL --password-stdin
// The first administrator of a practice (and the organization, when it does not exist yet), against DATABASE_URL or
// the embedded database, in any mode. The password is read from standard input, never from an argument, so it
// stays out of the shell's history and the process list. Exit 0 with one line saying what was done; 1 when the
// input is refused (each problem named); 2 for a wrong command line.
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db/prisma-client";
import { isAppError } from "../lib/errors";
import { createFirstAdmin } from "../lib/organizations/first-admin";
import { openDatabase, prepareDatabase, applyAuditChainKey } from "./database";
import { readLaunchEnv } from "./launch-env";

const USAGE = "usage: npm run --silent admin:create -- --organization NAME --name NAME --email EMAIL --password-stdin (the password on standard input)";

function commandLine(): { organization: string; name: string; email: string } {
  const { values } = parseArgs({
    options: { organization: { type: "string" }, name: { type: "string" }, email: { type: "string" }, "password-stdin": { type: "boolean" } },
    strict: true,
  });
  if (!values["password-stdin"]) throw new UsageError("the password is read from standard input: pass --password-stdin and pipe it in");
  const missing = (["organization", "name", "email"] as const).filter((key) => values[key] === undefined);
  if (missing.length) throw new UsageError(`missing ${missing.map((key) => `--${key}`).join(", ")}`);
  return { organization: values.organization!, name: values.name!, email: values.email! };
}

class UsageError extends Error {}

/** The first line of standard input, without its line ending. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("pipe the password in on standard input, for example: printf '%s\\n' \"$PASSWORD\" | npm run ...");
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? "";
}

async function main(): Promise<number> {
  let args: ReturnType<typeof commandLine>;
  let password: string;
  try {
    args = commandLine();
    password = await passwordFromStdin();
  } catch (error) {
    console.error(`admin:create: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const env = readLaunchEnv(process.env);
  applyAuditChainKey(env);
  const database = await openDatabase(env);
  const prisma = createPrismaClient(database.url);
  try {
    await prepareDatabase(env, database);
    const done = await createFirstAdmin(prisma, { ...args, password });
    console.log(
      done.organizationCreated
        ? `created organization "${done.organization}" with its administrator ${done.email}`
        : `added administrator ${done.email} to organization "${done.organization}"`,
    );
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error([`admin:create: ${error.message}`, ...error.issues.map((issue) => `  ${issue.path}: ${issue.message}`)].join("\n"));
    return 1;
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`admin:create: ${error.message}`);
    process.exit(1);
  },
);
