"use client";

import { useState } from "react";
import { bookAppointmentAction, dischargeAction, recordNoShowAction, recordVisitAction, updateReferralAction } from "@/app/(app)/referrals/actions";
import { NO_SHOW_FOLLOW_UPS, type AppointmentView } from "@/lib/referrals/appointment-vocabulary";
import type { ReferralStatus } from "@/lib/referrals/referral-dto";
import { DISCHARGE_OUTCOMES } from "@/lib/referrals/outcomes";
import { Button } from "@/components/ui/button";
import { TextField, SelectField } from "@/components/ui/field";
import { useActionResult as useAction } from "@/components/ui/use-action-result";

/** The clinic's controls for one referral, by status: accept or decline, schedule, record visits, discharge. */
export function ReferralWorkflow({
  referralId,
  status,
  today,
  therapists,
  appointments,
}: {
  referralId: string;
  status: ReferralStatus;
  today: string;
  therapists: { id: string; name: string }[];
  appointments: AppointmentView[];
}) {
  const triage = useAction();
  const assign = useAction();
  const [therapistId, setTherapistId] = useState(therapists[0]?.id ?? "");
  const open = status === "new" || status === "accepted" || status === "scheduled" || status === "in_progress";
  const visit = useAction();
  const discharge = useAction();
  const [reason, setReason] = useState("");
  const [savedVisit, setSavedVisit] = useState("");
  return (
    <div className="space-y-4">
      {(status === "new" || status === "accepted") && (
        <section aria-label="Triage" className="rounded-lg border border-line bg-white p-4">
          <h2 className="mb-2 font-semibold">Triage</h2>
          <div className="flex flex-wrap items-end gap-2">
            {status === "new" && (
              <Button disabled={triage.pending} onClick={() => triage.run(() => updateReferralAction({ referralId, action: "accept" }))}>
                Accept
              </Button>
            )}
            <div className="min-w-64 flex-1">
              <TextField label="Reason to decline" name="declineReason" value={reason} onChange={(e) => setReason(e.target.value)} error={triage.errors.reason} />
            </div>
            <Button variant="danger" disabled={triage.pending} onClick={() => triage.run(() => updateReferralAction({ referralId, action: "decline", reason }))}>
              Decline
            </Button>
          </div>
          <FormMessage message={triage.message} className="mt-2" />
        </section>
      )}

      {open && therapists.length > 0 && (
        <section aria-label="Assign a therapist" className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-white p-4">
          <div className="min-w-64 flex-1">
            <SelectField label="Therapist" name="therapistId" value={therapistId} onChange={(e) => setTherapistId(e.target.value)} options={therapists.map((t) => ({ value: t.id, label: t.name }))} error={assign.errors.therapistId} />
          </div>
          <Button variant="secondary" disabled={assign.pending} onClick={() => assign.run(() => updateReferralAction({ referralId, action: "assign", therapistId }))}>
            Assign
          </Button>
          <FormMessage message={assign.message} className="w-full" />
        </section>
      )}

      {(status === "accepted" || status === "scheduled" || status === "in_progress") && therapists.length > 0 && (
        <AppointmentBooking referralId={referralId} today={today} therapists={therapists} defaultTherapist={therapistId} />
      )}

      {(status === "scheduled" || status === "in_progress") && appointments.some((a) => a.status === "booked") && (
        <section aria-label="Booked appointments" className="space-y-2 rounded-lg border border-line bg-white p-4">
          <h2 className="font-semibold">Booked appointments</h2>
          {appointments
            .filter((a) => a.status === "booked")
            .map((appointment) => (
              <NoShowForm key={appointment.id} referralId={referralId} appointment={appointment} />
            ))}
        </section>
      )}

      {(status === "accepted" || status === "scheduled" || status === "in_progress") && (
        <form
          aria-label="Record a visit"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
          onSubmit={(event) => {
            event.preventDefault();
            const element = event.currentTarget;
            const form = new FormData(element);
            const number = (name: string) => (form.get(name) === "" ? undefined : Number(form.get(name)));
            const date = String(form.get("date"));
            const attended = form.get("attended") === "yes";
            setSavedVisit("");
            const peg = ["peg0", "peg1", "peg2"].map(number);
            const odi = Array.from({ length: 10 }, (_, i) => number(`odi${i}`) ?? null);
            const save = () =>
              recordVisitAction({
                referralId,
                date,
                attended,
                notes: String(form.get("notes") ?? "") || undefined,
                adherencePercent: number("adherencePercent"),
                painScore: number("painScore"),
                outcomePhase: String(form.get("outcomePhase") ?? "") || undefined,
                ...(peg.every((p) => p !== undefined) ? { peg } : {}),
                ...(odi.some((section) => section !== null) ? { odi } : {}),
              });
            // Saved: say so, and clear the form so the next visit is not saved as a copy of this one.
            visit.run(save, () => {
              element.reset();
              setSavedVisit(`${attended ? "Visit" : "Missed visit"} of ${date} saved: it is in the visit history below.`);
            });
          }}
        >
          <h2 className="font-semibold">Record a visit</h2>
          <div className="grid gap-3 sm:grid-cols-4">
            <TextField label="Date" name="date" type="date" defaultValue={today} error={visit.errors.date} />
            <SelectField label="Attended" name="attended" options={[{ value: "yes", label: "Attended" }, { value: "no", label: "Missed" }]} />
            <TextField label="Home program adherence %" name="adherencePercent" type="number" min={0} max={100} error={visit.errors.adherencePercent} />
            <TextField label="Pain (0-10)" name="painScore" type="number" min={0} max={10} error={visit.errors.painScore} />
          </div>
          <div className="grid gap-3 sm:grid-cols-4">
            <SelectField label="Outcome measures" name="outcomePhase" options={[{ value: "", label: "none this visit" }, { value: "intake", label: "intake" }, { value: "mid_program", label: "mid-program" }, { value: "discharge", label: "discharge" }]} />
            <TextField label="PEG pain" name="peg0" type="number" min={0} max={10} />
            <TextField label="PEG enjoyment" name="peg1" type="number" min={0} max={10} />
            <TextField label="PEG activity" name="peg2" type="number" min={0} max={10} />
          </div>
          <details>
            <summary className="cursor-pointer text-sm text-brand">Oswestry sections (0-5; leave unanswered blank)</summary>
            <div className="mt-2 grid grid-cols-5 gap-2">
              {Array.from({ length: 10 }, (_, i) => (
                <TextField key={i} label={`Section ${i + 1}`} name={`odi${i}`} type="number" min={0} max={5} />
              ))}
            </div>
            {visit.errors.odi && <p className="text-sm text-critical">{visit.errors.odi}</p>}
          </details>
          <TextField label="What was done" name="notes" error={visit.errors.notes} />
          <FormMessage message={visit.message} />
          <p role="status" aria-live="polite" className="text-sm text-muted">
            {savedVisit}
          </p>
          <Button type="submit" disabled={visit.pending}>
            Save visit
          </Button>
        </form>
      )}

      {status === "in_progress" && (
        <form
          aria-label="Discharge"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const shortCourseReason = String(form.get("shortCourseReason") ?? "").trim();
            discharge.run(() => dischargeAction({ referralId, outcome: String(form.get("outcome")), recommendation: String(form.get("recommendation") ?? ""), ...(shortCourseReason ? { shortCourseReason } : {}) }));
          }}
        >
          <h2 className="font-semibold">Discharge to the referring doctor</h2>
          <SelectField label="Outcome" name="outcome" defaultValue="" options={[{ value: "", label: "choose the outcome" }, ...DISCHARGE_OUTCOMES.map((o) => ({ value: o, label: o.replace("-", " ") }))]} error={discharge.errors.outcome} />
          <TextField label="Recommendation for the referring doctor" name="recommendation" error={discharge.errors.recommendation} />
          <TextField label="If the course lasted under a week: why it ended" name="shortCourseReason" error={discharge.errors.shortCourseReason} />
          <FormMessage message={discharge.message} />
          <Button type="submit" disabled={discharge.pending}>
            Discharge
          </Button>
        </form>
      )}
    </div>
  );
}

/** Books an appointment: a date, a time and a therapist of the clinic. */
function AppointmentBooking({ referralId, today, therapists, defaultTherapist }: { referralId: string; today: string; therapists: { id: string; name: string }[]; defaultTherapist: string }) {
  const booking = useAction();
  const [booked, setBooked] = useState("");
  return (
    <form
      aria-label="Book an appointment"
      className="space-y-3 rounded-lg border border-line bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const date = String(form.get("date"));
        const time = String(form.get("time"));
        setBooked("");
        booking.run(
          () => bookAppointmentAction({ referralId, date, time, therapistId: String(form.get("therapistId")), minutes: Number(form.get("minutes")) }),
          () => setBooked(`Booked for ${date} at ${time}.`),
        );
      }}
    >
      <h2 className="font-semibold">Book an appointment</h2>
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField label="Appointment date" name="date" id="booking-date" type="date" defaultValue={today} error={booking.errors.date} />
        <TextField label="Time" name="time" id="booking-time" type="time" defaultValue="09:00" error={booking.errors.time} />
        <SelectField label="With" name="therapistId" id="booking-therapist" defaultValue={defaultTherapist} options={therapists.map((t) => ({ value: t.id, label: t.name }))} error={booking.errors.therapistId} />
        <TextField label="Minutes" name="minutes" id="booking-minutes" type="number" min={15} max={120} defaultValue="45" error={booking.errors.minutes} />
      </div>
      <FormMessage message={booking.message} />
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {booked}
      </p>
      <Button type="submit" disabled={booking.pending}>
        Book
      </Button>
    </form>
  );
}

/** A booked appointment, and recording it as missed with what the clinic does next. */
function NoShowForm({ referralId, appointment }: { referralId: string; appointment: AppointmentView }) {
  const noShow = useAction();
  const label = `${appointment.date} at ${appointment.time} with ${appointment.therapistName}`;
  return (
    <form
      aria-label={`Appointment ${label}`}
      className="flex flex-wrap items-end gap-2 border-b border-line pb-2 text-sm last:border-0"
      onSubmit={(event) => {
        event.preventDefault();
        const followUp = String(new FormData(event.currentTarget).get("followUp"));
        noShow.run(() => recordNoShowAction({ referralId, appointmentId: appointment.id, followUp }));
      }}
    >
      <span className="min-w-56 flex-1">{label}</span>
      <SelectField label="If missed, then" name="followUp" id={`follow-up-${appointment.id}`} options={Object.entries(NO_SHOW_FOLLOW_UPS).map(([value, text]) => ({ value, label: text }))} error={noShow.errors.followUp} />
      <Button type="submit" variant="secondary" disabled={noShow.pending}>
        Record no-show
      </Button>
      <FormMessage message={noShow.message} className="w-full" />
    </form>
  );
}

function FormMessage({ message, className = "" }: { message: string; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`text-sm text-critical ${className}`}>
      {message}
    </p>
  );
}
