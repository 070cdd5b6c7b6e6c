import { z } from "zod";
import { DASHBOARD_STAGES } from "@/lib/domain/dashboards";
import { SEGMENTS } from "@/lib/domain/segments";
import { ZId } from "./fields";

// The triage list's URL query: every filter lives in the URL so a view can be bookmarked and
// shared. Unknown or malformed values fall back to "no filter" rather than erroring.
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const BAND_FILTERS = ["red", "yellow", "green", "purple"] as const;
export const SEGMENT_FILTERS = SEGMENTS;
/** The stages an active account can be in (the stage dashboards' list). */
export const STAGE_FILTERS = DASHBOARD_STAGES;
export const TRIAGE_SORTS = ["score", "trend", "arr", "renewal", "name"] as const;

export const ZTriageQuery = z.object({
  band: opt(z.enum(BAND_FILTERS)),
  segment: opt(z.enum(SEGMENT_FILTERS)),
  stage: opt(z.enum(STAGE_FILTERS)),
  csm: opt(ZId),
  /** An AE's book ("all" lets an AE, whose default is their own book, see everyone's). */
  ae: opt(z.union([z.literal("all"), ZId])),
  // A GET form sends "" for "Any renewal date": that is no filter, not "within 0 days".
  renewal: opt(z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(730))),
  q: opt(
    z
      .string()
      .trim()
      .max(100)
      .transform((s) => s || undefined),
  ),
  sort: z.enum(TRIAGE_SORTS).catch("score"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type TTriageQuery = z.infer<typeof ZTriageQuery>;

/** Ascending by default: lowest score and biggest fall first, soonest renewal first; ARR largest first. */
export function sortDirection(query: Pick<TTriageQuery, "sort" | "dir">): "asc" | "desc" {
  return query.dir ?? (query.sort === "arr" ? "desc" : "asc");
}

/** The query string for a triage view, omitting defaults. */
export function triageHref(query: Partial<TTriageQuery>, path = "/accounts"): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "sort" && value === "score") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
