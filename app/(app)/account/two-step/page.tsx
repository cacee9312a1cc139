import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/access/actor";
import { startTwoStepSetup, twoStepStatus } from "@/lib/users/two-step";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { TwoStepSetupForm } from "@/components/auth/two-step-setup-form";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default async function TwoStepPage() {
  const actor = await requireActor({ settingUpTwoStep: true });
  const status = await twoStepStatus(actor);
  const setup = await startTwoStepSetup(actor);
  return (
    <>
      <PageHeader
        title="Two-step sign-in"
        subtitle={
          status.enabled
            ? `On: you sign in with your password and a code from your authenticator app. ${status.recoveryCodesLeft} recovery codes left.`
            : actor.mustEnrolTwoStep
              ? "Your account needs two-step sign-in before anything else opens: a code from an authenticator app on your phone, after your password."
              : "Add a code from an authenticator app on your phone to your password."
        }
      />
      <Card title={status.enabled ? "Move to a new authenticator (new recovery codes too)" : "Set it up"}>
        <ol className="mb-4 list-decimal space-y-1 pl-5 text-sm">
          <li>Open an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
          <li>Scan this code, or type the key below it.</li>
          <li>Type the 6-digit code the app shows.</li>
        </ol>
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: image, nothing for Next to optimize */}
        <img src={`data:image/svg+xml;base64,${Buffer.from(setup.qrSvg).toString("base64")}`} alt="QR code to scan with an authenticator app" width={180} height={180} />
        <p className="mt-2 text-sm">
          Key: <code className="font-mono" data-testid="two-step-key">{setup.secret}</code>
        </p>
        <TwoStepSetupForm home={ROLE_HOME[actor.role]} />
      </Card>
      {status.enabled && (
        <p className="mt-4 text-sm">
          <Link href="/account" className="text-brand underline">
            Back to your account
          </Link>
        </p>
      )}
    </>
  );
}
