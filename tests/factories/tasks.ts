// Small factories for the task tests: users and accounts with their current health set
// directly, so the escalation ladder can be exercised without computing scores.
import { db } from "@/lib/db";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import type { Band, Role } from "@/lib/generated/prisma/enums";
import { clock } from "@/lib/clock";

let sequence = 0;
const next = () => ++sequence;
const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

export async function makeUser(role: Role, { active = true }: { active?: boolean } = {}) {
  const n = next();
  return db.user.create({
    data: { email: `${role}-${n}@tasks.test`, name: `${role} ${n}`, role, active, passwordHash: "not-a-real-hash" },
    select: { id: true, role: true },
  });
}

export interface AccountHealth {
  asOf: IsoDate;
  csmId?: number | null;
  band?: Band | null;
  score?: number | null;
  trend?: number | null;
  insufficient?: boolean;
  renewalInDays?: number;
  status?: "active" | "churned";
}

export async function makeAccount({
  asOf,
  csmId = null,
  band = "green",
  score = 85,
  trend = 0,
  insufficient = false,
  renewalInDays = 300,
  status = "active",
}: AccountHealth) {
  const n = next();
  return db.account.create({
    data: {
      externalId: `TASKS-${n}`,
      name: `Account ${n}`,
      segment: "mid_market",
      seats: 50,
      arr: 60_000,
      contractStart: day(addDays(asOf, -400)),
      renewalDate: day(addDays(asOf, renewalInDays)),
      status,
      csmId,
      healthBand: band,
      healthScore: score,
      healthTrend: trend,
      healthInsufficient: insufficient,
      healthAsOf: day(asOf),
    },
    select: { id: true, externalId: true, name: true },
  });
}

export async function makeTask({
  ownerId,
  accountId = null,
  dueDate,
  status = "open",
}: {
  ownerId: number;
  accountId?: number | null;
  dueDate: IsoDate;
  status?: "open" | "done";
}) {
  return db.task.create({
    data: {
      ownerId,
      accountId,
      title: `Task ${next()}`,
      dueDate: day(dueDate),
      status,
      completedAt: status === "done" ? clock.now() : null,
    },
    select: { id: true },
  });
}
