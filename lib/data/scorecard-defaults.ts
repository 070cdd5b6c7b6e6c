// The scorecard a fresh install starts with, and the demo's rocks. No "server-only": the seed
// script runs it too.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { scorecardMetric } from "@/lib/domain/metrics-catalogue";
import { DEFAULT_MEASURABLES } from "@/lib/domain/scorecard";

type Client = Pick<PrismaClient, "scorecardMeasurable" | "user" | "rock">;

/** The default measurables, once: nothing happens when any measurable exists (even inactive). */
export async function ensureDefaultMeasurables(client: Client): Promise<number> {
  if ((await client.scorecardMeasurable.count()) > 0) return 0;
  const manager = await client.user.findFirst({ where: { role: "manager", active: true }, orderBy: { id: "asc" }, select: { id: true } });
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

/** The demo's quarterly goals: SPEC §5's example rock and two plain ones. */
export async function seedDemoRocks(client: Client, today: IsoDate): Promise<number> {
  if ((await client.rock.count()) > 0) return 0;
  const manager = await client.user.findFirst({ where: { role: "manager" }, orderBy: { id: "asc" }, select: { id: true } });
  const csm = await client.user.findFirst({ where: { role: "csm" }, orderBy: { id: "asc" }, select: { id: true } });
  const due = (days: number) => new Date(`${addDays(today, days)}T00:00:00Z`);
  const { count } = await client.rock.createMany({
    data: [
      { title: "Cut the unhealthy share to 25%", ownerId: manager?.id ?? null, dueDate: due(60), metricKey: "unhealthyShare", startValue: 0.34, targetValue: 0.25 },
      { title: "Every Enterprise account has an executive sponsor", ownerId: csm?.id ?? null, dueDate: due(45) },
      { title: "Launch the SMB onboarding webinar series", ownerId: manager?.id ?? null, dueDate: due(30), status: "off_track" },
    ],
  });
  return count;
}
