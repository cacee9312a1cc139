import { Card } from "@/components/ui/card";
import type { ReferralBooking } from "@/lib/referrals/referral-dto";
import { CONTACT_METHODS } from "@/lib/patients/contact-methods";
import { formatPhone } from "@/lib/patients/phone-format";

const FEW_VISITS_LEFT = 3;

/** What the clinic books and bills with: how to reach the patient, the payer's authorization, codes, medicines, the referrer. */
export function BookingCard({ booking }: { booking: ReferralBooking }) {
  const { contact, authorization: auth, referringClinician } = booking;
  return (
    <Card title="Booking and billing">
      <dl className="grid grid-cols-[11rem_1fr] gap-y-1 text-sm">
        <dt className="text-muted">Patient phone</dt>
        <dd>{contact.phone ? formatPhone(contact.phone) : "not recorded"}</dd>
        <dt className="text-muted">Patient email</dt>
        <dd>{contact.email ?? "not recorded"}</dd>
        <dt className="text-muted">Preferred contact</dt>
        <dd>{contact.preferred ? CONTACT_METHODS[contact.preferred] : "not stated"}</dd>
        <dt className="text-muted">Payer</dt>
        <dd>
          {auth.payer ?? "not recorded"}
          {auth.memberId && ` · member ${auth.memberId}`}
        </dd>
        <dt className="text-muted">Authorization</dt>
        <dd>
          {auth.visitsAuthorized === null ? (
            "not recorded"
          ) : (
            <>
              {auth.authorizationNumber && `${auth.authorizationNumber}: `}
              {auth.visitsAuthorized} visits authorized, {auth.visitsUsed} used, {auth.visitsLeft} left
              {auth.authorizedUntil && `, until ${auth.authorizedUntil}`}
              {auth.visitsLeft !== null && auth.visitsLeft <= FEW_VISITS_LEFT && (
                <span role="status" className="ml-2 text-warning">
                  {auth.visitsLeft === 0 ? "No authorized visits left: ask the payer before booking more." : "Few authorized visits left: ask the payer for more in time."}
                </span>
              )}
            </>
          )}
        </dd>
        <dt className="text-muted">Diagnosis (ICD-10-CM)</dt>
        <dd>
          {booking.diagnoses.map((d) => `${d.code} ${d.display}`).join("; ")}
          <span className="block text-xs text-muted">Suggested from the referring visit&apos;s findings; the referring doctor&apos;s coding wins where it differs.</span>
        </dd>
        <dt className="text-muted">Medicines</dt>
        <dd>
          {booking.medicines.length === 0 ? (
            "none recorded at the referring visit"
          ) : (
            <ul>
              {booking.medicines.map((m) => (
                <li key={m.drug}>
                  {m.drug} {m.sig}
                  {m.mmePerDay !== null && ` (${m.mmePerDay} MME/day)`}
                  {m.relevance && <span className="text-warning"> · {m.relevance}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {booking.precautions.length > 0 && (
          <>
            <dt className="text-muted">Precautions</dt>
            <dd>{booking.precautions.join("; ")}</dd>
          </>
        )}
        <dt className="text-muted">Referring doctor</dt>
        <dd>
          {referringClinician.name}
          {referringClinician.practice && `, ${referringClinician.practice}`}
          {referringClinician.practicePhone && ` · ${referringClinician.practicePhone}`} ·{" "}
          <a href={`mailto:${referringClinician.email}`} className="text-brand underline">
            {referringClinician.email}
          </a>
        </dd>
      </dl>
    </Card>
  );
}
