import Link from "next/link";
import type { EncounterDetail } from "@/lib/encounters/encounter-dto";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RecommendationPanel } from "./recommendation-panel";
import { decisionKey, type DecisionDraft } from "./decision-types";
import { AddendumForm } from "./addendum-form";
import { orderText } from "@/lib/encounters/visit-orders";

/** A signed encounter, read-only: the recommendation as it was shown, the decisions, orders and addenda. */
export function SignedEncounter({ encounter, canAmend }: { encounter: EncounterDetail; canAmend: boolean }) {
  const decisions: Record<string, DecisionDraft> = Object.fromEntries(
    encounter.decisions.map((d) => [decisionKey(d.target, d.itemKey), { target: d.target, itemKey: d.itemKey, response: d.response, reasonCode: d.reasonCode ?? undefined, comment: d.comment ?? undefined }]),
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        {encounter.status === "draft" ? (
          <Card title="Draft">
            <p className="text-sm">This visit is still being written by {encounter.clinicianName}; it has not been signed.</p>
          </Card>
        ) : (
          <Card title="Signed">
            <p className="text-sm">
              Signed by {encounter.clinicianName} on {encounter.signedAt?.replace("T", " ").slice(0, 16)} UTC.
            </p>
            <Link href={`/encounters/${encounter.id}/plan`} className={`${buttonClass("primary")} mt-3`}>
              Print the patient&apos;s plan
            </Link>
          </Card>
        )}
        <Card title="Orders">
          {encounter.orders.length === 0 ? (
            <p className="text-sm text-muted">No orders.</p>
          ) : (
            <ul className="list-inside list-disc text-sm">
              {encounter.orders.map((order) => (
                <li key={order.id}>{orderText(order)}</li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Addenda">
          {encounter.addenda.length === 0 && <p className="text-sm text-muted">None.</p>}
          <ul className="space-y-2 text-sm">
            {encounter.addenda.map((addendum) => (
              <li key={addendum.createdAt}>
                <p>{addendum.text}</p>
                <p className="text-xs text-muted">
                  {addendum.author}, {addendum.createdAt.replace("T", " ").slice(0, 16)} UTC
                </p>
              </li>
            ))}
          </ul>
          {canAmend && <AddendumForm encounterId={encounter.id} />}
        </Card>
      </div>
      <div>{encounter.recommendation && <RecommendationPanel recommendation={encounter.recommendation} decisions={decisions} />}</div>
    </div>
  );
}
