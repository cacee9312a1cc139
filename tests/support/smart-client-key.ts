import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";

/** Writes a private JWK for Backstep's SMART client authentication (ES384), as SMART_PRIVATE_KEY_FILE takes it. */
export function writeSmartClientKey(file: string): void {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
  writeFileSync(file, JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: "backstep-1", alg: "ES384" }));
}
