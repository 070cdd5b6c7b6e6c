import Link from "next/link";
import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";
import { AeSelect } from "@/components/ui/ae-select";
import { SEGMENT_LABELS, STAGE_LABELS } from "@/lib/format";
import { SEGMENT_FILTERS, STAGE_FILTERS, type TTriageQuery } from "@/lib/validation/triage";

const selectClass =
  "rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";
const RENEWAL_WINDOWS = [30, 60, 90, 180];

/** A GET form: the filters become the URL, so every view is bookmarkable and works without JS. */
export function TriageFilters({
  query,
  csms,
  aes,
  isAe = false,
  total,
}: {
  query: TTriageQuery;
  csms: { id: number; name: string }[] | null;
  /** The AEs to filter by (null: no AE filter); an AE's default is their own book. */
  aes?: { id: number; name: string }[] | null;
  isAe?: boolean;
  total: number;
}) {
  return (
    <form
      role="search"
      aria-label="Filter accounts"
      className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3"
    >
      {query.band && <input type="hidden" name="band" value={query.band} />}
      {query.sort !== "score" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <label htmlFor="q" className="sr-only">
        Search by name or domain
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={query.q}
        placeholder="Search name or domain"
        className={`${selectClass} w-full sm:w-56`}
      />
      <label className="sr-only" htmlFor="segment">
        Segment
      </label>
      <AutoSubmitSelect id="segment" name="segment" defaultValue={query.segment ?? ""} className={selectClass}>
        <option value="">All segments</option>
        {SEGMENT_FILTERS.map((s) => (
          <option key={s} value={s}>
            {SEGMENT_LABELS[s]}
          </option>
        ))}
      </AutoSubmitSelect>
      <label className="sr-only" htmlFor="stage">
        Lifecycle stage
      </label>
      <AutoSubmitSelect id="stage" name="stage" defaultValue={query.stage ?? ""} className={selectClass}>
        <option value="">All stages</option>
        {STAGE_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </AutoSubmitSelect>
      {csms && (
        <>
          <label className="sr-only" htmlFor="csm">
            CSM
          </label>
          <AutoSubmitSelect
            id="csm"
            name="csm"
            defaultValue={query.csm ? String(query.csm) : ""}
            className={selectClass}
          >
            <option value="">All CSMs</option>
            {csms.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </AutoSubmitSelect>
        </>
      )}
      {aes && (
        <>
          <AeSelect aes={aes} isAe={isAe} value={query.ae} ownLabel="My book" className={selectClass} />
        </>
      )}
      <label className="sr-only" htmlFor="renewal">
        Renewal within
      </label>
      <AutoSubmitSelect
        id="renewal"
        name="renewal"
        defaultValue={query.renewal !== undefined ? String(query.renewal) : ""}
        className={selectClass}
      >
        <option value="">Any renewal date</option>
        {RENEWAL_WINDOWS.map((d) => (
          <option key={d} value={d}>
            Renews within {d} days
          </option>
        ))}
      </AutoSubmitSelect>
      <button className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
        Apply
      </button>
      <Link href="/accounts" className="px-2 text-sm text-slate-500 hover:text-slate-700">
        Reset
      </Link>
      <p className="ml-auto text-sm text-slate-500" aria-live="polite">
        {total.toLocaleString("en-US")} accounts
      </p>
    </form>
  );
}
