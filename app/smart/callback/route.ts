import { smartSettings } from "@/lib/smart/smart-settings";
import { completeLaunch, SmartLaunchRefused } from "@/lib/smart/smart-launch";
import { openEhrVisit } from "@/lib/smart/ehr-visit-data";
import { BINDING_COOKIE, cookieValue, launchProblem, toVisit } from "@/lib/smart/smart-responses";
import { requestAddress } from "@/lib/auth/request-address";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const settings = await smartSettings();
    if (!settings) return launchProblem("Launching Backstep from an EHR is not set up on this server.", 404);
    const tokens = await completeLaunch(settings, new URL(request.url), cookieValue(request.headers.get("cookie"), BINDING_COOKIE));
    const { userId, encounterId } = await openEhrVisit(tokens, requestAddress(request.headers));
    return toVisit(userId, encounterId);
  } catch (error) {
    if (error instanceof SmartLaunchRefused) return launchProblem(error.message, error.status);
    return errorResponse(error);
  }
}
