import Link from "next/link";
import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";
import { AeSelect } from "@/components/ui/ae-select";
import { BAND_LABELS } from "@/components/accounts/health-badge";
import type { Owner } from "@/lib/data/renewals/pipeline";
import { SEGMENT_LABELS } from "@/lib/format";
import { BANDS, SEGMENTS } from "@/lib/validation/api";
import type { TPipelineQuery } from "@/lib/validation/renewals";

const selectClass =
  "rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

/** A GET form: the filters live in the URL. An AE's default is their own book ("" = mine). */
export function PipelineFilters({
  query,
  aes,
  csms,
  isAe,
  resetHref = "/renewals",
}: {
  query: TPipelineQuery;
  aes: Owner[];
  csms: Owner[];
  isAe: boolean;
  resetHref?: string;
}) {
  return (
    <form role="search" aria-label="Filter renewals" className="mb-6 flex flex-wrap items-center gap-2">
      <AeSelect aes={aes} isAe={isAe} value={query.ae} ownLabel="My renewals" className={selectClass} />
      <label className="sr-only" htmlFor="csm">
        CSM
      </label>
      <AutoSubmitSelect id="csm" name="csm" defaultValue={query.csm ? String(query.csm) : ""} className={selectClass}>
        <option value="">All CSMs</option>
        {csms.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </AutoSubmitSelect>
      <label className="sr-only" htmlFor="segment">
        Segment
      </label>
      <AutoSubmitSelect id="segment" name="segment" defaultValue={query.segment ?? ""} className={selectClass}>
        <option value="">All segments</option>
        {SEGMENTS.map((s) => (
          <option key={s} value={s}>
            {SEGMENT_LABELS[s]}
          </option>
        ))}
      </AutoSubmitSelect>
      <label className="sr-only" htmlFor="band">
        Health band
      </label>
      <AutoSubmitSelect id="band" name="band" defaultValue={query.band ?? ""} className={selectClass}>
        <option value="">All bands</option>
        {BANDS.map((b) => (
          <option key={b} value={b}>
            {BAND_LABELS[b]}
          </option>
        ))}
      </AutoSubmitSelect>
      <button className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
        Apply
      </button>
      <Link href={resetHref} className="px-2 text-sm text-slate-500 hover:text-slate-700">
        Reset
      </Link>
    </form>
  );
}
