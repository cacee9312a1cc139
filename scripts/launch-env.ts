import { z } from "zod";

// What the launcher accepts from the environment; see .env.example.
const launchEnvSchema = z.object({
  BACKSTEP_MODE: z.enum(["demo", "production"], { error: 'BACKSTEP_MODE must be "demo" or "production"' }).default("demo"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters" }).optional(),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be a URL" }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BACKSTEP_DATA_DIR: z.string().min(1).default(".data"),
});

export type LaunchEnv = z.infer<typeof launchEnvSchema>;

export function readLaunchEnv(env: NodeJS.ProcessEnv): LaunchEnv {
  const parsed = launchEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const launch = parsed.data;
  if (launch.BACKSTEP_MODE === "production") {
    const missing = [!launch.NEXTAUTH_SECRET && "NEXTAUTH_SECRET", !launch.DATABASE_URL && "DATABASE_URL"].filter(Boolean);
    if (missing.length) {
      throw new Error(
        `Production mode needs ${missing.join(" and ")}. Set NEXTAUTH_SECRET to a random string of at least 32 characters ` +
          `(for example \`openssl rand -base64 48\`) and DATABASE_URL to your PostgreSQL server.`,
      );
    }
  }
  return launch;
}
