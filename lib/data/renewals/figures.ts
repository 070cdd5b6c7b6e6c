import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { type IsoDate } from "@/lib/domain/dates";
import { renewalFigures, type RenewalFigures } from "@/lib/domain/renewal-rollup";
import { ensureRenewalRollup, getOpenRenewalGroups, type GroupSource } from "./rollup";
import { clock } from "@/lib/clock";

// "ARR due in 90 days" and "ARR at risk" (lib/domain/renewals.ts RENEWAL_FIGURES), for every page
// that shows them, derived by lib/domain/renewal-rollup.ts from the open renewals' groups.

export type { RenewalFigures };

/**
 * The figures over the active accounts `scope` selects (default all). A scope over the pipeline's
 * filters (pipelineScopeSql: AE, CSM, segment, band) reads the daily rollup plus today's changes;
 * `live` groups the tables themselves, for any other scope over "Account" a (a lifecycle stage).
 */
export async function getRenewalFigures(
  scope: Prisma.Sql = Prisma.sql`TRUE`,
  asOf: IsoDate = clock.today(),
  source: GroupSource = "rollup",
): Promise<RenewalFigures> {
  if (source === "rollup") await ensureRenewalRollup(asOf);
  return renewalFigures(await getOpenRenewalGroups(source, scope, asOf));
}
