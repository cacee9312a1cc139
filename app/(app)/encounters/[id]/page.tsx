import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { recordPageData } from "@/lib/http/page-data";
import { getEncounter, replayEncounter } from "@/lib/encounters/encounters-data";
import { PageHeader } from "@/components/ui/page-header";
import { EncounterWorkspace } from "@/components/encounters/encounter-workspace";
import { SignedEncounter } from "@/components/encounters/signed-encounter";
import { ReplayCard } from "@/components/encounters/replay-card";
import { EhrSourceNote } from "@/components/encounters/ehr-source-note";

export const metadata: Metadata = { title: "Visit" };

export default async function EncounterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const encounter = await recordPageData(() => getEncounter(actor, id));
  const editable = encounter.status === "draft" && can(actor.role, "update", "encounter");
  const replay = encounter.status === "signed" && encounter.recommendation ? await recordPageData(() => replayEncounter(actor, id)) : null;
  return (
    <>
      <PageHeader
        title={`Visit: ${encounter.patient.name}`}
        subtitle={
          <>
            MRN {encounter.patient.mrn} · {encounter.patient.ageYears} years · {encounter.patient.sex} · {encounter.date} · {encounter.status}{" "}
            · <Link href={`/patients/${encounter.patient.id}`} className="text-brand underline">chart</Link>
          </>
        }
      />
      {encounter.ehrSource && encounter.status === "draft" && <EhrSourceNote source={encounter.ehrSource} />}
      {editable && encounter.draft ? (
        <EncounterWorkspace
          encounterId={encounter.id}
          initialVersion={encounter.version}
          initialAssessment={encounter.assessment}
          initialOrders={encounter.draft.orders}
          initialDecisions={encounter.draft.decisions}
          taperInForce={encounter.draft.taper}
          profileLocked={encounter.draft.profileLocked}
        />
      ) : (
        <SignedEncounter encounter={encounter} canAmend={encounter.status === "signed" && can(actor.role, "update", "encounter")} />
      )}
      {replay && (
        <div className="mt-6">
          <ReplayCard diff={replay} />
        </div>
      )}
    </>
  );
}
