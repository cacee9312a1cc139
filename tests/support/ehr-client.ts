import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";

// An EHR as a CDS client: its ES384 key pair, its public keys in a JWKS file for Backstep's settings, and the
// JWT it signs for each call (`aud` the exact endpoint URL, one-minute life, a fresh jti).
export const EHR_ISSUER = "https://ehr.test";
export const EHR_KEY_ID = "ehr-1";

export type Claims = { iss?: string; aud?: string; exp?: number; iat?: number; jti?: string };
export type EhrClient = {
  jwksFile: string;
  privateKey: CryptoKey;
  token: (endpointUrl: string, claims?: Claims, options?: { alg?: string; kid?: string; signer?: CryptoKey }) => Promise<string>;
};

export async function createEhrClient(): Promise<EhrClient> {
  const { privateKey } = await generateKeyPair("ES384", { extractable: true });
  const { d: _private, ...publicJwk } = await exportJWK(privateKey);
  const jwksFile = join(mkdtempSync(join(tmpdir(), "backstep-ehr-")), "jwks.json");
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicJwk, kid: EHR_KEY_ID, alg: "ES384", use: "sig" }] }));
  const token: EhrClient["token"] = (endpointUrl, claims = {}, options = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: options.alg ?? "ES384", kid: options.kid ?? EHR_KEY_ID, typ: "JWT" })
      .setIssuer(claims.iss ?? EHR_ISSUER)
      .setAudience(claims.aud ?? endpointUrl)
      .setIssuedAt(claims.iat ?? now)
      .setExpirationTime(claims.exp ?? now + 60)
      .setJti(claims.jti ?? randomUUID())
      .sign(options.signer ?? privateKey);
  };
  return { jwksFile, privateKey, token };
}
