import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { PageHeader } from "@/components/ui/page-header";
import { PatientImportForm } from "@/components/admin/patient-import-form";

export const metadata: Metadata = { title: "Import patients" };

export default async function ImportPatientsPage() {
  const actor = await requireActor();
  if (!can(actor.role, "import", "patient")) forbidden();
  return (
    <>
      <PageHeader title="Import patients" subtitle="Check the file first: every problem is listed by line and column, and nothing is written until the whole file is clean. An MRN already on record is reported, never overwritten." />
      <PatientImportForm />
    </>
  );
}
