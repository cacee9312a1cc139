import { describe, expect, it } from "vitest";
import { applyClientAddress, clientAddress, CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "./client-address";

const none = parseTrustedProxies(undefined);
const oneHop = parseTrustedProxies("1");
const networks = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
    expect(clientAddress("::1", "1.2.3.4, 5.6.7.8", none)).toBe("::1");
  });

  it("behind one proxy, is the entry that proxy appended, not what the client wrote before it", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", oneHop)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "203.0.113.9", oneHop)).toBe("203.0.113.9");
    // A request that reached the app without the proxy: its peer is the client.
    expect(clientAddress("203.0.113.9", undefined, oneHop)).toBe("203.0.113.9");
  });

  it("behind trusted networks, is the right-most address outside them", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 192.168.1.5", networks)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.7", "6.6.6.6", networks)).toBe("203.0.113.7");
    expect(clientAddress("fd00::1", ["2001:db8::5"], networks)).toBe("2001:db8::5");
  });

  it("is unknown rather than believed when the entry to take is not an IP address", () => {
    expect(clientAddress("10.0.0.2", "<script>, not-an-ip", oneHop)).toBeNull();
    expect(clientAddress("10.0.0.2", "not-an-ip", networks)).toBeNull();
    expect(clientAddress(undefined, "203.0.113.9", none)).toBeNull();
  });

  it.each(["everyone", "10.0.0.0/33", "300.1.1.1", "11", "10.0.0.0/8,"])("refuses TRUSTED_PROXIES=%j at start", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("the headers the app sees", () => {
  it("carry the server's idea of the client, never the client's own claims", () => {
    const headers: Record<string, string | string[] | undefined> = { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7", [CLIENT_ADDRESS_HEADER]: "6.6.6.8", host: "app.example" };
    applyClientAddress(headers, "203.0.113.9", none);
    expect(headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", host: "app.example" });
  });

  it("keep a trusted proxy's forwarding headers", () => {
    const headers: Record<string, string | string[] | undefined> = { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" };
    applyClientAddress(headers, "10.0.0.2", oneHop);
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" });
  });
});
