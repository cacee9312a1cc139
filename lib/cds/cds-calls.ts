import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/audit-log";
import { toIsoDate } from "@/lib/dates";
import { readBodyText } from "@/lib/http/request-body";
import { isAppError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation";
import { z } from "zod";
import { cdsSettings, type CdsSettings } from "./cds-settings";
import { CdsClientRefused, verifyCdsClient, type CdsClient } from "./client-trust";
import { checkCdsRequest } from "./cds-request";
import { CDS_SERVICES, serviceById } from "./cds-services";
import { fetchChart, PrefetchUnavailable } from "./chart-fetch";
import { hookCards } from "./hook-cards";
import type { Link } from "./cards";
import { smartSettings } from "@/lib/smart/smart-settings";

// The CDS Hooks endpoints' work: trust the caller, check the request, read the chart, answer with cards, and record
// each call in the audit trail (issuer, hook, patient reference, card codes and ids, time taken; never card text,
// resources or tokens). Feedback is recorded against the card ids the call recorded.
const CDS_BODY_LIMIT = 1024 * 1024;

const invalid = (issues: { path: string; message: string }[]) => Response.json({ error: "invalid-request", issues }, { status: 400 });

/** The caller, or the response refusing it. */
async function trustedClient(request: Request, path: string): Promise<{ settings: CdsSettings; client: CdsClient } | Response> {
  const settings = cdsSettings();
  if (!settings) return Response.json({ error: "not-configured", message: "CDS Hooks is not configured on this server." }, { status: 404 });
  try {
    const client = await verifyCdsClient(request.headers.get("authorization"), `${settings.publicUrl}${path}`, settings, firstUse);
    return { settings, client };
  } catch (error) {
    if (!(error instanceof CdsClientRefused)) throw error;
    await recordAudit(db(), { actor: null, action: "cds.refused", outcome: "denied", entityType: "cds-service", entityId: path, detail: { reason: error.reason } });
    return Response.json({ error: "invalid-token", message: error.reason }, { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });
  }
}

/** The organization an issuer's calls belong to (CDS_CLIENT_ORGANIZATIONS), or null when none is set. */
const organizationIds = new Map<string, string | null>();
async function organizationOf(settings: CdsSettings, issuer: string): Promise<string | null> {
  const slug = settings.organizations.get(issuer);
  if (!slug) return null;
  if (!organizationIds.has(slug)) organizationIds.set(slug, (await db().organization.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null);
  return organizationIds.get(slug) ?? null;
}

/** Records the token's id until it expires; false when another call already used it. */
async function firstUse(issuer: string, jti: string, expiresAt: Date): Promise<boolean> {
  const inserted = await db().$executeRaw`
    INSERT INTO cds_token_seen (issuer, jti, expires_at) VALUES (${issuer}, ${jti}, ${expiresAt}) ON CONFLICT DO NOTHING`;
  if (Math.random() < 0.01) await db().$executeRaw`DELETE FROM cds_token_seen WHERE expires_at < now() - interval '1 minute'`;
  return inserted === 1;
}

async function bodyOf(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    // Whatever media type the client declares, the body is read as JSON: one that is not JSON is a 400 naming the body.
    const text = await readBodyText(request, null, CDS_BODY_LIMIT);
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, response: invalid([{ path: "(body)", message: "the request body must be JSON" }]) };
    }
  } catch (error) {
    if (isAppError(error)) return { ok: false, response: Response.json({ error: "invalid-request", issues: error.issues }, { status: error.status }) };
    throw error;
  }
}

export async function discovery(request: Request): Promise<Response> {
  const trusted = await trustedClient(request, "/cds-services");
  if (trusted instanceof Response) return trusted;
  await recordAudit(db(), { actor: null, action: "cds.discovery", outcome: "success", organizationId: await organizationOf(trusted.settings, trusted.client.issuer), detail: { issuer: trusted.client.issuer } });
  return Response.json({ services: CDS_SERVICES });
}

export async function callService(request: Request, serviceId: string): Promise<Response> {
  const started = performance.now();
  const service = serviceById(serviceId);
  if (!service) return Response.json({ error: "not-found", message: `No CDS service ${serviceId}.` }, { status: 404 });
  const trusted = await trustedClient(request, `/cds-services/${service.id}`);
  if (trusted instanceof Response) return trusted;
  const read = await bodyOf(request);
  if (!read.ok) return read.response;
  const checked = checkCdsRequest(read.body, service.hook);
  if (!checked.ok) return invalid(checked.issues);
  const hookRequest = checked.request;
  let fetched;
  try {
    fetched = await fetchChart(hookRequest, trusted.settings.fhirServers);
  } catch (error) {
    if (!(error instanceof PrefetchUnavailable)) throw error;
    return Response.json({ error: "prefetch-unavailable", message: error.message }, { status: 412 });
  }
  const outcome = hookCards(hookRequest, fetched.chart, fetched.unread, toIsoDate(new Date()), await visitLinks(hookRequest.hookInstance));
  await recordAudit(db(), {
    actor: null,
    action: "cds.hook",
    outcome: "success",
    organizationId: await organizationOf(trusted.settings, trusted.client.issuer),
    entityType: "cds-hook-instance",
    entityId: hookRequest.hookInstance,
    detail: {
      issuer: trusted.client.issuer,
      tenant: trusted.client.tenant,
      service: service.id,
      hook: service.hook,
      patientReference: `Patient/${hookRequest.patientId}`,
      cards: outcome.cards.map((c) => c.uuid),
      cardCodes: outcome.cards.map((c) => c.source.topic?.code ?? "none"),
      criticalCards: outcome.cards.filter((c) => c.indicator === "critical").map((c) => c.uuid),
      latencyMs: Math.round(performance.now() - started),
    },
  });
  return Response.json({ cards: outcome.cards });
}

/** A SMART link that opens the Backstep visit from a card, when the SMART launch is set up. */
async function visitLinks(hookInstance: string): Promise<Link[]> {
  const smart = await smartSettings();
  return smart ? [{ label: "Open the Backstep visit", url: `${smart.publicUrl}/smart/launch`, type: "smart", appContext: JSON.stringify({ hookInstance }) }] : [];
}

const feedbackSchema = z.object({
  feedback: z
    .array(
      z.object({
        card: z.string().min(1).max(100),
        outcome: z.enum(["accepted", "overridden"], { error: "outcome must be accepted or overridden" }),
        acceptedSuggestions: z.array(z.object({ id: z.string().min(1).max(100) })).optional(),
        overrideReason: z.object({ reason: z.object({ system: z.string().optional(), code: z.string().max(100), display: z.string().optional() }).optional(), userComment: z.string().max(2000).optional() }).optional(),
        outcomeTimestamp: z.iso.datetime({ offset: true, error: "outcomeTimestamp must be an ISO date-time" }),
      }).refine((f) => f.outcome !== "accepted" || (f.acceptedSuggestions?.length ?? 0) > 0, { error: "acceptedSuggestions is required when the outcome is accepted", path: ["acceptedSuggestions"] }),
    )
    .min(1, { error: "feedback needs at least one entry" })
    .max(100),
});

export async function receiveFeedback(request: Request, serviceId: string): Promise<Response> {
  const service = serviceById(serviceId);
  if (!service) return Response.json({ error: "not-found", message: `No CDS service ${serviceId}.` }, { status: 404 });
  const trusted = await trustedClient(request, `/cds-services/${service.id}/feedback`);
  if (trusted instanceof Response) return trusted;
  const read = await bodyOf(request);
  if (!read.ok) return read.response;
  const parsed = feedbackSchema.safeParse(read.body);
  if (!parsed.success) return invalid(toFieldIssues(parsed.error));
  const organizationId = await organizationOf(trusted.settings, trusted.client.issuer);
  await db().$transaction(async (tx) => {
    for (const entry of parsed.data.feedback) {
      await recordAudit(tx, {
        actor: null,
        action: "cds.feedback",
        outcome: "success",
        organizationId,
        entityType: "cds-card",
        entityId: entry.card,
        detail: {
          issuer: trusted.client.issuer,
          service: service.id,
          outcome: entry.outcome,
          acceptedSuggestions: (entry.acceptedSuggestions ?? []).map((s) => s.id),
          overrideReason: entry.overrideReason?.reason?.code ?? null,
          commented: Boolean(entry.overrideReason?.userComment),
          outcomeTimestamp: entry.outcomeTimestamp,
        },
      });
    }
  });
  return new Response(null, { status: 200 });
}
