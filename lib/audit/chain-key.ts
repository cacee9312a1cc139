import { createHmac } from "node:crypto";

// The key of the audit chain's HMAC. It is kept outside the database (AUDIT_CHAIN_KEY; generated under .data/ in demo
// mode), so someone able to write to the database cannot recompute the hashes of events they alter.
export function auditChainKey(): string {
  const key = process.env.AUDIT_CHAIN_KEY;
  if (!key || key.length < 32) throw new Error("AUDIT_CHAIN_KEY must be set to at least 32 characters to write or verify the audit trail");
  return key;
}

export function keyedDigest(key: string, ...parts: string[]): string {
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part).update("\n");
  return hmac.digest("hex");
}
