import "server-only";
import { db } from "@/lib/db";
import type { RockStatus } from "@/lib/generated/prisma/enums";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { scorecardMetric, type MetricUnit, type ScorecardMetricKey } from "@/lib/domain/metrics-catalogue";
import { rockProgress, scorecardWeeks, type RockProgress } from "@/lib/domain/scorecard";
import { recordAudit, type AuditActor } from "../platform/audit";
import { computeWeeklyValues } from "./weekly-metrics";
import { clock } from "@/lib/clock";
import { notFound } from "@/lib/errors";

// Quarterly goals (rocks, SPEC §5): on or off track, or done; a rock linked to a metric shows how
// far the metric has moved from its start value toward the target.

export interface RockView {
  id: number;
  title: string;
  owner: { id: number; name: string } | null;
  dueDate: IsoDate;
  status: RockStatus;
  metric: { key: string; label: string; unit: MetricUnit } | null;
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  progress: RockProgress | null;
}

export interface RockInput {
  title: string;
  ownerId: number | null;
  dueDate: IsoDate;
  status: RockStatus;
  metricKey: ScorecardMetricKey | null;
  startValue: number | null;
  targetValue: number | null;
}

/** Every rock, open ones first by due date, with its metric's value this week (one pass of queries). */
export async function listRocks(asOf: IsoDate = clock.today()): Promise<RockView[]> {
  const rocks = await db.rock.findMany({
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    include: { owner: { select: { id: true, name: true } } },
  });
  const keys = new Set(
    rocks
      .map((r) => r.metricKey)
      .filter((k): k is ScorecardMetricKey => k !== null && scorecardMetric(k) !== undefined),
  );
  const thisWeek = scorecardWeeks(asOf, 1);
  const values = await computeWeeklyValues(keys, thisWeek);
  const views = rocks.map((r): RockView => {
    const metric = r.metricKey ? scorecardMetric(r.metricKey) : undefined;
    const currentValue = metric ? (values.get(metric.key)?.get(thisWeek[0].start) ?? null) : null;
    return {
      id: r.id,
      title: r.title,
      owner: r.owner,
      dueDate: toIsoDate(r.dueDate),
      status: r.status,
      metric: metric ? { key: metric.key, label: metric.label, unit: metric.unit } : null,
      startValue: r.startValue,
      targetValue: r.targetValue,
      currentValue,
      progress: rockProgress(r.startValue, r.targetValue, currentValue),
    };
  });
  return views.sort((a, b) => Number(a.status === "done") - Number(b.status === "done"));
}

const rockAudit = (r: {
  title: string;
  ownerId: number | null;
  dueDate: Date;
  status: RockStatus;
  metricKey: string | null;
  startValue: number | null;
  targetValue: number | null;
}) => ({
  title: r.title,
  ownerId: r.ownerId,
  dueDate: toIsoDate(r.dueDate),
  status: r.status,
  metricKey: r.metricKey,
  startValue: r.startValue,
  targetValue: r.targetValue,
});

const toData = (input: RockInput) => ({ ...input, dueDate: new Date(`${input.dueDate}T00:00:00Z`) });

export async function createRock(input: RockInput, actor: AuditActor): Promise<number> {
  return db.$transaction(async (tx) => {
    const rock = await tx.rock.create({ data: toData(input) });
    await recordAudit(tx, actor, {
      entity: "rock",
      entityId: String(rock.id),
      action: "create",
      after: rockAudit(rock),
    });
    return rock.id;
  });
}

export async function updateRock(id: number, input: RockInput, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.rock.findUnique({ where: { id } });
    if (!before) throw rockNotFound();
    const after = await tx.rock.update({ where: { id }, data: toData(input) });
    await recordAudit(tx, actor, {
      entity: "rock",
      entityId: String(id),
      action: "update",
      before: rockAudit(before),
      after: rockAudit(after),
    });
  });
}

export async function setRockStatus(id: number, status: RockStatus, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.rock.findUnique({ where: { id } });
    if (!before) throw rockNotFound();
    const after = await tx.rock.update({ where: { id }, data: { status } });
    await recordAudit(tx, actor, {
      entity: "rock",
      entityId: String(id),
      action: "update",
      before: rockAudit(before),
      after: rockAudit(after),
    });
  });
}

export async function deleteRock(id: number, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.rock.findUnique({ where: { id } });
    if (!before) throw rockNotFound();
    await tx.rock.delete({ where: { id } });
    await recordAudit(tx, actor, { entity: "rock", entityId: String(id), action: "delete", before: rockAudit(before) });
  });
}

const rockNotFound = () => notFound("That rock no longer exists.");
