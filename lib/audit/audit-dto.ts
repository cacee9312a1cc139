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
  /** The patient's name, for a reader who may read patients; null otherwise or when there is no patient. */
  patientName: string | null;
  /** The event's details as labelled fields, values as text. */
  detail: [string, string][];
  /** The address the request came from, where the event had a request behind it. */
  sourceAddress: string | null;
};

export type AuditEventPage = { items: AuditEventItem[]; hasMore: boolean; before: string | null };

/** What the trail can be narrowed to: every filter is optional, and they combine. */
export type AuditFilters = { user?: string; action?: string; outcome?: "success" | "failure" | "denied"; patient?: string; from?: string; to?: string; address?: string };

export type AuditFilterOptions = { users: { id: string; name: string }[]; actions: readonly string[] };
