import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/data/platform/users";
import { formatDate } from "@/lib/format";
import { ResetPasswordForm } from "@/components/settings/reset-password-form";
import { CreateUserForm } from "./create-user-form";
import { UserAccessForm } from "@/components/settings/user-access-form";

export const metadata: Metadata = { title: "Users · Settings" };

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const users = await listUsersForAdmin();
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <>
      <div className="grid gap-6">
        <Card>
          <CardHeader
            title="Users"
            description={`${users.filter((u) => u.active).length} of ${users.length} can sign in. A role change, deactivation or password reset ends that person’s sessions at once.`}
          />
          <Table label="Users">
            <thead>
              <tr>
                <Th>User</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
                <Th>
                  <span className="sr-only">Change access</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <Td className="align-top">
                    <span className="block font-medium text-slate-900">{u.name}</span>
                    <span className="block text-xs text-slate-500">{u.email}</span>
                  </Td>
                  <Td className="align-top">{ROLE_LABELS[u.role]}</Td>
                  <Td className="align-top">
                    {u.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}
                  </Td>
                  <Td className="align-top text-slate-500">
                    {u.lastSignInAt ? formatDate(u.lastSignInAt.slice(0, 10)) : "Never"}
                  </Td>
                  <Td className="align-top">
                    <UserAccessForm user={u} roles={roleOptions} />
                    <div className="mt-1 flex justify-end">
                      <ResetPasswordForm user={u} />
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card className="max-w-xl">
          <CardHeader
            title="Add a user"
            description="They sign in with this email and password (12+ characters, not a common one)."
          />
          <CreateUserForm roles={roleOptions} />
        </Card>
      </div>
    </>
  );
}
