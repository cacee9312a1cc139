import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { recordPageData } from "@/lib/http/page-data";
import { getReferral } from "@/lib/referrals/referral-workflow-data";
import { describeDose, EXERCISES, EXERCISES_BY_ID, type Exercise } from "@/lib/referrals/exercise-library";
import { PrintButton } from "@/components/encounters/print-button";
import { ExerciseDrawing } from "@/components/referrals/exercise-drawing";
import { HomeProgramChooser } from "@/components/referrals/home-program-chooser";
import { PrintPageMargins } from "@/components/ui/print-page-margins";

export const metadata: Metadata = { title: "Home exercise program" };

export default async function HomeProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const referral = await recordPageData(() => getReferral(actor, id));
  const { items, chosen } = referral.homeProgram;
  const clinicStaff = can(actor.role, "update", "referral");
  return (
    <>
      <article className="mx-auto max-w-3xl space-y-4 bg-white p-8 leading-relaxed print:p-0">
        <PrintPageMargins footer={`Home exercise program · ${referral.patient.name} · ${referral.toSiteName}`} />
        <header className="flex items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold">Your home exercise program</h1>
            <p className="text-sm text-muted">
              {referral.patient.name} · {referral.toSiteName}
              {referral.therapistName ? ` · ${referral.therapistName}` : ""}
            </p>
            {!chosen && <p className="no-print mt-1 text-sm text-warning">Suggested for the referral&apos;s classification; the clinic has not chosen the exercises yet.</p>}
          </div>
          <PrintButton />
        </header>
        <ol className="space-y-4">
          {items.map((item) => {
            const exercise = EXERCISES_BY_ID.get(item.id) as Exercise;
            return (
              <li key={item.id} className="flex break-inside-avoid gap-4 border-b border-line pb-4 last:border-0">
                <ExerciseDrawing id={exercise.id} name={exercise.name} />
                <div>
                  <h2 className="font-semibold">
                    {exercise.name} <span className="text-sm font-normal text-muted">· {exercise.part}</span>
                  </h2>
                  <ol className="list-inside list-decimal text-sm">
                    {exercise.steps.map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                  </ol>
                  <p className="mt-1 text-sm font-medium">{describeDose(exercise, item)}</p>
                  {exercise.caution && <p className="text-sm text-warning">{exercise.caution}</p>}
                </div>
              </li>
            );
          })}
        </ol>
        <section>
          <h2 className="font-semibold">Every day</h2>
          <p>
            Aim for 20-30 minutes a day, every day, for 8-12 weeks. On busy days even 10 minutes counts: fit the exercises into breaks and take a short walk.
            Do a little more each week, staying just below the point where pain flares.
          </p>
        </section>
        <section>
          <h2 className="font-semibold">Why it matters</h2>
          <p>People who keep up their home routine do much better than those who do not. Log what you did each day and bring it to your next visit.</p>
        </section>
      </article>
      {clinicStaff && (
        <div className="no-print mx-auto mt-6 max-w-3xl">
          <HomeProgramChooser referralId={referral.id} exercises={EXERCISES} current={items} />
        </div>
      )}
    </>
  );
}
