import "server-only";
import { db } from "@/lib/db";
import type { Band, RenewalForecast, Segment } from "@/lib/generated/prisma/enums";
import { addDays, daysBetween, todayIso, toIsoDate } from "@/lib/domain/dates";
import { renewalWindow, type RenewalWindow } from "@/lib/domain/windows";
import type { CurrentUser } from "@/lib/auth/session";

export interface RenewalCard {
  externalId: string;
  name: string;
  segment: Segment;
  arr: number;
  renewalDate: string;
  daysUntil: number;
  window: RenewalWindow;
  forecast: RenewalForecast | null;
  healthScore: number | null;
  healthBand: Band | null;
  aeName: string | null;
  csmName: string | null;
}

/** Open renewals due within `days` (and overdue ones): an AE's own, or everyone's for managers. */
export async function listUpcomingRenewals(viewer: CurrentUser, days = 90): Promise<RenewalCard[]> {
  const today = todayIso();
  const rows = await db.account.findMany({
    where: {
      status: "active",
      renewalDate: { lte: new Date(`${addDays(today, days)}T00:00:00Z`) },
      ...(viewer.role === "ae" ? { aeId: viewer.id } : {}),
    },
    orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
    select: {
      externalId: true,
      name: true,
      segment: true,
      arr: true,
      renewalDate: true,
      healthScore: true,
      healthBand: true,
      ae: { select: { name: true } },
      csm: { select: { name: true } },
      renewals: { where: { status: "open" }, select: { forecast: true }, take: 1 },
    },
  });
  return rows.map((a) => {
    const daysUntil = daysBetween(today, toIsoDate(a.renewalDate));
    return {
      externalId: a.externalId,
      name: a.name,
      segment: a.segment,
      arr: Number(a.arr),
      renewalDate: toIsoDate(a.renewalDate),
      daysUntil,
      window: renewalWindow(daysUntil),
      forecast: a.renewals[0]?.forecast ?? null,
      healthScore: a.healthScore,
      healthBand: a.healthBand,
      aeName: a.ae?.name ?? null,
      csmName: a.csm?.name ?? null,
    };
  });
}
