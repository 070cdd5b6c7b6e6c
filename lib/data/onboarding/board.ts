import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { can, type Actor } from "@/lib/auth/policy";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { onboardingPlan, type MilestoneView } from "@/lib/domain/onboarding";
import { isoOrNull } from "../accounts/write";

// The onboarding board (issue 13 item 1): accounts in their first year × the five milestones,
// newest customers first, a page at a time. A CSM sees their own book; managers see everyone's.

export interface BoardRow {
  externalId: string;
  name: string;
  contractStart: IsoDate;
  csm: string | null;
  progress: number;
  milestones: Pick<MilestoneView, "key" | "status" | "dueDate" | "completedAt">[];
}

export async function getOnboardingBoard(
  actor: Actor,
  page: number,
  pageSize: number,
): Promise<{ rows: BoardRow[]; total: number }> {
  const today = clock.today();
  const where = {
    status: "active" as const,
    contractStart: { gte: new Date(`${addDays(today, -365)}T00:00:00Z`), lte: new Date(`${today}T00:00:00Z`) },
    ...(can(actor, "team:read") ? {} : { csmId: actor.id }),
  };
  const [accounts, total] = await Promise.all([
    db.account.findMany({
      where,
      orderBy: [{ contractStart: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        externalId: true,
        name: true,
        contractStart: true,
        csm: { select: { name: true } },
        milestones: true,
        onboardingItems: true,
      },
    }),
    db.account.count({ where }),
  ]);
  return {
    total,
    rows: accounts.map((a) => {
      const plan = onboardingPlan(
        toIsoDate(a.contractStart),
        {
          milestones: a.milestones.map((m) => ({
            key: m.key,
            dueDate: toIsoDate(m.targetDate),
            completedAt: isoOrNull(m.reachedAt),
            ownerId: m.ownerId,
            challenges: m.challenges,
            issues: m.issues,
          })),
          checklist: a.onboardingItems.map((i) => ({ key: i.key, doneAt: isoOrNull(i.doneAt) })),
        },
        today,
      );
      return {
        externalId: a.externalId,
        name: a.name,
        contractStart: toIsoDate(a.contractStart),
        csm: a.csm?.name ?? null,
        progress: plan.progress,
        milestones: plan.milestones.map(({ key, status, dueDate, completedAt }) => ({
          key,
          status,
          dueDate,
          completedAt,
        })),
      };
    }),
  };
}
