import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { DASHBOARD_STAGES, STAGE_SLUGS, type DashboardStage } from "@/lib/domain/dashboards";
import { STAGE_LABELS } from "@/lib/format";

export function StageTabs({ active }: { active: DashboardStage }) {
  return (
    <nav aria-label="Lifecycle stages" className="no-print mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {DASHBOARD_STAGES.map((stage) => (
        <Link
          key={stage}
          href={`/dashboards/${STAGE_SLUGS[stage]}`}
          aria-current={stage === active ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            stage === active
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
          )}
        >
          {STAGE_LABELS[stage]}
        </Link>
      ))}
    </nav>
  );
}
