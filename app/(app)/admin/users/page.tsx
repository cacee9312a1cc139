import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/access/actor";
import { pageData } from "@/lib/http/page-data";
import { listUsers } from "@/lib/users/users-data";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { UserAccountActions } from "@/components/admin/user-account-actions";
import { NewUserForm } from "@/components/admin/new-user-form";
import { UserAccessForm } from "@/components/admin/user-access-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor();
  const { users, sites: assignable } = await pageData(() => listUsers(actor));
  return (
    <>
      <PageHeader title="Users" subtitle="Disabling an account or resetting its password ends its sessions at once." />
      <div className="mb-6">
        <Card title="Add a person">
          <NewUserForm sites={assignable} />
        </Card>
      </div>
      <TableRegion label="Users table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <TableHead columns={["Name", "Email", "Role and site", "Status", { label: "Actions", hidden: true }]} />
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-line last:border-0">
                <td className="px-4 py-2 font-medium">{user.name}</td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">
                  {user.id === actor.userId ? (
                    `${ROLE_LABELS[user.role]}${user.siteName ? `, ${user.siteName}` : ""}`
                  ) : (
                    <UserAccessForm userId={user.id} name={user.name} role={user.role} siteId={user.siteId} locked={user.locked} twoStep={user.twoStep} sites={assignable} />
                  )}
                </td>
                <td className="px-4 py-2">
                  <Badge tone={user.active ? "ok" : "critical"}>{user.active ? "active" : "disabled"}</Badge>
                  {user.locked && (
                    <span className="ml-1">
                      <Badge tone="warning">sign-in blocked</Badge>
                    </span>
                  )}
                </td>
                <td className="px-4 py-2">
                  <UserAccountActions userId={user.id} name={user.name} active={user.active} self={user.id === actor.userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
