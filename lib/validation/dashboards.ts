import { z } from "zod";

// A stage dashboard's account table in the URL (?sort=arr&dir=desc&page=2), so a sorted page
// can be bookmarked, shared and exported as it is. Malformed values fall back to the defaults.
export const STAGE_TABLE_SORTS = ["score", "name", "arr", "csm", "stage"] as const;
export type StageTableSort = (typeof STAGE_TABLE_SORTS)[number];

export const ZStageTableQuery = z.object({
  sort: z.enum(STAGE_TABLE_SORTS).catch("score"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type TStageTableQuery = z.infer<typeof ZStageTableQuery>;

/** Lowest score first (the riskiest), names and CSMs A–Z, the largest ARR first. */
export function stageSortDirection(query: Pick<TStageTableQuery, "sort" | "dir">): "asc" | "desc" {
  return query.dir ?? (query.sort === "arr" ? "desc" : "asc");
}

/** The URL of a table view, omitting defaults. */
export function stageTableHref(path: string, query: Partial<TStageTableQuery>): string {
  const params = new URLSearchParams();
  if (query.sort && query.sort !== "score") params.set("sort", query.sort);
  if (query.dir) params.set("dir", query.dir);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
