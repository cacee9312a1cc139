import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { PageHeader } from "@/components/ui/page-header";
import { PatientForm } from "@/components/patients/patient-form";
import { createPatientAction } from "./actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const actor = await requireActor();
  if (!can(actor.role, "create", "patient")) forbidden();
  return (
    <>
      <PageHeader title="New patient" subtitle="Register a patient in your organization." />
      <PatientForm action={createPatientAction} initial={{}} submitLabel="Create patient" />
    </>
  );
}
