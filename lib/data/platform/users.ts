import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor } from "./audit";
import { recordSecurityEvent } from "./security-events";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { passwordProblem } from "@/lib/auth/password-policy";
import { statement } from "./sql";

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

const summary = { id: true, email: true, name: true, role: true, active: true } as const;

export type CredentialCheck =
  { ok: true; user: UserSummary & { sessionVersion: number } } | { ok: false; userId: number | null };

/**
 * Checks an email and password. An unknown or deactivated email costs the same bcrypt
 * comparison as a known one (against a dummy hash), so the response time does not tell
 * whether an address has an account. Never returns the hash.
 */
export async function checkCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !user.active || !matches) return { ok: false, userId: user?.id ?? null };
  const { id, name, role, active, sessionVersion } = user;
  return { ok: true, user: { id, email: user.email, name, role, active, sessionVersion } };
}

/** The user behind an email and password, or null. */
export async function verifyCredentials(email: string, password: string): Promise<UserSummary | null> {
  const check = await checkCredentials(email, password);
  if (!check.ok) return null;
  const { sessionVersion: _sv, ...user } = check.user;
  return user;
}

export function getUser(id: number): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { id }, select: summary });
}

/** The user and the session version a session must carry to be valid (lib/auth/session.ts). */
export function getSessionUser(id: number): Promise<(UserSummary & { sessionVersion: number }) | null> {
  return db.user.findUnique({ where: { id }, select: { ...summary, sessionVersion: true } });
}

/**
 * getSessionUser read once per page render: the session's jwt callback (lib/auth/options.ts) and
 * getCurrentUser (lib/auth/session.ts) both check the same row in one request. Outside a render
 * (route handlers, sign-in, scripts) React's cache passes every call through.
 */
export const getSessionUserOnce = cache(getSessionUser);

/** Ends every session of a user at once (sign-out, and inside password and role changes). */
export async function endSessions(userId: number, tx: Prisma.TransactionClient | typeof db = db): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export function listUsers(): Promise<UserSummary[]> {
  return db.user.findMany({ select: summary, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

export function listUsersByRole(role: Role): Promise<UserSummary[]> {
  return db.user.findMany({ where: { role, active: true }, select: summary, orderBy: { name: "asc" } });
}

/** The active users of each of these roles, by name (one query for several roles). */
export async function listUsersByRoles<R extends Role>(roles: readonly R[]): Promise<Record<R, UserSummary[]>> {
  const users = await db.user.findMany({
    where: { role: { in: [...roles] }, active: true },
    select: summary,
    orderBy: { name: "asc" },
  });
  return Object.fromEntries(roles.map((role) => [role, users.filter((u) => u.role === role)])) as Record<
    R,
    UserSummary[]
  >;
}

export interface AdminUserRow extends UserSummary {
  /** The last successful sign-in on record (security events), or null. */
  lastSignInAt: string | null;
}

/** Users for the admin's Users tab, each with their last sign-in from the security events. */
export async function listUsersForAdmin(): Promise<AdminUserRow[]> {
  const [users, signIns] = await Promise.all([
    listUsers(),
    db.auditLog.groupBy({
      by: ["entityId"],
      where: { entity: "security", action: "sign_in", entityId: { startsWith: "user:" } },
      _max: { at: true },
    }),
  ]);
  const last = new Map(signIns.map((s) => [s.entityId, s._max.at?.toISOString() ?? null]));
  return users.map((u) => ({ ...u, lastSignInAt: last.get(`user:${u.id}`) ?? null }));
}

// Locks the active admins' rows, so two admins demoting each other at once cannot both pass the
// "someone else stays admin" check (the second waits, then counts one admin fewer).
const LOCK_ADMINS_SQL = statement`SELECT id FROM "User" WHERE role = 'admin' AND active FOR UPDATE`;

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
    if (await tx.user.findUnique({ where: { email } }))
      throw conflict(`A user with the email ${email} already exists.`);
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
    await recordSecurityEvent(tx, {
      type: "user_created",
      actor,
      subject: { userId: user.id },
      detail: { email: user.email, role: user.role },
    });
    return user;
  });
}

export interface UserChange {
  role?: Role;
  active?: boolean;
}

/**
 * Changes a user's role or deactivates (reactivates) them. Either ends the user's sessions at
 * once, so the change cannot be outlived by a session cookie. The last active admin stays.
 */
export async function updateUser(id: number, change: UserChange, actor: AuditActor): Promise<UserSummary> {
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    const before = await tx.user.findUnique({ where: { id }, select: summary });
    if (!before) throw notFound("That user no longer exists.");
    const after = {
      ...before,
      ...(change.role ? { role: change.role } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
    };
    if (after.role === before.role && after.active === before.active) return before;
    const losesAdmin = before.role === "admin" && before.active && (after.role !== "admin" || !after.active);
    if (losesAdmin) await tx.$queryRaw(LOCK_ADMINS_SQL());
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", active: true, id: { not: id } } })) === 0)
      throw conflict("Keep at least one active admin: make someone else an admin first.");
    const user = await tx.user.update({
      where: { id },
      data: { role: after.role, active: after.active, sessionVersion: { increment: 1 } },
      select: summary,
    });
    await recordAudit(tx, actor, { entity: "user", entityId: String(id), action: "update", before, after: user });
    const subject = { userId: id };
    if (user.role !== before.role) {
      await recordSecurityEvent(tx, {
        type: "user_role_changed",
        actor,
        subject,
        detail: { from: before.role, to: user.role },
      });
    }
    if (user.active !== before.active) {
      await recordSecurityEvent(tx, { type: user.active ? "user_reactivated" : "user_deactivated", actor, subject });
    }
    return user;
  });
}

/**
 * A user changes their own password (the new one already checked against the policy):
 * the current password is required, and every session, this one included, ends.
 */
export async function changePassword(
  userId: number,
  currentPassword: string,
  newPassword: string,
  actor: AuditActor,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.active) throw notFound("That user no longer exists.");
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw invalidInput([{ path: "currentPassword", message: "Your current password is not right." }]);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordSecurityEvent(tx, { type: "password_changed", actor, subject: { userId } });
  });
}

/**
 * An admin (or the CLI) sets a user's password, checked against the policy with the user's own
 * email and name; ends their sessions. Audited as a reset (never the password itself).
 */
export async function setPassword(userId: number, newPassword: string, actor: AuditActor): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user) throw notFound("That user no longer exists.");
  const problem = passwordProblem(newPassword, user);
  if (problem) throw invalidInput([{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    const updated = await tx.user.updateMany({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw notFound("That user no longer exists.");
    await recordAudit(tx, actor, { entity: "user", entityId: String(userId), action: "reset password" });
    await recordSecurityEvent(tx, { type: "password_reset", actor, subject: { userId } });
  });
}
