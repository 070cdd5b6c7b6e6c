import Link from "next/link";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/renewals", label: "Pipeline" },
  { href: "/renewals/forecast", label: "Forecast" },
] as const;

/** The renewals area's two views; the filters in the URL carry across. */
export function RenewalTabs({
  current,
  searchParams,
}: {
  current: (typeof TABS)[number]["href"];
  searchParams: Record<string, string | undefined>;
}) {
  const query = new URLSearchParams(
    Object.entries(searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  ).toString();
  return (
    <nav aria-label="Renewal views" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={query ? `${tab.href}?${query}` : tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-500 hover:text-slate-700",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
