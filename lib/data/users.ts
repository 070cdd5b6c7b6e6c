import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor } from "./audit";
import { conflict } from "@/lib/errors";

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

const summary = { id: true, email: true, name: true, role: true, active: true } as const;

/** The user behind an email and password, or null. Never returns the hash. */
export async function verifyCredentials(email: string, password: string): Promise<UserSummary | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || !user.active) return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active };
}

export function getUser(id: number): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { id }, select: summary });
}

export function listUsers(): Promise<UserSummary[]> {
  return db.user.findMany({ select: summary, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

export function listUsersByRole(role: Role): Promise<UserSummary[]> {
  return db.user.findMany({ where: { role, active: true }, select: summary, orderBy: { name: "asc" } });
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createUser(input: NewUser, actor: AuditActor): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    if (await tx.user.findUnique({ where: { email } })) throw conflict(`A user with the email ${email} already exists.`);
    const user = await tx.user.create({
      data: { email, name: input.name.trim(), role: input.role, passwordHash },
      select: summary,
    });
    await recordAudit(tx, actor, {
      entity: "user",
      entityId: String(user.id),
      action: "create",
      after: user,
    });
    return user;
  });
}
