import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/session";
import { listSecurityEvents } from "@/lib/data/platform/security-events";
import { listUsers } from "@/lib/data/platform/users";
import { SECURITY_EVENT_LABELS, SECURITY_EVENT_TYPES } from "@/lib/domain/security-events";
import { SECURITY_PAGE_SIZE, ZSecurityQuery } from "@/lib/validation/security";

export const metadata: Metadata = { title: "Security · Settings" };

const selectClass = "mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

function describe(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([key, value]) => key !== "by" && value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(" · ");
}

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePermission("settings:manage");
  const query = ZSecurityQuery.parse(await searchParams);
  const [{ rows, total }, users] = await Promise.all([
    listSecurityEvents({ type: query.type, userId: query.user, page: query.page, pageSize: SECURITY_PAGE_SIZE }),
    listUsers(),
  ]);
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (query.type) params.set("type", query.type);
    if (query.user) params.set("user", String(query.user));
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return `/settings/security${qs ? `?${qs}` : ""}`;
  };
  return (
    <Card>
      <CardHeader
        title="Security events"
        description="Sign-ins, failures and lockouts, sign-outs, password, user and role changes, API keys. Newest first."
      />
      <form method="get" className="flex flex-wrap items-end gap-4 border-b border-slate-100 px-5 py-4">
        <div>
          <label htmlFor="security-type" className="block text-sm font-medium text-slate-700">
            Event
          </label>
          <select id="security-type" name="type" defaultValue={query.type ?? ""} className={selectClass}>
            <option value="">All events</option>
            {SECURITY_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {SECURITY_EVENT_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="security-user" className="block text-sm font-medium text-slate-700">
            User
          </label>
          <select
            id="security-user"
            name="user"
            defaultValue={query.user ? String(query.user) : ""}
            className={selectClass}
          >
            <option value="">Everyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No security events">Nothing matches these filters yet.</EmptyState>
      ) : (
        <Table label="Security events">
          <thead>
            <tr>
              <Th>When (UTC)</Th>
              <Th>Event</Th>
              <Th>Subject</Th>
              <Th>By</Th>
              <Th>Details</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap font-mono text-xs">{e.at.slice(0, 19).replace("T", " ")}</Td>
                <Td className="font-medium text-slate-900">{e.label}</Td>
                <Td>{e.subject}</Td>
                <Td>{e.actor ?? "—"}</Td>
                <Td className="text-xs text-slate-500">{describe(e.detail)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={query.page} pageSize={SECURITY_PAGE_SIZE} total={total} hrefFor={hrefFor} />
    </Card>
  );
}
