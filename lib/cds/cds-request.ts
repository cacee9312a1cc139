import { z } from "zod";
import { objectOf, textOf, listOf, type FhirJson } from "@/lib/fhir/fhir-values";
import type { FieldIssue } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation";

// A CDS Hooks 2.0 request: the hook, its instance, the context the hook defines, and optional prefetch and FHIR
// access. Checked before anything is read; a bad request gets every problem named, by path.
export const HOOKS = ["patient-view", "order-select", "order-sign"] as const;
export type Hook = (typeof HOOKS)[number];

const fhirAuthorization = z.object({
  access_token: z.string().min(1),
  token_type: z.literal("Bearer", { error: "token_type must be Bearer" }),
  expires_in: z.number().positive(),
  scope: z.string(),
  subject: z.string(),
  patient: z.string().optional(),
});

const requestSchema = z.object({
  hook: z.string({ error: "hook is required" }),
  hookInstance: z.string({ error: "hookInstance is required" }).min(1, { error: "hookInstance is required" }).max(200),
  fhirServer: z.url({ error: "fhirServer must be a URL" }).optional(),
  fhirAuthorization: fhirAuthorization.nullable().optional(),
  context: z.looseObject({
    userId: z.string({ error: "context.userId is required" }).min(1),
    patientId: z.string({ error: "context.patientId is required" }).min(1),
    encounterId: z.string().optional(),
    selections: z.array(z.string()).optional(),
    draftOrders: z.looseObject({ resourceType: z.string() }).optional(),
  }, { error: "context is required" }),
  prefetch: z.record(z.string(), z.unknown()).nullable().optional(),
});

export type CdsRequest = {
  hook: Hook;
  hookInstance: string;
  fhirServer?: string;
  fhirAuthorization?: z.infer<typeof fhirAuthorization> | null;
  userId: string;
  /** The bare id (EHRs sometimes send `Patient/<id>`). */
  patientId: string;
  prefetch: Record<string, unknown>;
  /** The draft orders the hook is about: the selected ones for order-select, all of them for order-sign. */
  orders: FhirJson[];
};

export type RequestCheck = { ok: true; request: CdsRequest } | { ok: false; issues: FieldIssue[] };

export function checkCdsRequest(body: unknown, hook: Hook): RequestCheck {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  const { data } = parsed;
  if (data.hook !== hook) return { ok: false, issues: [{ path: "hook", message: `this service answers the ${hook} hook, not ${data.hook}` }] };
  const patientId = data.context.patientId.replace(/^Patient\//, "");
  const drafts = draftResources(data.context.draftOrders);
  let orders: FhirJson[] = [];
  if (hook === "order-select" || hook === "order-sign") {
    if (!data.context.draftOrders) return { ok: false, issues: [{ path: "context.draftOrders", message: `context.draftOrders is required for ${hook}` }] };
    orders = drafts;
  }
  if (hook === "order-select") {
    const selections = data.context.selections;
    if (!selections?.length) return { ok: false, issues: [{ path: "context.selections", message: "context.selections is required for order-select" }] };
    const byReference = new Map(drafts.map((r) => [`${textOf(r.resourceType)}/${textOf(r.id)}`, r]));
    const unknown = selections.findIndex((s) => !byReference.has(s));
    if (unknown >= 0) return { ok: false, issues: [{ path: `context.selections.${unknown}`, message: `${selections[unknown]} is not among context.draftOrders` }] };
    orders = selections.map((s) => byReference.get(s) as FhirJson);
  }
  return {
    ok: true,
    request: {
      hook,
      hookInstance: data.hookInstance,
      fhirServer: data.fhirServer?.replace(/\/+$/, ""),
      fhirAuthorization: data.fhirAuthorization,
      userId: data.context.userId,
      patientId,
      prefetch: data.prefetch ?? {},
      orders,
    },
  };
}

/** The resources of draftOrders: a Bundle's entries, or a single resource sent bare. */
function draftResources(draftOrders: FhirJson | undefined): FhirJson[] {
  if (!draftOrders) return [];
  if (draftOrders.resourceType !== "Bundle") return [draftOrders];
  return listOf(draftOrders.entry).map((e) => objectOf(objectOf(e)?.resource)).filter((r): r is FhirJson => r !== undefined);
}
