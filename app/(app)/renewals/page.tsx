import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { PipelineBucket } from "@/components/renewals/pipeline-bucket";
import { PipelineFilters } from "@/components/renewals/pipeline-filters";
import { RenewalTabs } from "@/components/renewals/renewal-tabs";
import { requirePermission } from "@/lib/auth/session";
import { RenewalFiguresNote } from "@/components/renewals/renewal-figures-note";
import { getRenewalPipeline, LATER_HORIZON_DAYS, listPipelineOwners } from "@/lib/data/renewals/pipeline";
import { renewalFigures } from "@/lib/domain/renewal-rollup";
import { RENEWAL_FIGURES, sumTotals } from "@/lib/domain/renewals";
import { formatMoney } from "@/lib/format";
import { ZPipelineQuery } from "@/lib/validation/renewals";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Renewals" };

export default async function RenewalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("renewals:read");
  const raw = await searchParams;
  const query = ZPipelineQuery.parse(raw);
  const today = clock.today();
  const [pipeline, owners] = await Promise.all([getRenewalPipeline(user, query, today), listPipelineOwners()]);
  const figures = renewalFigures(pipeline.groups);
  const within90 = sumTotals(
    pipeline.buckets
      .filter((b) => b.window === "0-30" || b.window === "31-60" || b.window === "61-90")
      .map((b) => b.totals),
  );
  const pageHref = (window: string, page: number) => {
    const params = new URLSearchParams(
      Object.entries(raw).filter(
        (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "window" && e[0] !== "page",
      ),
    );
    if (page > 1) {
      params.set("window", window);
      params.set("page", String(page));
    }
    const qs = params.toString();
    return `/renewals${qs ? `?${qs}` : ""}${page > 1 ? `#${window}` : ""}`;
  };
  const { medianDays, signed, targetDays } = pipeline.signature;
  const onTarget = medianDays !== null && medianDays < targetDays;

  return (
    <>
      <PageHeader
        title="Renewal pipeline"
        description={`Open renewals by window, ${user.role === "ae" && query.ae === undefined ? "your book" : "the filtered book"}; "later" runs to ${LATER_HORIZON_DAYS} days. Expected ARR weights each forecast: commit 100%, likely 75%, at risk 25%, lost 0% (no forecast yet counts as likely).`}
      />
      <RenewalTabs current="/renewals" searchParams={raw} />
      <StatGrid>
        <Stat
          label={RENEWAL_FIGURES.due.label}
          value={formatMoney(figures.due.arr)}
          hint={`${figures.due.count} renewals${figures.overdue.count ? ` · ${figures.overdue.count} overdue, ${formatMoney(figures.overdue.arr)}` : ""}`}
          help={RENEWAL_FIGURES.due.help}
        />
        <Stat
          label={RENEWAL_FIGURES.atRisk.label}
          value={formatMoney(figures.atRisk.arr)}
          hint={`${figures.atRisk.count} renewals`}
          help={RENEWAL_FIGURES.atRisk.help}
          tone={figures.atRisk.arr > 0 ? "warn" : "default"}
        />
        <Stat label="Expected ARR (90 days)" value={formatMoney(within90.expectedArr)} hint="By forecast weight" />
        <Stat
          label="Median time to signature"
          value={medianDays === null ? "—" : `${medianDays} days`}
          hint={`Target under ${targetDays} days · ${signed} signed in the last year`}
          tone={medianDays === null ? "default" : onTarget ? "good" : "bad"}
        />
      </StatGrid>
      <RenewalFiguresNote />
      <PipelineFilters query={query} aes={owners.aes} csms={owners.csms} isAe={user.role === "ae"} />
      <div className="space-y-6">
        {pipeline.buckets.map((bucket) => (
          <PipelineBucket
            key={bucket.window}
            bucket={bucket}
            today={today}
            hrefFor={(page) => pageHref(bucket.window, page)}
          />
        ))}
      </div>
    </>
  );
}
