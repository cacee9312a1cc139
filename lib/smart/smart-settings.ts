import "server-only";
import { readFileSync } from "node:fs";
import { importJWK, type CryptoKey, type JWK } from "jose";
import { z } from "zod";
import { isLoopback } from "@/lib/http/loopback";

// SMART App Launch settings: the EHRs (their FHIR base URLs, the launch's `iss`) allowed to launch Backstep, the
// client id they registered it under, and its private key for asymmetric client authentication (private_key_jwt).
// The public half is published at /.well-known/jwks.json for the EHR to register.
export type SmartSettings = {
  issuers: string[];
  clientId: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  keyId: string;
  algorithm: "ES384" | "RS384";
  publicUrl: string;
};


const settingsSchema = z.object({
  SMART_ISSUERS: z
    .string()
    .transform((value) => value.split(",").map((s) => s.trim().replace(/\/+$/, "")).filter(Boolean))
    .refine((issuers) => issuers.every((s) => s.startsWith("https://") || isLoopback(s)), { error: "SMART_ISSUERS takes https:// FHIR base URLs (http only for a loopback address)" }),
  SMART_CLIENT_ID: z.string().min(1, { error: "SMART_CLIENT_ID is required" }),
  SMART_PRIVATE_KEY_FILE: z.string().min(1),
  BACKSTEP_PUBLIC_URL: z.url({ error: "BACKSTEP_PUBLIC_URL must be a URL" }).transform((value) => new URL(value).origin),
});

const privateJwkSchema = z.looseObject({ kty: z.enum(["EC", "RSA"]), kid: z.string().min(1), alg: z.enum(["ES384", "RS384"]), d: z.string().min(1) });

let cached: { settings: SmartSettings | null; from: string } | undefined;

/** The settings, or null when SMART launch is not configured. Bad values fail with their name. */
export async function smartSettings(): Promise<SmartSettings | null> {
  const from = [process.env.SMART_ISSUERS, process.env.SMART_CLIENT_ID, process.env.SMART_PRIVATE_KEY_FILE, process.env.BACKSTEP_PUBLIC_URL, process.env.NEXTAUTH_URL].join("\n");
  if (cached?.from === from) return cached.settings;
  cached = { settings: await readSettings(), from };
  return cached.settings;
}

async function readSettings(): Promise<SmartSettings | null> {
  if (!process.env.SMART_ISSUERS || !process.env.SMART_PRIVATE_KEY_FILE) return null;
  const parsed = settingsSchema.safeParse({ ...process.env, BACKSTEP_PUBLIC_URL: process.env.BACKSTEP_PUBLIC_URL ?? process.env.NEXTAUTH_URL });
  if (!parsed.success) throw new Error(`Invalid SMART settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const jwk = privateJwkSchema.safeParse(JSON.parse(readFileSync(parsed.data.SMART_PRIVATE_KEY_FILE, "utf8")));
  if (!jwk.success) throw new Error("SMART_PRIVATE_KEY_FILE must hold one private JWK (EC or RSA) with kid and alg ES384 or RS384");
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk.data as JWK;
  return {
    issuers: parsed.data.SMART_ISSUERS,
    clientId: parsed.data.SMART_CLIENT_ID,
    privateKey: (await importJWK(jwk.data as JWK, jwk.data.alg)) as CryptoKey,
    publicJwk: { ...publicJwk, use: "sig" },
    keyId: jwk.data.kid,
    algorithm: jwk.data.alg,
    publicUrl: parsed.data.BACKSTEP_PUBLIC_URL,
  };
}
