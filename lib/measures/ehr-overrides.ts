import "server-only";
import { db } from "@/lib/db/client";
import type { Scope } from "./measure-definitions";
import type { EhrOverrides } from "./measure-dto";

// Measure 6 beside the visits: critical cards Backstep showed in the EHR (CDS Hooks) that the EHR reported answered,
// and how many were overridden. Read from the audit trail, where each hook call lists its critical cards and each
// feedback names its card; the card's latest answer counts, and the period is when the card was shown.

type Row = { alert: string; answered: bigint; overridden: bigint; with_reason: bigint };

export async function ehrCriticalOverrides(scope: Scope): Promise<EhrOverrides> {
  const rows = await db().$queryRaw<Row[]>`
    WITH shown AS (
      SELECT card.uuid AS card, e.detail->'cardCodes'->>(card.position::int - 1) AS alert
      FROM audit_event e, jsonb_array_elements_text(e.detail->'cards') WITH ORDINALITY AS card(uuid, position)
      WHERE e.action = 'cds.hook' AND e.organization_id = ${scope.organizationId}::uuid
        AND e.at >= ${scope.from}::date AND e.at < ${scope.to}::date + 1
        AND e.detail->'criticalCards' ? card.uuid
    ),
    answer AS (
      SELECT DISTINCT ON (f.entity_id) f.entity_id AS card, f.detail->>'outcome' AS outcome, f.detail->>'overrideReason' AS reason
      FROM audit_event f
      WHERE f.action = 'cds.feedback' AND f.organization_id = ${scope.organizationId}::uuid AND f.at >= ${scope.from}::date
      ORDER BY f.entity_id, f.id DESC
    )
    SELECT s.alert, count(*) AS answered, count(*) FILTER (WHERE a.outcome = 'overridden') AS overridden,
           count(*) FILTER (WHERE a.outcome = 'overridden' AND a.reason IS NOT NULL) AS with_reason
    FROM shown s JOIN answer a ON a.card = s.card
    GROUP BY s.alert ORDER BY s.alert`;
  const byAlert = rows.map((r) => ({ alert: r.alert, answered: Number(r.answered), overridden: Number(r.overridden) }));
  return {
    answered: byAlert.reduce((n, r) => n + r.answered, 0),
    overridden: byAlert.reduce((n, r) => n + r.overridden, 0),
    withReason: rows.reduce((n, r) => n + Number(r.with_reason), 0),
    byAlert,
  };
}
