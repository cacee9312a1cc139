import { describe, expect, it } from "vitest";
import { readLaunchEnv, requireProductionSettings } from "./launch-env";

const SERVER = "postgresql://postgres@127.0.0.1:5432/backstep";
const SECRET = "s".repeat(32);

describe("the launch environment", () => {
  it("is demo mode on the embedded database and production mode on a PostgreSQL server, unless told", () => {
    expect(readLaunchEnv({}).BACKSTEP_MODE).toBe("demo");
    expect(readLaunchEnv({ DATABASE_URL: SERVER }).BACKSTEP_MODE).toBe("production");
    expect(readLaunchEnv({ DATABASE_URL: SERVER, BACKSTEP_MODE: "demo" }).BACKSTEP_MODE).toBe("demo");
    expect(readLaunchEnv({ BACKSTEP_MODE: "production" }).BACKSTEP_MODE).toBe("production");
  });

  it("needs a session secret and a PostgreSQL server to serve in production, and says how to get demo data instead", () => {
    expect(() => requireProductionSettings(readLaunchEnv({ DATABASE_URL: SERVER, AUDIT_CHAIN_KEY: SECRET }))).toThrow(/needs NEXTAUTH_SECRET\..*BACKSTEP_MODE=demo/);
    expect(() => requireProductionSettings(readLaunchEnv({ BACKSTEP_MODE: "production", NEXTAUTH_SECRET: SECRET, AUDIT_CHAIN_KEY: SECRET }))).toThrow(/needs DATABASE_URL\./);
    expect(() => requireProductionSettings(readLaunchEnv({ DATABASE_URL: SERVER, NEXTAUTH_SECRET: SECRET }))).toThrow(/needs AUDIT_CHAIN_KEY\./);
    expect(() => requireProductionSettings(readLaunchEnv({ DATABASE_URL: SERVER, NEXTAUTH_SECRET: SECRET, AUDIT_CHAIN_KEY: SECRET, NEXTAUTH_URL: "https://backstep.example" }))).not.toThrow();
    expect(() => requireProductionSettings(readLaunchEnv({ DATABASE_URL: SERVER, BACKSTEP_MODE: "demo" }))).not.toThrow();
  });

  it("serves production only at an https address, unless a TLS-terminating proxy is declared", () => {
    const production = { DATABASE_URL: SERVER, NEXTAUTH_SECRET: SECRET, AUDIT_CHAIN_KEY: SECRET };
    expect(() => requireProductionSettings(readLaunchEnv(production))).toThrow(/NEXTAUTH_URL to be the https:\/\/ address.*ALLOW_INSECURE_HTTP=1/);
    expect(() => requireProductionSettings(readLaunchEnv({ ...production, NEXTAUTH_URL: "http://backstep.example" }))).toThrow(/https/);
    expect(() => requireProductionSettings(readLaunchEnv({ ...production, NEXTAUTH_URL: "http://backstep.example", ALLOW_INSECURE_HTTP: "1" }))).not.toThrow();
    expect(() => readLaunchEnv({ ALLOW_INSECURE_HTTP: "yes" })).toThrow(/ALLOW_INSECURE_HTTP must be "1"/);
  });

  it("names each bad value", () => {
    expect(() => readLaunchEnv({ BACKSTEP_MODE: "staging", DATABASE_URL: "mysql://x" })).toThrow(/BACKSTEP_MODE: BACKSTEP_MODE must be "demo" or "production"\n {2}DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL/);
  });
});
