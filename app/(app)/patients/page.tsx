import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { listPatients } from "@/lib/patients/patients-data";
import { reviewsAwaiting } from "@/lib/measures/case-reviews-data";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { PatientSearch } from "@/components/patients/patient-search";
import { PatientTable } from "@/components/patients/patient-table";
import { InputIssues } from "@/components/ui/input-issues";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : "";
  const page = typeof params.page === "string" ? params.page : "1";
  const [result, awaiting] = await Promise.all([pageDataOrIssues(() => listPatients(actor, { q, page })), reviewsAwaiting(actor)]);
  return (
    <>
      {awaiting > 0 && (
        <p role="status" className="mb-4 rounded-md border border-warning/40 bg-amber-50 px-4 py-2 text-sm">
          {awaiting === 1 ? "An auditor's review of one of your cases awaits" : `Auditors' reviews of ${awaiting} of your cases await`} your acknowledgement:{" "}
          <Link href="/reviews" className="text-brand underline">
            open case reviews
          </Link>
          .
        </p>
      )}
      <PageHeader
        title="Patients"
        subtitle={result.ok ? `${result.data.total} patient${result.data.total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""}` : undefined}
        actions={
          can(actor.role, "create", "patient") && (
            <Link href="/patients/new" className={buttonClass("primary")}>
              New patient
            </Link>
          )
        }
      />
      <PatientSearch initialQuery={q} />
      {result.ok ? <PatientTable page={result.data} query={q} /> : <InputIssues issues={result.issues} />}
    </>
  );
}
