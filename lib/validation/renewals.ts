import { z } from "zod";
import { BANDS, RENEWAL_FORECASTS, SEGMENTS, ZRenewalOutcome } from "./api";
import { ZId } from "./fields";

const RENEWAL_WINDOWS = ["overdue", "0-30", "31-60", "61-90", "later"] as const;

// The renewal pipeline page: its URL filters and the two per-card forms. The forms validate
// with the API's own renewal schemas, so the page and PUT /accounts/{id}/renewal agree.

const userId = ZId;

/** Filters in the URL; anything unknown or malformed is ignored rather than an error page. */
export const ZPipelineQuery = z.object({
  ae: z
    .union([z.literal("all"), userId])
    .optional()
    .catch(undefined),
  csm: userId.optional().catch(undefined),
  segment: z.enum(SEGMENTS).optional().catch(undefined),
  band: z.enum(BANDS).optional().catch(undefined),
  /** One window paged past its first cards (the others stay on their first page). */
  window: z.enum(RENEWAL_WINDOWS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

const ZAccountRef = z.object({ accountId: ZId });

export const ZForecastForm = ZAccountRef.extend({ forecast: z.enum(RENEWAL_FORECASTS) });

/** FormData: blank fields are left out, the new ARR arrives as text and a churn has none. */
export const ZOutcomeForm = z.preprocess(
  (raw) => {
    const r = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== ""));
    return r.outcome === "churned" ? { ...r, newArr: undefined } : r;
  },
  ZAccountRef.extend({
    ...ZRenewalOutcome.shape,
    newArr: z.coerce.number().pipe(ZRenewalOutcome.shape.newArr.unwrap().unwrap()).optional(),
  }),
);

export type TPipelineQuery = z.infer<typeof ZPipelineQuery>;

/** A URL under `path` carrying the pipeline's filters (not its paging). */
export function pipelineFilterHref(path: string, { ae, csm, segment, band }: Partial<TPipelineQuery>): string {
  const params = new URLSearchParams();
  if (ae !== undefined) params.set("ae", String(ae));
  if (csm !== undefined) params.set("csm", String(csm));
  if (segment) params.set("segment", segment);
  if (band) params.set("band", band);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
