export type AuditEventItem = {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: "success" | "failure" | "denied";
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  detail: string;
  /** The address the request came from, where the event had a request behind it. */
  sourceAddress: string | null;
};

export type AuditEventPage = { items: AuditEventItem[]; hasMore: boolean; before: string | null };
