import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { recordPageData } from "@/lib/http/page-data";
import { getPatient } from "@/lib/patients/patients-data";
import { PageHeader } from "@/components/ui/page-header";
import { PatientForm } from "@/components/patients/patient-form";
import { updatePatientAction } from "./actions";

export const metadata: Metadata = { title: "Correct patient details" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor.role, "update", "patient")) forbidden();
  const { id } = await params;
  const patient = await recordPageData(() => getPatient(actor, id));
  const initial = {
    id: patient.id,
    mrn: patient.mrn,
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    phone: patient.contact.phone ?? "",
    email: patient.contact.email ?? "",
    preferredContact: patient.contact.preferred ?? "",
  };
  return (
    <>
      <PageHeader title={`Correct details: ${patient.givenName} ${patient.familyName}`} subtitle="Each change is kept in the audit trail with its value before and after." />
      <PatientForm action={updatePatientAction} initial={initial} submitLabel="Save details" />
    </>
  );
}
