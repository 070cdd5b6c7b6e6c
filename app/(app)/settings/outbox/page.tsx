import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";
import { OutboxList } from "@/components/email/outbox-list";
import { requirePermission } from "@/lib/auth/session";
import { listOutbox } from "@/lib/email/outbox";
import { OUTBOX_PAGE_SIZE, ZOutboxQuery } from "@/lib/validation/email";

export const metadata: Metadata = { title: "Outbox · Settings" };

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePermission("settings:manage");
  const query = ZOutboxQuery.parse(await searchParams);
  const { rows, total } = await listOutbox({ status: query.status, page: query.page, pageSize: OUTBOX_PAGE_SIZE });
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (query.status) params.set("status", query.status);
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return `/settings/outbox${qs ? `?${qs}` : ""}`;
  };
  return (
    <Card>
      <CardHeader
        title="Outbox"
        description={
          process.env.SMTP_URL
            ? "Every email Bowtie sent over SMTP, and any that failed. Newest first."
            : "No mail server is configured (SMTP_URL), so emails wait here instead of going out. Newest first."
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-4 border-b border-slate-100 px-5 py-4">
        <div>
          <label htmlFor="outbox-status" className="block text-sm font-medium text-slate-700">
            Status
          </label>
          <AutoSubmitSelect
            id="outbox-status"
            name="status"
            defaultValue={query.status ?? ""}
            className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">All messages</option>
            <option value="outboxed">In outbox</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
          </AutoSubmitSelect>
        </div>
        <noscript>
          <button type="submit">Filter</button>
        </noscript>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No messages">Invitations, pre-reads and playbook emails will appear here.</EmptyState>
      ) : (
        <OutboxList rows={rows} />
      )}
      <Pagination page={query.page} pageSize={OUTBOX_PAGE_SIZE} total={total} hrefFor={hrefFor} />
    </Card>
  );
}
