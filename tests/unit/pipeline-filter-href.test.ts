import { describe, expect, it } from "vitest";
import { pipelineFilterHref, ZPipelineQuery } from "@/lib/validation/renewals";

describe("pipelineFilterHref", () => {
  it("carries the pipeline's filters but not its paging", () => {
    const query = ZPipelineQuery.parse({
      ae: "all",
      csm: "7",
      segment: "enterprise",
      band: "red",
      window: "0-30",
      page: "3",
    });
    expect(pipelineFilterHref("/api/exports/renewals/at-risk", query)).toBe(
      "/api/exports/renewals/at-risk?ae=all&csm=7&segment=enterprise&band=red",
    );
  });

  it("is the bare path without filters", () => {
    expect(pipelineFilterHref("/api/exports/renewals/at-risk", ZPipelineQuery.parse({}))).toBe(
      "/api/exports/renewals/at-risk",
    );
  });
});
