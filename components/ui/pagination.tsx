import Link from "next/link";
import { cn } from "./cn";

/** "26–50 of 51"; past the last page (a stale bookmark), what there is instead of an impossible range. */
export function pageSummary(page: number, pageSize: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const count = total.toLocaleString("en-US");
  if (total > 0 && page > pages) return `Past the last page · ${count} in all`;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return `${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")} of ${count}`;
}

/** Previous / next links that keep the rest of the URL's query (filters stay bookmarkable). */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number, label: string, disabled: boolean) =>
    disabled ? (
      <span className="rounded-lg px-3 py-1.5 text-slate-300" aria-disabled>
        {label}
      </span>
    ) : (
      <Link
        href={hrefFor(target)}
        className={cn("rounded-lg px-3 py-1.5 text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50")}
      >
        {label}
      </Link>
    );
  return (
    <nav
      aria-label="Pagination"
      className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm"
    >
      <p className="text-slate-500">{pageSummary(page, pageSize, total)}</p>
      <div className="flex items-center gap-2">
        {link(Math.min(page - 1, pages), "Previous", page <= 1)}
        <span className="text-slate-500">
          Page {page} of {pages}
        </span>
        {link(page + 1, "Next", page >= pages)}
      </div>
    </nav>
  );
}
