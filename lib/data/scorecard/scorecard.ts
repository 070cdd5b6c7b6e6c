import "server-only";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { scorecardMetric, type MetricUnit, type ScorecardMetricKey } from "@/lib/domain/metrics-catalogue";
import {
  duplicateMeasurable,
  isReusable,
  judgeWeek,
  scorecardWeeks,
  type GoalDirection,
  type MeasurableIdentity,
  type ScorecardWeek,
} from "@/lib/domain/scorecard";
import { recordAudit, type AuditActor } from "../platform/audit";
import { ensureDefaultMeasurables } from "./defaults";
import { computeWeeklyValues, type WeeklyValues } from "./weekly-metrics";
import { clock } from "@/lib/clock";
import { statement } from "../platform/sql";
import { conflict, notFound } from "@/lib/errors";
import type { Tx } from "../accounts/write";

// The weekly scorecard (SPEC §5): measurables with an owner and a goal, and one stored figure per
// week (ScorecardValue). The queue computes a week's figure and keeps it: once computed after the
// week ended it is final, so corrections to old data don't move it; only the manager's audited
// "Recompute" replaces stored figures. Figures computed while their week was under way are
// provisional: the queue computes them again every 10 minutes (PROVISIONAL_REFRESH_MS). The page
// only reads what is stored.

export interface ScorecardCell {
  weekStart: IsoDate;
  value: number | null;
  /** null when there is no value. */
  onGoal: boolean | null;
}

export interface ScorecardRow {
  id: number;
  metricKey: string;
  title: string;
  unit: MetricUnit;
  window: string;
  owner: { id: number; name: string } | null;
  goal: number;
  direction: GoalDirection;
  position: number;
  cells: ScorecardCell[];
}

export interface Scorecard {
  asOf: IsoDate;
  weeks: ScorecardWeek[];
  rows: ScorecardRow[];
}

interface MeasurableRecord {
  id: number;
  metricKey: string;
  title: string;
  goal: number;
  direction: string;
  unit: string;
  position: number;
  owner: { id: number; name: string } | null;
}

const measurableSelect = {
  id: true,
  metricKey: true,
  title: true,
  goal: true,
  direction: true,
  unit: true,
  position: true,
  owner: { select: { id: true, name: true } },
} as const;

/**
 * The manager's scorecard as of `asOf`: the active measurables with their last 13 weeks, as stored.
 * The page computes nothing: the queue stores the weeks (the daily job, and the week under way
 * every few minutes: lib/jobs/queue.ts), and adding or switching on a measurable stores its weeks
 * in that write. A week not stored yet shows no figure.
 */
export async function getScorecard(asOf: IsoDate = clock.today()): Promise<Scorecard> {
  const weeks = scorecardWeeks(asOf);
  const active = () =>
    db.scorecardMeasurable.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: measurableSelect,
    });
  let measurables = await active();
  // An active measurable means the defaults were made (they are made once, when none exists):
  // only an empty scorecard needs the check, and reads again once the defaults are made.
  if (measurables.length === 0 && (await ensureDefaultMeasurables(db)) > 0) measurables = await active();
  const stored = await storedValues(
    measurables.map((m) => m.id),
    weeks,
  );
  const values = new Map(
    [...stored].map(([id, byWeek]) => [id, new Map([...byWeek].map(([week, v]) => [week, v.value]))] as const),
  );
  return { asOf, weeks, rows: measurables.map((m) => toRow(m, weeks, values)) };
}

/**
 * For the queue: store the figures of the weeks that ended since the last run and refresh the
 * week under way once its stored figure is PROVISIONAL_REFRESH_MS old (all active measurables, or
 * the ones given).
 */
export async function fillScorecardWeeks(options: { asOf: IsoDate; ids?: number[] }): Promise<void> {
  // A new database has no measurables until the defaults are created: create them here, so the
  // weeks are stored by the job before the first manager opens the scorecard.
  await ensureDefaultMeasurables(db);
  const measurables = await db.scorecardMeasurable.findMany({
    where: { active: true, ...(options.ids ? { id: { in: options.ids } } : {}) },
    select: measurableSelect,
  });
  await fillWeeks(measurables, scorecardWeeks(options.asOf), { force: false });
}

/**
 * The manager's "Recompute": every active measurable's 13 weeks are computed again from today's
 * data and replace the stored figures; the figures that changed are audited.
 */
export async function recomputeScorecard(
  actor: AuditActor,
  asOf: IsoDate = clock.today(),
): Promise<{ changed: number }> {
  const weeks = scorecardWeeks(asOf);
  const measurables = await db.scorecardMeasurable.findMany({ where: { active: true }, select: measurableSelect });
  const before = await storedValues(
    measurables.map((m) => m.id),
    weeks,
  );
  const after = await fillWeeks(measurables, weeks, { force: true });
  const changes: { measurable: string; week: IsoDate; from: number | null; to: number | null }[] = [];
  for (const m of measurables) {
    for (const week of weeks) {
      const from = before.get(m.id)?.get(week.start)?.value ?? null;
      const to = after.get(m.id)?.get(week.start) ?? null;
      if (from !== to) changes.push({ measurable: m.title, week: week.start, from, to });
    }
  }
  // Audited as an event (no before/after pair) so a recompute that changed nothing is recorded too.
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      entity: "scorecard",
      entityId: `${weeks[0].start}..${weeks[weeks.length - 1].end}`,
      action: "recompute",
      after: { weeks: weeks.length, measurables: measurables.length, changes },
    }),
  );
  return { changed: changes.length };
}

type StoredValues = Map<number, Map<IsoDate, { value: number | null; computedAt: Date }>>;

async function storedValues(ids: number[], weeks: readonly ScorecardWeek[]): Promise<StoredValues> {
  const rows = ids.length
    ? await db.scorecardValue.findMany({
        where: {
          measurableId: { in: ids },
          weekStart: {
            gte: new Date(`${weeks[0].start}T00:00:00Z`),
            lte: new Date(`${weeks[weeks.length - 1].start}T00:00:00Z`),
          },
        },
      })
    : [];
  const out: StoredValues = new Map();
  for (const row of rows) {
    const byWeek = out.get(row.measurableId) ?? new Map();
    byWeek.set(toIsoDate(row.weekStart), { value: row.value, computedAt: row.computedAt });
    out.set(row.measurableId, byWeek);
  }
  return out;
}

/**
 * Loads the stored figures, computes those missing or provisional (all of them with `force`) in
 * one pass of set-based queries, stores them, and returns measurable → week → value.
 */
async function fillWeeks(
  measurables: readonly MeasurableRecord[],
  weeks: readonly ScorecardWeek[],
  { force }: { force: boolean },
) {
  const stored = await storedValues(
    measurables.map((m) => m.id),
    weeks,
  );
  const now = clock.now();
  const result = new Map<number, Map<IsoDate, number | null>>();
  const due: { measurable: MeasurableRecord; week: ScorecardWeek }[] = [];
  for (const m of measurables) {
    const byWeek = new Map<IsoDate, number | null>();
    result.set(m.id, byWeek);
    for (const week of weeks) {
      const saved = stored.get(m.id)?.get(week.start);
      if (saved && !force && isReusable(week, saved.computedAt, now)) byWeek.set(week.start, saved.value);
      else due.push({ measurable: m, week });
    }
  }
  if (due.length === 0) return result;
  const neededWeeks = weeks.filter((w) => due.some((d) => d.week.start === w.start));
  const keys = new Set(
    due.map((d) => d.measurable.metricKey).filter((k): k is ScorecardMetricKey => scorecardMetric(k) !== undefined),
  );
  const computed: WeeklyValues = await computeWeeklyValues(keys, neededWeeks);
  const ids: number[] = [];
  const starts: string[] = [];
  const values: (number | null)[] = [];
  for (const { measurable, week } of due) {
    const value = computed.get(measurable.metricKey as ScorecardMetricKey)?.get(week.start) ?? null;
    result.get(measurable.id)?.set(week.start, value);
    ids.push(measurable.id);
    starts.push(week.start);
    values.push(value);
  }
  await db.$executeRaw(
    statement`INSERT INTO "ScorecardValue" ("measurableId", "weekStart", value, "computedAt")
     SELECT m, w, v, $4::timestamp FROM unnest($1::int[], $2::date[], $3::float8[]) AS u(m, w, v)
     ON CONFLICT ("measurableId", "weekStart") DO UPDATE SET value = excluded.value, "computedAt" = excluded."computedAt"`(
      ids,
      starts,
      values,
      clock.now(),
    ),
  );
  return result;
}

function toRow(
  m: MeasurableRecord,
  weeks: readonly ScorecardWeek[],
  values: Map<number, Map<IsoDate, number | null>>,
): ScorecardRow {
  const direction: GoalDirection = m.direction === "lte" ? "lte" : "gte";
  const metric = scorecardMetric(m.metricKey);
  return {
    id: m.id,
    metricKey: m.metricKey,
    title: m.title,
    unit: (metric?.unit ?? m.unit) as MetricUnit,
    window: metric?.window ?? "week",
    owner: m.owner,
    goal: m.goal,
    direction,
    position: m.position,
    cells: weeks.map((week) => {
      const value = values.get(m.id)?.get(week.start) ?? null;
      return { weekStart: week.start, value, onGoal: judgeWeek(week, value, m.goal, direction) };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Measurables

export interface MeasurableInput {
  metricKey: ScorecardMetricKey;
  title: string;
  goal: number;
  direction: GoalDirection;
  ownerId: number | null;
}

export interface MeasurableListItem {
  id: number;
  metricKey: string;
  title: string;
  unit: MetricUnit;
  goal: number;
  direction: GoalDirection;
  ownerId: number | null;
  active: boolean;
}

/** Every measurable, active first in scorecard order, for the manager's editing list. */
export async function listMeasurables(): Promise<MeasurableListItem[]> {
  const rows = await db.scorecardMeasurable.findMany({
    orderBy: [{ active: "desc" }, { position: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({
    id: m.id,
    metricKey: m.metricKey,
    title: m.title,
    unit: (scorecardMetric(m.metricKey)?.unit ?? m.unit) as MetricUnit,
    goal: m.goal,
    direction: m.direction === "lte" ? "lte" : "gte",
    ownerId: m.ownerId,
    active: m.active,
  }));
}

/** People who can own a measurable or a rock: active managers, CSMs, admins and AEs. */
export async function listScorecardOwners(): Promise<{ id: number; name: string }[]> {
  return db.user.findMany({
    where: { active: true, role: { in: ["manager", "csm", "admin", "ae"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

const measurableAudit = (m: {
  metricKey: string;
  title: string;
  goal: number;
  direction: string;
  ownerId: number | null;
  active: boolean;
  position: number;
}) => ({
  metricKey: m.metricKey,
  title: m.title,
  goal: m.goal,
  direction: m.direction,
  ownerId: m.ownerId,
  active: m.active,
  position: m.position,
});

/** Refuses a measurable that is already on the scorecard (duplicateMeasurable). */
async function assertNotOnScorecard(tx: Tx, candidate: MeasurableIdentity): Promise<void> {
  const active = await tx.scorecardMeasurable.findMany({
    where: { active: true },
    select: { id: true, metricKey: true, title: true, goal: true, direction: true },
  });
  const same = duplicateMeasurable(candidate, active);
  if (same) throw conflict(`“${same.title}” is already on the scorecard. Change its goal or owner there instead.`);
}

export async function addMeasurable(input: MeasurableInput, actor: AuditActor): Promise<number> {
  const id = await db.$transaction(async (tx) => {
    await assertNotOnScorecard(tx, input);
    const last = await tx.scorecardMeasurable.aggregate({ _max: { position: true }, where: { active: true } });
    const created = await tx.scorecardMeasurable.create({
      data: {
        ...input,
        unit: scorecardMetric(input.metricKey)?.unit ?? "number",
        position: (last._max.position ?? -1) + 1,
      },
    });
    await recordAudit(tx, actor, {
      entity: "scorecard_measurable",
      entityId: String(created.id),
      action: "create",
      after: measurableAudit(created),
    });
    return created.id;
  });
  // Its weeks are stored now, so the scorecard shows them on the next view.
  await fillScorecardWeeks({ asOf: clock.today(), ids: [id] });
  return id;
}

export async function updateMeasurable(
  id: number,
  input: Omit<MeasurableInput, "metricKey">,
  actor: AuditActor,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.scorecardMeasurable.findUnique({ where: { id } });
    if (!before) throw measurableNotFound();
    if (before.active) await assertNotOnScorecard(tx, { ...before, ...input, id });
    const after = await tx.scorecardMeasurable.update({ where: { id }, data: input });
    await recordAudit(tx, actor, {
      entity: "scorecard_measurable",
      entityId: String(id),
      action: "update",
      before: measurableAudit(before),
      after: measurableAudit(after),
    });
  });
}

/** Active on/off; a measurable switched back on goes to the end of the scorecard. */
export async function setMeasurableActive(id: number, active: boolean, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.scorecardMeasurable.findUnique({ where: { id } });
    if (!before) throw measurableNotFound();
    if (active && !before.active) await assertNotOnScorecard(tx, before);
    const last = await tx.scorecardMeasurable.aggregate({ _max: { position: true }, where: { active: true } });
    const after = await tx.scorecardMeasurable.update({
      where: { id },
      data: { active, ...(active ? { position: (last._max.position ?? -1) + 1 } : {}) },
    });
    await recordAudit(tx, actor, {
      entity: "scorecard_measurable",
      entityId: String(id),
      action: active ? "activate" : "deactivate",
      before: measurableAudit(before),
      after: measurableAudit(after),
    });
  });
  if (active) await fillScorecardWeeks({ asOf: clock.today(), ids: [id] });
}

/** Swaps the measurable with its neighbour above or below (the scorecard's order). */
export async function moveMeasurable(id: number, direction: "up" | "down", actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const list = await tx.scorecardMeasurable.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const index = list.findIndex((m) => m.id === id);
    if (index < 0) throw measurableNotFound();
    const other = list[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    const order = list.map((m) => m.id);
    [order[index], order[direction === "up" ? index - 1 : index + 1]] = [other.id, id];
    // Positions are rewritten 0…n−1 so earlier ties cannot make a move do nothing.
    for (const [position, measurableId] of order.entries()) {
      const current = list.find((m) => m.id === measurableId);
      if (current && current.position !== position)
        await tx.scorecardMeasurable.update({ where: { id: measurableId }, data: { position } });
    }
    await recordAudit(tx, actor, {
      entity: "scorecard_measurable",
      entityId: String(id),
      action: `move ${direction}`,
      before: { position: index },
      after: { position: direction === "up" ? index - 1 : index + 1 },
    });
  });
}

const measurableNotFound = () => notFound("That measurable no longer exists.");

/** Whether a user can own a measurable or a rock: active, and not a read-only executive. */
export async function isAssignableOwner(userId: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, active: true, role: true } });
  return user !== null && user.active && can(user, "scorecard:own");
}

/** The unit of a measurable's metric (goals are typed in it), or null when it no longer exists. */
export async function getMeasurableUnit(id: number): Promise<MetricUnit | null> {
  const m = await db.scorecardMeasurable.findUnique({ where: { id }, select: { metricKey: true, unit: true } });
  return m ? ((scorecardMetric(m.metricKey)?.unit ?? m.unit) as MetricUnit) : null;
}
