import { createHmac, hkdfSync } from "node:crypto";

// Keyed hashes for pseudonymized exports: the same MRN always gives the same pseudonym within one organization
// (so rows about one patient can be linked), but without the key it cannot be reversed or recomputed from a list of
// MRNs. The key is derived from the server's secret and the organization id, and is never exported.

export function pseudonymKey(secret: string, organizationId: string): Buffer {
  // The label predates the exports' name; changing it would change every pseudonym already handed out.
  return Buffer.from(hkdfSync("sha256", secret, organizationId, "backstep de-identified export", 32));
}

export function pseudonym(key: Buffer, kind: "patient" | "encounter", value: string): string {
  return `${kind === "patient" ? "P" : "E"}-${createHmac("sha256", key).update(`${kind}:${value}`).digest("hex").slice(0, 20)}`;
}
