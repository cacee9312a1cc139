import { z } from "zod";
import { DEFAULT_IDLE_MINUTES } from "@/lib/auth/session-policy";
import { poolEnvShape } from "@/lib/db/pool-settings";

// The running server's environment. The launcher (scripts/serve.ts) always provides DATABASE_URL and
// NEXTAUTH_SECRET, generating them in demo mode, so a bad or missing value here fails fast with its name.
const serverEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (start the app with `npm start`, which provides it)" })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgresql:// URL" }),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required" })
    .min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters" }),
  BACKSTEP_MODE: z.enum(["demo", "production"]).default("demo"),
  // The address people use to reach the app: links sent by email point there.
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be a URL" }).optional(),
  // Email for one-time password links; without it the links are only shown to the administrator.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Backstep <no-reply@backstep.invalid>"),
  // A session with no request for this long ends (the 8-hour limit from sign-in holds regardless).
  SESSION_IDLE_MINUTES: z.coerce.number({ error: "SESSION_IDLE_MINUTES must be a whole number of minutes" }).int().min(1).max(480).default(DEFAULT_IDLE_MINUTES),
  ...poolEnvShape,
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
