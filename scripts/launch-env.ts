import { z } from "zod";
import { parseTrustedProxies } from "../lib/http/client-address";
import { poolEnvShape } from "../lib/db/pool-settings";

// What the launcher and the command-line tools accept from the environment; see .env.example.
const launchEnvSchema = z.object({
  BACKSTEP_MODE: z.enum(["demo", "production"], { error: 'BACKSTEP_MODE must be "demo" or "production"' }).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: "MIGRATION_DATABASE_URL must be a postgresql:// URL" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters" }).optional(),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be a URL" }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BACKSTEP_DATA_DIR: z.string().min(1).default(".data"),
  TRUSTED_PROXIES: z.string().optional(),
  AUDIT_CHAIN_KEY: z.string().min(32, { error: "AUDIT_CHAIN_KEY must be at least 32 characters" }).optional(),
  ALLOW_INSECURE_HTTP: z.enum(["1"], { error: 'ALLOW_INSECURE_HTTP must be "1" when set' }).optional(),
  // How long a stopping process gives requests in flight to finish (SIGTERM), in seconds.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number({ error: "SHUTDOWN_GRACE_SECONDS must be a whole number of seconds" }).int().min(1).max(600).default(25),
  ...poolEnvShape,
});

export type LaunchEnv = Omit<z.infer<typeof launchEnvSchema>, "BACKSTEP_MODE"> & { BACKSTEP_MODE: "demo" | "production" };

/**
 * The environment, checked. The mode defaults to demo on the embedded database and to production on a PostgreSQL
 * server (`DATABASE_URL`): a real server gets demo data, with its published passwords, only when asked for.
 */
export function readLaunchEnv(env: Readonly<Record<string, string | undefined>>): LaunchEnv {
  const parsed = launchEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  try {
    parseTrustedProxies(parsed.data.TRUSTED_PROXIES);
  } catch (error) {
    throw new Error(`Invalid environment:\n  ${(error as Error).message}`);
  }
  return { ...parsed.data, BACKSTEP_MODE: parsed.data.BACKSTEP_MODE ?? (parsed.data.DATABASE_URL ? "production" : "demo") };
}

/**
 * What serving in production needs on top: a session secret, a PostgreSQL server, and an https address, so session
 * cookies are sent only over TLS (`ALLOW_INSECURE_HTTP=1` says a TLS-terminating proxy sits in front).
 */
export function requireProductionSettings(env: LaunchEnv): void {
  if (env.BACKSTEP_MODE !== "production") return;
  const missing = [!env.NEXTAUTH_SECRET && "NEXTAUTH_SECRET", !env.DATABASE_URL && "DATABASE_URL", !env.AUDIT_CHAIN_KEY && "AUDIT_CHAIN_KEY"].filter(Boolean);
  if (!missing.length) {
    if (env.NEXTAUTH_URL?.startsWith("https://") || env.ALLOW_INSECURE_HTTP === "1") return;
    throw new Error(
      "Production mode needs NEXTAUTH_URL to be the https:// address people use, so session cookies travel only over TLS. " +
        "If a proxy in front terminates TLS and forwards plain HTTP, set ALLOW_INSECURE_HTTP=1 to say so.",
    );
  }
  throw new Error(
    `Production mode needs ${missing.join(", ")}. Set NEXTAUTH_SECRET and AUDIT_CHAIN_KEY to random strings of at least 32 characters ` +
      "(for example `openssl rand -base64 48`; keep the audit key apart from the database) and DATABASE_URL to your PostgreSQL server; " +
      "to try Backstep with demo data on a PostgreSQL server instead, set BACKSTEP_MODE=demo.",
  );
}
