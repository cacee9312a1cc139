import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import type { PatientListPage } from "@/lib/patients/patient-dto";

export function PatientTable({ page, query }: { page: PatientListPage; query: string }) {
  if (page.items.length === 0) {
    return <p className="rounded-lg border border-line bg-white p-6 text-muted">No patients found{query ? " for this search" : ""}.</p>;
  }
  const pages = Math.ceil(page.total / page.pageSize);
  const pageLink = (n: number) => `/patients?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <>
      <TableRegion label="Patients table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Patients</caption>
          <TableHead columns={["Name", "MRN", "Age / sex", "Birth date", "Last visit"]} />
          <tbody>
            {page.items.map((patient) => (
              <tr key={patient.id} className="border-b border-line last:border-0 hover:bg-canvas">
                <td className="px-4 py-2">
                  <Link href={`/patients/${patient.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                    {patient.name}
                  </Link>
                </td>
                <td className="px-4 py-2 font-mono">{patient.mrn}</td>
                <td className="px-4 py-2">
                  {patient.ageYears} · {patient.sex}
                </td>
                <td className="px-4 py-2">{patient.birthDate}</td>
                <td className="px-4 py-2">{patient.lastEncounterDate ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
          {page.page > 1 && <Link href={pageLink(page.page - 1)} className="text-brand underline">Previous</Link>}
          <span className="text-muted">
            Page {page.page} of {pages}
          </span>
          {page.page < pages && <Link href={pageLink(page.page + 1)} className="text-brand underline">Next</Link>}
        </nav>
      )}
    </>
  );
}
