import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { requirePermission } from "@/lib/auth/session";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { listApiKeys } from "@/lib/data/platform/api-keys";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "API keys · Settings" };

export default async function ApiKeysPage() {
  await requirePermission("settings:manage");
  const keys = await listApiKeys();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader
          title="API keys"
          description="Bearer keys for the REST API under /api/v1. Keys are stored hashed."
        />
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one for each system that sends data to Bowtie.</EmptyState>
        ) : (
          <Table label="API keys">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => (
                <tr key={k.id}>
                  <Td className="font-medium text-slate-900">{k.name}</Td>
                  <Td>
                    <code className="font-mono text-xs">{k.prefix}…</code>
                  </Td>
                  <Td>
                    {formatDate(k.createdAt.slice(0, 10))}
                    {k.createdBy && <span className="text-xs text-slate-500"> · {k.createdBy}</span>}
                  </Td>
                  <Td>{k.lastUsedAt ? formatDate(k.lastUsedAt.slice(0, 10)) : "Never"}</Td>
                  <Td>{k.revokedAt ? <Badge>Revoked</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td className="text-right">
                    {!k.revokedAt && (
                      <form action={revokeApiKeyAction}>
                        <input type="hidden" name="id" value={k.id} />
                        <button
                          className="text-sm font-medium text-red-600 hover:text-red-700"
                          aria-label={`Revoke ${k.name}`}
                        >
                          Revoke
                        </button>
                      </form>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader title="Create a key" description="Or from a shell: npm run apikey -- --name NAME" />
        <CreateApiKeyForm />
      </Card>
    </div>
  );
}
