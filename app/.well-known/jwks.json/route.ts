import { smartSettings } from "@/lib/smart/smart-settings";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

/** Backstep's public key for SMART client authentication, for EHRs to register. */
export async function GET() {
  try {
    const settings = await smartSettings();
    return Response.json({ keys: settings ? [{ ...settings.publicJwk, kid: settings.keyId, alg: settings.algorithm }] : [] }, { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(error);
  }
}
