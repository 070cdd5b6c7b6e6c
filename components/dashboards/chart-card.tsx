import type { ReactNode } from "react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** A dashboard card: a chart (or its empty state) with an optional CSV download of its numbers. */
export function ChartCard({
  title,
  description,
  csvHref,
  empty,
  emptyText,
  children,
}: {
  title: string;
  description?: string;
  csvHref?: string;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <Card className="dashboard-card">
      <CardHeader
        title={title}
        description={description}
        actions={
          csvHref && !empty ? (
            <Link
              href={csvHref}
              prefetch={false}
              className="no-print shrink-0 text-sm font-medium text-brand-700 hover:underline"
              aria-label={`Download ${title} as CSV`}
            >
              CSV
            </Link>
          ) : undefined
        }
      />
      {empty ? (
        <EmptyState title="Nothing to chart yet">{emptyText}</EmptyState>
      ) : (
        <div className="px-3 py-4">{children}</div>
      )}
    </Card>
  );
}
