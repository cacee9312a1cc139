import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { listCaseReviews, type CaseReviewView } from "@/lib/measures/case-reviews-data";
import { defaultPeriod } from "@/lib/measures/period";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { InputIssues } from "@/components/ui/input-issues";
import { FindingBadge } from "@/components/reviews/finding-badge";
import { AcknowledgeForm } from "@/components/reviews/acknowledge-form";

export const metadata: Metadata = { title: "Case reviews" };

export default async function ReviewsPage() {
  const actor = await requireActor();
  const result = await pageDataOrIssues(() => listCaseReviews(actor));
  const auditor = actor.role === "auditor";
  const period = defaultPeriod(new Date());
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Case reviews" />
        <InputIssues issues={result.issues} />
      </>
    );
  }
  const { reviews, awaiting } = result.data;
  return (
    <>
      <PageHeader
        title="Case reviews"
        subtitle={
          auditor
            ? `${reviews.length} review${reviews.length === 1 ? "" : "s"} of the organization's measure cases, newest first`
            : `Auditors' reviews of your cases sent to you${awaiting ? `: ${awaiting} awaiting your acknowledgement` : ""}`
        }
        actions={
          auditor && (
            <a href={`/reviews/export?from=${period.from}&to=${period.to}`} className={buttonClass("secondary")} download>
              Export the last twelve months (CSV)
            </a>
          )
        }
      />
      {reviews.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-6 text-muted">
          {auditor ? "No case has been reviewed yet. Review cases from a measure's list of cases." : "No review of your cases has been sent to you."}
        </p>
      ) : (
        <ul className="grid gap-3">
          {reviews.map((review) => (
            <ReviewItem key={review.id} review={review} auditor={auditor} />
          ))}
        </ul>
      )}
    </>
  );
}

function ReviewItem({ review, auditor }: { review: CaseReviewView; auditor: boolean }) {
  const label = `the review of ${review.patientName}'s case of ${review.caseDate}`;
  return (
    <li className="rounded-lg border border-line bg-white p-4 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <FindingBadge finding={review.finding} />
        <span className="font-medium">
          Measure {review.measure.number}: {review.measure.title}
        </span>
        <span className="text-muted">
          {review.patientName}, case of {review.caseDate} ·{" "}
          <Link href={`/encounters/${review.encounterId}`} className="text-brand underline" aria-label={`Open encounter of ${review.caseDate} for ${review.patientName}`}>
            open encounter
          </Link>
        </span>
      </div>
      <p className="mt-1 text-muted">
        Reviewed by {review.reviewer} on {review.reviewedAt.slice(0, 10)}
        {auditor && <> · clinician {review.clinician} · {review.sentToClinician ? "sent to the clinician" : "not sent"}</>}
      </p>
      {review.comment && <p className="mt-2 whitespace-pre-line">{review.comment}</p>}
      {review.acknowledgedAt && (
        <p className="mt-2 text-muted">
          Acknowledged {review.acknowledgedAt.slice(0, 10)}
          {review.reply && <>: &ldquo;{review.reply}&rdquo;</>}
        </p>
      )}
      {!auditor && review.acknowledgedAt === null && <AcknowledgeForm reviewId={review.id} label={label} />}
    </li>
  );
}
