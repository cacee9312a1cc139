import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import type { PtNotes, PtNoteView } from "@/lib/referrals/pt-notes-data";
import { CourseFiguresList } from "./course-figures";
import { CertifyPlanButton } from "./pt-note-forms";

const KIND_LABEL = { progress: "Progress note", plan_of_care: "Plan of care" } as const;

/** The clinic's notes to the referring doctor, newest first, each with the course's figures as they stood then. */
export function PtNotesCard({ referralId, notes }: { referralId: string; notes: PtNotes }) {
  return (
    <Card title="Notes to the referring doctor">
      <p className="mb-2 text-sm text-muted">
        A progress note every {notes.progress.everyVisits} attended visits; {notes.progress.attendedSince} since the last.
        {notes.progress.due && (
          <span role="status" className="ml-1 font-medium text-warning">
            A progress note is due.
          </span>
        )}
      </p>
      {notes.notes.length === 0 ? (
        <p className="text-sm text-muted">No notes yet.</p>
      ) : (
        <ul className="divide-y divide-line">
          {notes.notes.map((note) => (
            <NoteItem key={note.id} referralId={referralId} note={note} certifier={notes.certifier} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function NoteItem({ referralId, note, certifier }: { referralId: string; note: PtNoteView; certifier: boolean }) {
  const plan = note.planOfCare;
  return (
    <li className="py-3 text-sm" aria-label={`${KIND_LABEL[note.kind]} of ${note.date}`}>
      <p className="font-medium">
        {KIND_LABEL[note.kind]} · {note.date} · {note.therapistName}{" "}
        {plan && (plan.certifiedAt ? <Badge tone="ok">certified</Badge> : <Badge tone="warning">awaiting certification</Badge>)}
      </p>
      <dl className="mt-1 grid grid-cols-[7rem_1fr] gap-y-1">
        {note.subjective && (
          <>
            <dt className="text-muted">Subjective</dt>
            <dd className="whitespace-pre-line">{note.subjective}</dd>
          </>
        )}
        <dt className="text-muted">Objective</dt>
        <dd>
          {note.objective && <p className="whitespace-pre-line">{note.objective}</p>}
          <CourseFiguresList figures={note.figures} />
        </dd>
        <dt className="text-muted">Assessment</dt>
        <dd className="whitespace-pre-line">{note.assessment}</dd>
        <dt className="text-muted">Plan</dt>
        <dd className="whitespace-pre-line">{note.plan}</dd>
        {plan && (
          <>
            <dt className="text-muted">Goals</dt>
            <dd className="whitespace-pre-line">{plan.goals}</dd>
            <dt className="text-muted">Frequency</dt>
            <dd>
              {plan.visitsPerWeek} visits a week for {plan.weeks} weeks
            </dd>
            <dt className="text-muted">Certified period</dt>
            <dd>
              {plan.certifyFrom} to {plan.certifyTo}
              {plan.certifiedAt && ` · certified by ${plan.certifiedBy} on ${plan.certifiedAt.slice(0, 10)}`}
            </dd>
          </>
        )}
      </dl>
      {plan && !plan.certifiedAt && certifier && <CertifyPlanButton referralId={referralId} noteId={note.id} />}
    </li>
  );
}
