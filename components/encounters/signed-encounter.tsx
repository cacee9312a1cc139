import Link from "next/link";
import type { EncounterDetail } from "@/lib/encounters/encounter-dto";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RecommendationPanel } from "./recommendation-panel";
import { decisionKey, type DecisionDraft } from "./decision-types";
import { AddendumForm } from "./addendum-form";
import { orderText } from "@/lib/encounters/visit-orders";
import { signedSummary, type MedicineLine } from "@/lib/encounters/signed-summary";

/** A signed encounter, read-only: what was assessed, the medicines before and after, the orders, the recommendation as it was shown with the decisions, and addenda. */
export function SignedEncounter({ encounter, canAmend }: { encounter: EncounterDetail; canAmend: boolean }) {
  const decisions: Record<string, DecisionDraft> = Object.fromEntries(
    encounter.decisions.map((d) => [decisionKey(d.target, d.itemKey), { target: d.target, itemKey: d.itemKey, response: d.response, reasonCode: d.reasonCode ?? undefined, comment: d.comment ?? undefined }]),
  );
  const summary = encounter.recommendation ? signedSummary(encounter.assessment, encounter.recommendation, encounter.orders) : null;
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
        {summary && (
          <Card title="Assessed">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Assessment as signed">
              {summary.assessed.map((row) => (
                <div key={row.label} className="contents">
                  <dt className="text-muted">{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        )}
        {summary && (
          <Card title="Medicines">
            <MedicineTable caption={`Before this visit: ${summary.medicines.mmeBefore}`} lines={summary.medicines.before} />
            <MedicineTable caption={`After this visit: ${summary.medicines.mmeAfter}`} lines={summary.medicines.after} />
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

function MedicineTable({ caption, lines }: { caption: string; lines: MedicineLine[] }) {
  return (
    <table className="mb-3 w-full text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <tbody>
        {lines.length === 0 && (
          <tr>
            <td className="text-muted">No medicines.</td>
          </tr>
        )}
        {lines.map((line, index) => (
          <tr key={index} className="border-t border-line">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {line.drug}
            </th>
            <td className="py-1 pr-2">{line.sig}</td>
            <td className="py-1 font-mono text-xs">{line.mme ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
