import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { recordPageData } from "@/lib/http/page-data";
import { getReferral } from "@/lib/referrals/referral-workflow-data";
import { buildHomeProgram } from "@/lib/referrals/home-program";
import { PrintButton } from "@/components/encounters/print-button";

export const metadata: Metadata = { title: "Home exercise program" };

export default async function HomeProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const referral = await recordPageData(() => getReferral(actor, id));
  const program = buildHomeProgram(referral.classification.tbcSubgroup);
  return (
    <article className="mx-auto max-w-2xl space-y-4 bg-white p-8 leading-relaxed print:p-0">
      <header className="flex items-start justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Your home exercise program</h1>
          <p className="text-sm text-muted">
            {referral.patient.name} · {referral.toSiteName}
            {referral.therapistName ? ` · ${referral.therapistName}` : ""}
          </p>
        </div>
        <PrintButton />
      </header>
      {program.lead && (
        <section>
          <h2 className="font-semibold">Your key exercise</h2>
          <p>{program.lead}</p>
        </section>
      )}
      <section>
        <h2 className="font-semibold">Every day</h2>
        <ul className="list-inside list-disc">
          {program.parts.map((part) => (
            <li key={part.name}>
              <span className="font-medium">{part.name}:</span> {part.what}
            </li>
          ))}
        </ul>
        <p className="mt-2">{program.dose}</p>
      </section>
      <section>
        <h2 className="font-semibold">Why it matters</h2>
        <p>People who keep up their home routine do much better than those who do not. Log what you did each day and bring it to your next visit.</p>
      </section>
    </article>
  );
}
