import { BlockList, isIP } from "node:net";

// Who is on the other end of a request. The socket's peer is the only address nobody can forge; X-Forwarded-For is
// believed only as far as TRUSTED_PROXIES says: a hop count (that many proxies in front, each appending the address it
// saw) or a list of proxy networks (CIDR). The client is then the right-most address no trusted proxy added.

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "networks"; networks: BlockList };

/** Reads TRUSTED_PROXIES; an unreadable value is an error at start, never a silent "trust everyone". */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim();
  if (!text) return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error("TRUSTED_PROXIES: a hop count must be at most 10");
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const networks = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is neither a hop count nor an IP network such as 10.0.0.0/8`);
    }
    networks.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "networks", networks };
}

/** An address as one form: "::ffff:10.1.2.3" (IPv4 on an IPv6 socket) is 10.1.2.3. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(unmapped) ? unmapped : null;
}

function isTrusted(networks: BlockList, address: string): boolean {
  return networks.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The client's address, or null when the trusted chain gives no valid one. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string | null {
  const peer = normalizeAddress(socketAddress);
  if (trusted.kind === "none" || !peer) return peer;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").filter((entry) => entry.trim() !== "");
  // Nearest first: the peer, then each forwarded entry from the right.
  const chain = [peer, ...forwarded.reverse()];
  if (trusted.kind === "hops") {
    const entry = chain[trusted.hops];
    return entry === undefined ? normalizeAddress(chain[chain.length - 1]) : normalizeAddress(entry);
  }
  for (const entry of chain) {
    const address = normalizeAddress(entry);
    if (!address) return null;
    if (!isTrusted(trusted.networks, address)) return address;
  }
  return null;
}

/** The header in which the server in front of the app passes on the client's address (see requestAddress). */
export const CLIENT_ADDRESS_HEADER = "x-backstep-client-address";
// Headers a client could forge to pass for someone else or somewhere else; kept only from trusted proxies.
const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * Rewrites an incoming request's headers before the app sees them: the client's address goes in
 * CLIENT_ADDRESS_HEADER (whatever the client put there is replaced), and without trusted proxies the forwarding
 * headers are dropped, since only a proxy may write them.
 */
export function applyClientAddress(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, trusted: TrustedProxies): void {
  const address = clientAddress(socketAddress, headers["x-forwarded-for"], trusted);
  if (trusted.kind === "none") for (const name of FORWARDING) delete headers[name];
  headers[CLIENT_ADDRESS_HEADER] = address ?? "";
}
