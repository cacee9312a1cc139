import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

// Two-step sign-in with time-based one-time codes (RFC 6238: 6 digits, 30-second steps), as authenticator apps make
// them, and ten single-use recovery codes for a lost phone. The shared secret is stored encrypted (AES-256-GCM under a
// key derived from NEXTAUTH_SECRET), so a copy of the database alone does not give anyone the codes.

const ISSUER = "Backstep";
// A code from the step before or after is accepted too: phones' clocks drift, and typing takes time.
const TOLERANCE_SECONDS = 30;

function secretKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret, "backstep", "totp secret", 32));
}

export function encryptTotpSecret(secret: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(serverSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), sealed.toString("base64"), cipher.getAuthTag().toString("base64")].join(":");
}

export function decryptTotpSecret(stored: string, serverSecret: string): string {
  const [version, iv, sealed, tag] = stored.split(":");
  if (version !== "v1" || !iv || !sealed || !tag) throw new Error("unreadable two-step secret");
  const decipher = createDecipheriv("aes-256-gcm", secretKey(serverSecret), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** What an authenticator app scans: the otpauth:// address as a QR code (SVG), and the address itself. */
export async function enrolmentCode(email: string, secret: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  return { uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1 }) };
}

/** The time step of a valid code that is later than the last one used (so no code works twice), or null. */
export async function acceptedStep(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten fresh recovery codes, as shown once to their owner ("xxxxx-xxxxx"). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** How a recovery code is stored and looked up: typed with or without its dash, in any case. */
export function recoveryCodeHash(code: string): string {
  return createHash("sha256").update(code.toLowerCase().replace(/[^a-z0-9]/g, "")).digest("hex");
}
