import type { Metadata } from "next";
import { TableRegion } from "@/components/ui/table-region";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/access/actor";
import { pageData } from "@/lib/http/page-data";
import { listUsers } from "@/lib/users/users-data";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor();
  const users = await pageData(() => listUsers(actor));
  return (
    <>
      <PageHeader title="Users" subtitle="Disabling an account ends its sessions at once." />
      <TableRegion label="Users table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-line bg-canvas text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Site</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-line last:border-0">
                <td className="px-4 py-2 font-medium">{user.name}</td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">{ROLE_LABELS[user.role]}</td>
                <td className="px-4 py-2">{user.siteName ?? "—"}</td>
                <td className="px-4 py-2">
                  <Badge tone={user.active ? "ok" : "critical"}>{user.active ? "active" : "disabled"}</Badge>
                </td>
                <td className="px-4 py-2">
                  <UserActiveToggle userId={user.id} name={user.name} active={user.active} self={user.id === actor.userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
