import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from "jose";

// A test EHR for SMART App Launch: its SMART configuration, an authorization server (authorization code with PKCE,
// private_key_jwt client authentication checked against Backstep's published keys, an ID token with fhirUser), and a
// FHIR server that answers only with the access token it issued. Launch ids name the user and the patient.
/** Where the browser journeys' test EHR listens. */
export const E2E_EHR_PORT = Number(process.env.E2E_EHR_PORT ?? 3199);

export type TestEhr = {
  fhirBase: string;
  /** The chart the FHIR server holds, by resource type; a test may change it. */
  resources: Record<string, object[]>;
  /** What the authorization server saw, for tests to check. */
  seen: { tokenRequests: number; fhirAuthorizations: string[] };
  launch: (fhirUser: string, patient: string, appContext?: string) => string;
  close: () => Promise<void>;
};

export async function startTestEhr(options: { port?: number; clientId: string; backstepKeys: () => Promise<JSONWebKeySet> }): Promise<TestEhr> {
  const { privateKey } = await generateKeyPair("RS256");
  const launches = new Map<string, { fhirUser: string; patient: string; appContext?: string }>();
  const codes = new Map<string, { challenge: string; redirectUri: string; fhirUser: string; patient: string; appContext?: string }>();
  const accessTokens = new Set<string>();
  const seen = { tokenRequests: 0, fhirAuthorizations: [] as string[] };
  const resources: Record<string, object[]> = {};
  let base = "";

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", base);
      const json = (status: number, body: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      if (url.pathname === "/fhir/.well-known/smart-configuration") {
        return json(200, {
          issuer: `${base}/fhir`,
          authorization_endpoint: `${base}/auth/authorize`,
          token_endpoint: `${base}/auth/token`,
          capabilities: ["launch-ehr", "client-confidential-asymmetric", "context-ehr-patient", "permission-v2", "sso-openid-connect"],
          code_challenge_methods_supported: ["S256"],
        });
      }
      if (url.pathname === "/auth/authorize") {
        const q = url.searchParams;
        const launch = launches.get(q.get("launch") ?? "");
        if (!launch || q.get("client_id") !== options.clientId || q.get("aud") !== `${base}/fhir` || q.get("code_challenge_method") !== "S256" || q.get("response_type") !== "code") {
          return json(400, { error: "invalid_request" });
        }
        const code = randomUUID();
        codes.set(code, { challenge: q.get("code_challenge") ?? "", redirectUri: q.get("redirect_uri") ?? "", ...launch });
        const back = new URL(q.get("redirect_uri") ?? "");
        back.searchParams.set("code", code);
        back.searchParams.set("state", q.get("state") ?? "");
        return res.writeHead(302, { Location: back.href }).end();
      }
      if (url.pathname === "/auth/token" && req.method === "POST") {
        seen.tokenRequests += 1;
        const form = new URLSearchParams(await bodyOf(req));
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        if (!grant || form.get("redirect_uri") !== grant.redirectUri) return json(400, { error: "invalid_grant" });
        const verifier = form.get("code_verifier") ?? "";
        if (createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) return json(400, { error: "invalid_grant", error_description: "PKCE" });
        try {
          await jwtVerify(form.get("client_assertion") ?? "", createLocalJWKSet(await options.backstepKeys()), { issuer: options.clientId, subject: options.clientId, audience: `${base}/auth/token` });
        } catch {
          return json(401, { error: "invalid_client" });
        }
        if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return json(401, { error: "invalid_client" });
        const accessToken = randomUUID();
        accessTokens.add(accessToken);
        const idToken = await new SignJWT({ fhirUser: `${base}/fhir/${grant.fhirUser}` })
          .setProtectedHeader({ alg: "RS256", kid: "ehr-id" })
          .setIssuer(`${base}/fhir`)
          .setAudience(options.clientId)
          .setSubject(grant.fhirUser)
          .setIssuedAt()
          .setExpirationTime("5m")
          .sign(privateKey);
        return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, scope: "launch openid fhirUser patient/*.rs", patient: grant.patient, id_token: idToken, ...(grant.appContext ? { appContext: grant.appContext } : {}) });
      }
      if (url.pathname.startsWith("/fhir/")) {
        const authorization = req.headers.authorization ?? "";
        seen.fhirAuthorizations.push(authorization);
        if (!accessTokens.has(authorization.replace(/^Bearer /, ""))) return json(401, { resourceType: "OperationOutcome" });
        const [type, id] = url.pathname.slice("/fhir/".length).split("/");
        const all = resources[type ?? ""] ?? [];
        if (id) {
          const found = all.find((r) => (r as { id?: string }).id === id);
          return found ? json(200, found) : json(404, { resourceType: "OperationOutcome" });
        }
        return json(200, { resourceType: "Bundle", type: "searchset", entry: all.map((resource) => ({ resource })) });
      }
      json(404, {});
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fhirBase: `${base}/fhir`,
    resources,
    seen,
    launch: (fhirUser, patient, appContext) => {
      const id = randomUUID();
      launches.set(id, { fhirUser, patient, appContext });
      return id;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
  });
}
