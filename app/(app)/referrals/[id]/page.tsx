import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { recordPageData } from "@/lib/http/page-data";
import { getReferral, listClinicTherapists } from "@/lib/referrals/referral-workflow-data";
import { listReferralAppointments } from "@/lib/referrals/appointments-data";
import { listPtNotes } from "@/lib/referrals/pt-notes-data";
import { NO_SHOW_FOLLOW_UPS, NO_SHOWS_BEFORE_DISCHARGE } from "@/lib/referrals/appointment-vocabulary";
import { toIsoDate } from "@/lib/dates";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ReferralWorkflow } from "@/components/referrals/referral-workflow";
import { DischargeSummaryView } from "@/components/referrals/discharge-summary";
import { describeOutcomeChange } from "@/components/referrals/outcome-change";
import { PtNotesCard } from "@/components/referrals/pt-notes-card";
import { BookingCard } from "@/components/referrals/booking-card";
import { AuthorizationForm } from "@/components/referrals/authorization-form";
import { PtNoteForm, ProgressIntervalForm } from "@/components/referrals/pt-note-forms";

export const metadata: Metadata = { title: "Referral" };

const VISITS_WARNING = 3;

export default async function ReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const referral = await recordPageData(() => getReferral(actor, id));
  const clinicStaff = can(actor.role, "update", "referral");
  const therapists = clinicStaff ? await listClinicTherapists(actor) : [];
  const [appointments, notes] = await Promise.all([recordPageData(() => listReferralAppointments(actor, referral.id)), recordPageData(() => listPtNotes(actor, referral.id))]);
  const writesNotes = can(actor.role, "create", "pt-note") && ["accepted", "scheduled", "in_progress"].includes(referral.status);
  const noShows = appointments.filter((a) => a.status === "no_show");
  const left = referral.coveredVisitsLeft === null ? null : Math.max(0, referral.coveredVisitsLeft - referral.visitsUsed);
  const c = referral.classification;
  return (
    <>
      <PageHeader
        title={`Referral: ${referral.patient.name}`}
        subtitle={`${referral.patient.ageYears} years · ${referral.patient.sex} · from ${referral.referringClinicianName} on ${referral.createdAt} · to ${referral.toSiteName}`}
        actions={
          <Link href={`/referrals/${referral.id}/home-program`} className="rounded-md border border-line bg-white px-4 py-2 text-sm">
            Home exercise program
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <Card title="Classification">
            <dl className="grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
              <dt className="text-muted">Status</dt>
              <dd>
                <Badge tone="info">{referral.status.replace("_", " ")}</Badge> <Badge tone={referral.priority === "routine" ? "neutral" : "warning"}>{referral.priority}</Badge>
              </dd>
              <dt className="text-muted">Therapist</dt>
              <dd>{referral.therapistName ?? "not assigned"}</dd>
              <dt className="text-muted">Program</dt>
              <dd>{c.psychologicallyInformed ? "Psychologically informed PT (high STarT Back risk)" : "Standard PT"}</dd>
              <dt className="text-muted">Subgroup</dt>
              <dd>{c.tbcSubgroup?.replace(/-/g, " ") ?? "not classified"}</dd>
              <dt className="text-muted">STarT Back risk</dt>
              <dd>{c.startBackRisk ?? "not recorded"}</dd>
              <dt className="text-muted">Worse with</dt>
              <dd>{c.painPattern.length ? c.painPattern.join(", ") : "not recorded"}</dd>
              <dt className="text-muted">Directional preference</dt>
              <dd>{c.directionalPreference ?? "not tested"}</dd>
              <dt className="text-muted">Nerve-root signs</dt>
              <dd>{c.radicular ? "yes" : "no"}</dd>
              <dt className="text-muted">Red flags cleared</dt>
              <dd>{c.redFlagsCleared ? "yes" : "no: check with the referring doctor"}</dd>
              <dt className="text-muted">Built on</dt>
              <dd>{c.program.join(", ")}</dd>
              <dt className="text-muted">Goals</dt>
              <dd>{c.goals ?? "—"}</dd>
              <dt className="text-muted">Covered visits</dt>
              <dd>
                {left === null ? "unknown" : `${referral.visitsUsed} used, ${left} left`}
                {left !== null && left <= VISITS_WARNING && (
                  <span role="status" className="ml-2 text-warning">
                    {left === 0 ? "No covered visits left: hand over to the home program." : "Few covered visits left: plan the hand-over to the home program."}
                  </span>
                )}
              </dd>
              {referral.declineReason && (
                <>
                  <dt className="text-muted">Declined because</dt>
                  <dd>{referral.declineReason}</dd>
                </>
              )}
            </dl>
          </Card>
          <BookingCard booking={referral.booking} />
          {referral.discharge !== null ? (
            <DischargeSummaryView discharge={referral.discharge} />
          ) : (
            <Card title="Outcome measures">
              <ul className="text-sm">
                <li>{describeOutcomeChange("PEG", referral.progress.peg)}</li>
                <li>{describeOutcomeChange("Oswestry", referral.progress.odi, "%")}</li>
              </ul>
            </Card>
          )}
          <Card title="Appointments">
            {appointments.length === 0 ? (
              <p className="text-sm text-muted">None booked.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {appointments.map((a) => (
                  <li key={a.id} className="py-1.5">
                    {a.date} {a.time} · {a.minutes} min · {a.therapistName} · {a.status === "no_show" ? `no-show, then: ${a.followUp ? NO_SHOW_FOLLOW_UPS[a.followUp].toLowerCase() : "—"}` : a.status}
                  </li>
                ))}
              </ul>
            )}
            {noShows.length >= NO_SHOWS_BEFORE_DISCHARGE && referral.status !== "discharged" && (
              <p role="status" className="mt-2 text-sm text-warning">
                {noShows.length} no-shows: consider discharging to the referring doctor with the reason.
              </p>
            )}
          </Card>
          <Card title="Visits">
            {referral.visits.length === 0 ? (
              <p className="text-sm text-muted">No visits yet.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {referral.visits.map((visit) => (
                  <li key={visit.id} className="py-1.5">
                    {visit.date} · {visit.attended ? "attended" : "missed"}
                    {visit.adherencePercent !== null ? ` · adherence ${visit.adherencePercent}%` : ""}
                    {visit.painScore !== null ? ` · pain ${visit.painScore}/10` : ""}
                    {visit.outcomePhase ? ` · ${visit.outcomePhase.replace("_", " ")} measures` : ""}
                    {visit.notes ? <span className="block text-muted">{visit.notes}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <PtNotesCard referralId={referral.id} notes={notes} />
        </div>
        <div className="space-y-4">
          {clinicStaff && <ReferralWorkflow referralId={referral.id} status={referral.status} today={toIsoDate(new Date())} therapists={therapists} appointments={appointments} />}
          {clinicStaff && referral.status !== "discharged" && referral.status !== "declined" && (
            <Card title="Payer authorization">
              <AuthorizationForm referralId={referral.id} authorization={referral.booking.authorization} />
            </Card>
          )}
          {writesNotes && (
            <Card title="Write to the referring doctor">
              <div className="space-y-4">
                <PtNoteForm referralId={referral.id} today={toIsoDate(new Date())} />
                <ProgressIntervalForm referralId={referral.id} everyVisits={notes.progress.everyVisits} />
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
