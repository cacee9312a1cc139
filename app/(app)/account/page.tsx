import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
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
    </>
  );
}
