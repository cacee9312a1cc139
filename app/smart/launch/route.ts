import { smartSettings } from "@/lib/smart/smart-settings";
import { beginLaunch, SmartLaunchRefused } from "@/lib/smart/smart-launch";
import { launchProblem, toAuthorize } from "@/lib/smart/smart-responses";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const settings = await smartSettings();
    if (!settings) return launchProblem("Launching Backstep from an EHR is not set up on this server.", 404);
    const { authorizeUrl, binding } = await beginLaunch(settings, new URL(request.url).searchParams);
    return toAuthorize(settings, authorizeUrl, binding);
  } catch (error) {
    if (error instanceof SmartLaunchRefused) return launchProblem(error.message, error.status);
    return errorResponse(error);
  }
}
