import "server-only";
import { createHash, randomBytes } from "node:crypto";
import * as oauth from "oauth4webapi";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isLoopback } from "@/lib/http/loopback";
import type { SmartSettings } from "./smart-settings";

// SMART App Launch 2 (EHR launch), server side: the EHR opens /smart/launch with its FHIR base URL (`iss`) and a
// launch id; Backstep checks the iss, reads the EHR's SMART configuration, and sends the browser to authorize with PKCE
// (S256) and a state bound to that browser. At /smart/callback the code is exchanged for tokens with a client
// assertion signed by Backstep's private key. The access token is used at once and kept nowhere.
export const SMART_SCOPE = "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/Observation.rs patient/MedicationRequest.rs patient/Procedure.rs";
const LAUNCH_TTL_MINUTES = 10;
const DISCOVERY_TIMEOUT_MS = 5000;

export class SmartLaunchRefused extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const smartConfiguration = z.object({
  issuer: z.string().optional(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  capabilities: z.array(z.string()).default([]),
  code_challenge_methods_supported: z.array(z.string()).default([]),
});

const hash = (value: string) => createHash("sha256").update(value).digest("base64url");
const insecureFor = (url: string) => (isLoopback(url) ? { [oauth.allowInsecureRequests]: true } : {});
export const callbackUrl = (settings: SmartSettings) => `${settings.publicUrl}/smart/callback`;

type SmartConfiguration = z.infer<typeof smartConfiguration>;
/** Each EHR's configuration, kept a few minutes: a burst of launches (or of forged ones) makes one request to it. */
const configurations = new Map<string, { configuration: SmartConfiguration; until: number }>();
const CONFIGURATION_TTL_MS = 5 * 60_000;

async function configurationOf(iss: string): Promise<SmartConfiguration> {
  const kept = configurations.get(iss);
  if (kept && kept.until > Date.now()) return kept.configuration;
  try {
    const response = await fetch(`${iss}/.well-known/smart-configuration`, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), redirect: "error" });
    const configuration = smartConfiguration.parse(await response.json());
    configurations.set(iss, { configuration, until: Date.now() + CONFIGURATION_TTL_MS });
    return configuration;
  } catch {
    throw new SmartLaunchRefused("The EHR's SMART configuration could not be read.", 502);
  }
}

/** Checks the launch, records its state, and gives the authorization URL and the browser's binding value. */
export async function beginLaunch(settings: SmartSettings, params: URLSearchParams): Promise<{ authorizeUrl: string; binding: string }> {
  const iss = params.get("iss")?.replace(/\/+$/, "");
  const launch = params.get("launch");
  if (!iss || !launch) throw new SmartLaunchRefused("The EHR must send iss and launch.");
  if (!settings.issuers.includes(iss)) throw new SmartLaunchRefused("This EHR is not allowed to launch Backstep.", 403);
  const configuration = await configurationOf(iss);
  const lacking = ["launch-ehr", "client-confidential-asymmetric"].filter((capability) => !configuration.capabilities.includes(capability));
  if (!configuration.code_challenge_methods_supported.includes("S256")) lacking.push("PKCE S256");
  if (lacking.length) throw new SmartLaunchRefused(`The EHR does not offer what Backstep needs: ${lacking.join(", ")}.`, 502);

  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const binding = randomBytes(32).toString("base64url");
  await db().$transaction([
    db().smartLaunch.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LAUNCH_TTL_MINUTES * 60_000) } } }),
    db().smartLaunch.create({ data: { state, bindingHash: hash(binding), issuer: iss, authIssuer: configuration.issuer ?? iss, codeVerifier: verifier, tokenEndpoint: configuration.token_endpoint } }),
  ]);
  const url = new URL(configuration.authorization_endpoint);
  for (const [name, value] of Object.entries({
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: callbackUrl(settings),
    launch,
    scope: SMART_SCOPE,
    state,
    aud: iss,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  })) {
    url.searchParams.set(name, value);
  }
  return { authorizeUrl: url.href, binding };
}

export type LaunchTokens = { issuer: string; accessToken: string; patient: string; fhirUser: string; appContext: string | null };

/** Exchanges the code for tokens, once, for the browser that began the launch. */
export async function completeLaunch(settings: SmartSettings, callback: URL, binding: string | undefined): Promise<LaunchTokens> {
  const state = callback.searchParams.get("state");
  if (!state) throw new SmartLaunchRefused("The EHR's answer has no state.");
  // Used once: the row goes whatever follows.
  const launch = await db().smartLaunch.delete({ where: { state } }).catch(() => null);
  if (!launch || launch.createdAt.getTime() < Date.now() - LAUNCH_TTL_MINUTES * 60_000) throw new SmartLaunchRefused("This launch is unknown or has expired: open Backstep from the EHR again.");
  if (!binding || hash(binding) !== launch.bindingHash) throw new SmartLaunchRefused("This launch began in another browser.", 403);

  const as: oauth.AuthorizationServer = { issuer: launch.authIssuer, token_endpoint: launch.tokenEndpoint };
  const client: oauth.Client = { client_id: settings.clientId };
  try {
    const parameters = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAssertion(settings, launch.tokenEndpoint), parameters, callbackUrl(settings), launch.codeVerifier, insecureFor(launch.tokenEndpoint));
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { requireIdToken: true });
    const claims = oauth.getValidatedIdTokenClaims(tokens);
    const fhirUser = typeof claims?.fhirUser === "string" ? claims.fhirUser : null;
    const patient = typeof tokens.patient === "string" ? tokens.patient : null;
    if (!fhirUser || !patient) throw new SmartLaunchRefused("The EHR did not say who the user and the patient are (fhirUser, patient).", 502);
    return { issuer: launch.issuer, accessToken: tokens.access_token, patient, fhirUser: relativeReference(fhirUser, launch.issuer), appContext: typeof tokens.appContext === "string" ? tokens.appContext : null };
  } catch (error) {
    if (error instanceof SmartLaunchRefused) throw error;
    throw new SmartLaunchRefused("The EHR did not grant access to the chart.", 502);
  }
}

/** private_key_jwt as SMART asks: the assertion's audience is the token endpoint (oauth4webapi's default is the issuer). */
function clientAssertion(settings: SmartSettings, tokenEndpoint: string): oauth.ClientAuth {
  return oauth.PrivateKeyJwt(
    { key: settings.privateKey, kid: settings.keyId },
    {
      [oauth.modifyAssertion]: (_header, payload) => {
        payload.aud = tokenEndpoint;
      },
    },
  );
}

/** `https://ehr/fhir/Practitioner/7` and `Practitioner/7` name the same user of that EHR. */
export function relativeReference(reference: string, issuer: string): string {
  return reference.startsWith(`${issuer}/`) ? reference.slice(issuer.length + 1) : reference;
}
