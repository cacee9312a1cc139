"use client";

import { setAuthorizationAction } from "@/app/(app)/referrals/actions";
import type { ReferralBooking } from "@/lib/referrals/referral-dto";
import { formNumber } from "@/lib/http/form-number";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { useActionResult } from "@/components/ui/use-action-result";

/** The clinic records the payer and the visits it authorized; visits used are counted from the attended visits. */
export function AuthorizationForm({ referralId, authorization }: { referralId: string; authorization: ReferralBooking["authorization"] }) {
  const { pending, result, run, errors } = useActionResult();
  return (
    <form
      noValidate
      aria-label="Payer authorization"
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? "");
        const input = {
          referralId,
          payer: text("payer"),
          memberId: text("memberId"),
          authorizationNumber: text("authorizationNumber"),
          visitsAuthorized: formNumber(data.get("visitsAuthorized")) ?? null,
          authorizedUntil: text("authorizedUntil"),
        };
        run(() => setAuthorizationAction(input));
      }}
    >
      <TextField label="Payer" name="payer" id="auth-payer" defaultValue={authorization.payer ?? ""} error={errors.payer} />
      <TextField label="Member id" name="memberId" id="auth-memberId" defaultValue={authorization.memberId ?? ""} error={errors.memberId} />
      <TextField label="Authorization number" name="authorizationNumber" id="auth-number" defaultValue={authorization.authorizationNumber ?? ""} error={errors.authorizationNumber} />
      <TextField label="Visits authorized" name="visitsAuthorized" id="auth-visits" type="number" min={0} max={200} defaultValue={authorization.visitsAuthorized ?? ""} error={errors.visitsAuthorized} />
      <TextField label="Authorized until" name="authorizedUntil" id="auth-until" type="date" defaultValue={authorization.authorizedUntil ?? ""} error={errors.authorizedUntil} />
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save authorization
        </Button>
        <FormOutcome result={result} saved="Authorization saved." />
      </div>
    </form>
  );
}
