// What the CS team keeps about one account beyond usage and money: success-plan outcomes (the
// ROI measure), onboarding milestones, the offboarding of churned accounts, feedback and
// the occasional CSM sentiment override.
import type { AccountPlan } from "./account-plan";
import { addDays, daysBetween, maxDate, minDate } from "./calendar";
import {
  CHURN_REASONS,
  FEEDBACK,
  OFFBOARDING_ITEMS,
  ONBOARDING_MILESTONES,
  OUTCOMES,
  OVERRIDE_REASONS,
} from "./catalogue";
import type { IdAllocator } from "./ids";
import type { Random } from "./random";
import type {
  FeedbackItemRow,
  OffboardingItemRow,
  OffboardingRow,
  OnboardingMilestoneRow,
  SentimentOverrideRow,
  SuccessOutcomeRow,
} from "./types";
import type { Band, FeedbackStatus, FeedbackType } from "@/lib/generated/prisma/enums";

export interface SuccessRecordRows {
  successOutcomes: SuccessOutcomeRow[];
  onboardingMilestones: OnboardingMilestoneRow[];
  offboardings: OffboardingRow[];
  offboardingItems: OffboardingItemRow[];
  feedbackItems: FeedbackItemRow[];
  sentimentOverrides: SentimentOverrideRow[];
}

export function successRecordRows(plan: AccountPlan, ids: IdAllocator, churnReason: string | null): SuccessRecordRows {
  const rng = plan.stream("success");
  const offboarding =
    plan.churnedAt && churnReason ? offboardingRows(plan, rng, ids, plan.churnedAt, churnReason) : null;
  return {
    successOutcomes: outcomes(plan, rng, ids),
    onboardingMilestones: milestones(plan, rng, ids),
    offboardings: offboarding ? [offboarding.offboarding] : [],
    offboardingItems: offboarding?.items ?? [],
    feedbackItems: feedback(plan, rng, ids, churnReason),
    sentimentOverrides: override(plan, rng, ids),
  };
}

/**
 * Three to five outcomes spread from early in the contract to after the renewal. The share of
 * those already due that were achieved follows the plan's ROI level (SPEC §3: 0 → 1).
 */
function outcomes(plan: AccountPlan, rng: Random, ids: IdAllocator): SuccessOutcomeRow[] {
  const chosen = rng.shuffle(OUTCOMES).slice(0, rng.int(3, 5));
  const first = maxDate(addDays(plan.contractStart, 60), addDays(plan.today, -540));
  const last = addDays(plan.renewalDate, 120);
  const step = daysBetween(first, last) / chosen.length;
  const achieveOdds = Math.min(1, 0.1 + 0.9 * plan.levels.roi);
  return chosen.map(([key, title], i) => {
    const dueDate = addDays(first, Math.round(step * i + rng.float(0, step * 0.8)));
    const due = dueDate <= plan.today;
    const achieved = due ? rng.chance(achieveOdds) : rng.chance(0.15 * Math.min(1, plan.health));
    const achievedAt = minDate(plan.today, maxDate(addDays(plan.contractStart, 30), addDays(dueDate, -rng.int(0, 45))));
    return {
      id: ids.next("successOutcomes"),
      accountId: plan.id,
      key,
      title,
      dueDate,
      achieved,
      achievedAt: achieved ? achievedAt : null,
    };
  });
}

/** The SPEC §4 milestones, for customers in their first year. */
function milestones(plan: AccountPlan, rng: Random, ids: IdAllocator): OnboardingMilestoneRow[] {
  if (plan.churnedAt || daysBetween(plan.contractStart, plan.today) >= 365) return [];
  const struggling = plan.profile === "at_risk";
  return ONBOARDING_MILESTONES.map(([key, weeks]) => {
    const targetDate = addDays(plan.contractStart, weeks * 7);
    const reachedAt = addDays(targetDate, struggling ? rng.int(3, 30) : rng.int(-3, 7));
    const reached = reachedAt <= plan.today && (!struggling || rng.chance(0.6));
    return {
      id: ids.next("onboardingMilestones"),
      accountId: plan.id,
      key,
      targetDate,
      reachedAt: reached ? reachedAt : null,
      challenges: struggling && rng.chance(0.5) ? "Team bandwidth: the rollout owner is part-time" : null,
      issues: struggling && rng.chance(0.4) ? "SSO configuration took longer than planned" : null,
    };
  });
}

function offboardingRows(plan: AccountPlan, rng: Random, ids: IdAllocator, churnedAt: Date, reasonKey: string) {
  const completedAt = addDays(churnedAt, rng.int(5, 30));
  const complete = completedAt <= plan.today;
  const second = rng.chance(0.4) ? rng.pick(CHURN_REASONS.filter(([key]) => key !== reasonKey)) : null;
  const offboarding: OffboardingRow = {
    id: ids.next("offboardings"),
    accountId: plan.id,
    startedAt: addDays(churnedAt, -rng.int(14, 30)),
    accessOffDate: churnedAt,
    churnReasons: second ? [reasonKey, second[0]] : [reasonKey],
    churnNotes: `${CHURN_REASONS.find(([key]) => key === reasonKey)?.[1]}; renewal not signed.`,
    exitInterview: rng.chance(0.6) ? "Valued the product, but could not justify the spend this year." : null,
    completedAt: complete ? completedAt : null,
  };
  const items = OFFBOARDING_ITEMS.map(([key, title], i): OffboardingItemRow => {
    const dueDate = addDays(churnedAt, -14 + i * 5);
    const done = dueDate <= plan.today && (complete || rng.chance(0.6));
    return {
      id: ids.next("offboardingItems"),
      offboardingId: offboarding.id,
      key,
      title,
      ownerId: plan.csmId,
      dueDate,
      doneAt: done ? dueDate : null,
    };
  });
  return { offboarding, items };
}

/** Feature requests from healthy accounts, bugs and complaints from struggling ones, churn reasons from churned ones. */
function feedback(plan: AccountPlan, rng: Random, ids: IdAllocator, churnReason: string | null): FeedbackItemRow[] {
  const rows: FeedbackItemRow[] = [];
  const add = (
    type: FeedbackType,
    title: string,
    createdAt: Date,
    status: FeedbackStatus,
    description: string | null = null,
  ) => rows.push({ id: ids.next("feedbackItems"), accountId: plan.id, type, title, description, status, createdAt });
  if (plan.churnedAt && churnReason) {
    const label = CHURN_REASONS.find(([key]) => key === churnReason)?.[1] ?? churnReason;
    add("churn_reason", label, plan.churnedAt, "open", `${plan.name} did not renew.`);
  }
  if (!rng.chance(0.3)) return rows;
  const count = rng.int(1, 2);
  for (let i = 0; i < count; i++) {
    const type = rng.weighted<Exclude<FeedbackType, "churn_reason" | "praise">>(
      plan.profile === "thriving"
        ? { feature_request: 0.8, bug: 0.15, complaint: 0.05 }
        : { feature_request: 0.35, bug: 0.35, complaint: 0.3 },
    );
    const status = rng.weighted<FeedbackStatus>({ open: 0.55, planned: 0.25, done: 0.12, declined: 0.08 });
    add(type, rng.pick(FEEDBACK[type]), addDays(plan.churnedAt ?? plan.today, -rng.int(5, 180)), status);
  }
  return rows;
}

/** A few CSMs disagree with the computed band and say why (SPEC §3: shown beside the score). */
function override(plan: AccountPlan, rng: Random, ids: IdAllocator): SentimentOverrideRow[] {
  if (plan.churnedAt || !rng.chance(0.04)) return [];
  const worse = plan.profile === "thriving" || (plan.profile === "watch" && rng.chance(0.5));
  const band: Band = plan.profile === "watch" ? (worse ? "red" : "green") : "yellow";
  return [
    {
      id: ids.next("sentimentOverrides"),
      accountId: plan.id,
      band,
      reason: rng.pick(worse ? OVERRIDE_REASONS.worse : OVERRIDE_REASONS.better),
      createdById: plan.csmId,
      createdAt: addDays(plan.today, -rng.int(1, 25)),
    },
  ];
}
