// The scorecard a fresh install starts with.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scorecardMetric } from "@/lib/domain/metrics-catalogue";
import { DEFAULT_MEASURABLES } from "@/lib/domain/scorecard";

type Client = Pick<PrismaClient, "scorecardMeasurable" | "user">;

/** The default measurables, once: nothing happens when any measurable exists (even inactive). */
export async function ensureDefaultMeasurables(client: Client): Promise<number> {
  if ((await client.scorecardMeasurable.count()) > 0) return 0;
  const manager = await client.user.findFirst({
    where: { role: "manager", active: true },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const { count } = await client.scorecardMeasurable.createMany({
    data: DEFAULT_MEASURABLES.map((d, position) => ({
      metricKey: d.metricKey,
      title: d.title,
      goal: d.goal,
      direction: d.direction,
      unit: scorecardMetric(d.metricKey)?.unit ?? "count",
      position,
      ownerId: manager?.id ?? null,
    })),
  });
  return count;
}
