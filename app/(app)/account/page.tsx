import type { Metadata } from "next";
import Link from "next/link";
import { requireActor, TWO_STEP_PAGE } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/access/actor";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader title="Your account" subtitle={`${actor.name} · ${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      <Card title="Password">
        <ChangePasswordForm />
      </Card>
      <div className="mt-6">
        <Card title="Two-step sign-in">
          <p className="text-sm">
            A code from an authenticator app on your phone, after your password.{" "}
            <Link href={TWO_STEP_PAGE} className="text-brand underline">
              Set it up or move it to a new phone
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
