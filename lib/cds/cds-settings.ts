import "server-only";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { isLoopback } from "@/lib/http/loopback";
import { createLocalJWKSet, type JSONWebKeySet } from "jose";

// Who may call Backstep's CDS Hooks services, read once from the environment: the issuers allowed, their public keys
// (a JWKS file), the public origin their tokens must name as audience, and the FHIR servers Backstep may read.
export type CdsSettings = {
  issuers: string[];
  /** Their public keys, as a key set that imports each key once and keeps it. */
  keys: ReturnType<typeof createLocalJWKSet>;
  publicUrl: string;
  fhirServers: string[];
  /** The organization (by its short name) whose audit trail and measures each issuer's calls belong to. */
  organizations: Map<string, string>;
};


const settingsSchema = z.object({
  CDS_CLIENT_ISS: z.string().transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean)),
  CDS_CLIENT_JWKS_FILE: z.string().min(1),
  BACKSTEP_PUBLIC_URL: z.url({ error: "BACKSTEP_PUBLIC_URL must be a URL (the origin EHRs call)" }).transform((value) => new URL(value).origin),
  CDS_FHIR_ALLOWED_SERVERS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((s) => s.trim().replace(/\/+$/, "")).filter(Boolean))
    .refine((servers) => servers.every((s) => s.startsWith("https://") || isLoopback(s)), {
      error: "CDS_FHIR_ALLOWED_SERVERS takes https:// servers (http only for a loopback address listed explicitly)",
    }),
  CDS_CLIENT_ORGANIZATIONS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean))
    .refine((pairs) => pairs.every((pair) => /^\S+=[a-z0-9-]+$/.test(pair)), { error: "CDS_CLIENT_ORGANIZATIONS takes issuer=organization-short-name pairs, comma-separated" })
    .transform((pairs) => new Map(pairs.map((pair) => [pair.slice(0, pair.lastIndexOf("=")), pair.slice(pair.lastIndexOf("=") + 1)]))),
});

const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

let cached: { settings: CdsSettings | null; from: string } | undefined;

/** The settings, or null when CDS Hooks is not configured (no issuer or no keys). Bad values fail with their name. */
export function cdsSettings(): CdsSettings | null {
  const from = [process.env.CDS_CLIENT_ISS, process.env.CDS_CLIENT_JWKS_FILE, process.env.BACKSTEP_PUBLIC_URL, process.env.CDS_FHIR_ALLOWED_SERVERS, process.env.CDS_CLIENT_ORGANIZATIONS].join("\n");
  if (cached?.from === from) return cached.settings;
  cached = { settings: readSettings(), from };
  return cached.settings;
}

function readSettings(): CdsSettings | null {
  if (!process.env.CDS_CLIENT_ISS || !process.env.CDS_CLIENT_JWKS_FILE) return null;
  const parsed = settingsSchema.safeParse({ ...process.env, BACKSTEP_PUBLIC_URL: process.env.BACKSTEP_PUBLIC_URL ?? process.env.NEXTAUTH_URL });
  if (!parsed.success) throw new Error(`Invalid CDS Hooks settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const keys = jwksSchema.safeParse(JSON.parse(readFileSync(parsed.data.CDS_CLIENT_JWKS_FILE, "utf8")));
  if (!keys.success) throw new Error("CDS_CLIENT_JWKS_FILE must hold a JWKS: { \"keys\": [ ... ] }");
  return {
    issuers: parsed.data.CDS_CLIENT_ISS,
    keys: createLocalJWKSet(keys.data as JSONWebKeySet),
    publicUrl: parsed.data.BACKSTEP_PUBLIC_URL,
    fhirServers: parsed.data.CDS_FHIR_ALLOWED_SERVERS,
    organizations: parsed.data.CDS_CLIENT_ORGANIZATIONS,
  };
}
