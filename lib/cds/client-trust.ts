import "server-only";
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import type { CdsSettings } from "./cds-settings";

// "Trusting CDS Clients" (CDS Hooks 2.0): every call carries a JWT the EHR signed with its private key. Accepted
// only from a configured issuer, with one of its configured keys, an asymmetric algorithm, the exact URL called as
// audience, a short life, and an id not seen before (across every process: the ids are kept in the database).
export const CDS_ALGORITHMS = ["ES384", "RS384"];
/** The longest life a client's token may have, and the clock difference tolerated. */
const MAX_LIFETIME_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 30;

export type CdsClient = { issuer: string; tenant: string | null; jti: string; expiresAt: Date };

export class CdsClientRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Remembers a token id until it expires; false when it was already seen. */
export type ReplayGuard = (issuer: string, jti: string, expiresAt: Date) => Promise<boolean>;

export async function verifyCdsClient(authorization: string | null, endpointUrl: string, settings: CdsSettings, firstUse: ReplayGuard): Promise<CdsClient> {
  const token = authorization?.match(/^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/)?.[1];
  if (!token) throw new CdsClientRefused("a signed JWT is required as the bearer token");
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new CdsClientRefused("the token's header cannot be read");
  }
  if (!header.alg || !CDS_ALGORITHMS.includes(header.alg)) throw new CdsClientRefused(`the token must be signed with ${CDS_ALGORITHMS.join(" or ")}`);
  if (!header.kid) throw new CdsClientRefused("the token's header must name its key (kid)");
  if (header.typ !== undefined && header.typ.toUpperCase() !== "JWT") throw new CdsClientRefused("the token's type must be JWT");

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, settings.keys, {
      algorithms: CDS_ALGORITHMS,
      issuer: settings.issuers,
      audience: endpointUrl,
      requiredClaims: ["iss", "aud", "exp", "iat", "jti"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    throw new CdsClientRefused(refusalOf(error));
  }
  const { iss, exp, iat, jti } = payload as Required<Pick<JWTPayload, "iss" | "exp" | "iat" | "jti">>;
  if (exp - iat > MAX_LIFETIME_SECONDS) throw new CdsClientRefused(`the token may live at most ${MAX_LIFETIME_SECONDS} seconds`);
  if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new CdsClientRefused("the token is issued in the future");
  const expiresAt = new Date(exp * 1000);
  if (!(await firstUse(iss, jti, expiresAt))) throw new CdsClientRefused("the token was already used (jti seen before)");
  const tenant = typeof payload.tenant === "string" ? payload.tenant : null;
  return { issuer: iss, tenant, jti, expiresAt };
}

function refusalOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "the token's issuer is not allowed";
    if (error.claim === "aud") return "the token's audience must be the URL of the endpoint called";
    return `the token's ${error.claim} claim is missing or invalid`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return "no configured key matches the token";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not verify";
  if (error instanceof errors.JOSEAlgNotAllowed) return `the token must be signed with ${CDS_ALGORITHMS.join(" or ")}`;
  return "the token is not valid";
}
