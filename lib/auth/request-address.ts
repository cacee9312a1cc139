import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "@/lib/http/client-address";

/** The client's address as the server in front of the app worked it out (see applyClientAddress), or null when unknown. */
export function requestAddress(headers: { get(name: string): string | null } | Record<string, unknown>): string | null {
  const value = typeof (headers as { get?: unknown }).get === "function" ? (headers as { get(n: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" ? normalizeAddress(value) : null;
}
