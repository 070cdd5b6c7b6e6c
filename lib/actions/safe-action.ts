import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, toAppError, type AppErrorCode, type Issue } from "@/lib/errors";
import { unsafeTextIssues } from "@/lib/validation/fields";

export type ActionIssue = Issue;

/** The codes a form can show: an AppError's, where the HTTP-only ones fold into "invalid". */
export type ActionErrorCode = Exclude<AppErrorCode, "invalid_json" | "payload_too_large" | "method_not_allowed">;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ActionErrorCode; message: string; issues?: ActionIssue[]; retryAfter?: number } };

interface ActionDefinition<S extends z.ZodType, T> {
  schema: S;
  /** Checked before the input is even parsed: may this user attempt this at all? */
  authorize: (user: CurrentUser) => boolean;
  /** Domain logic and the transactional write; throw AppError (lib/errors.ts) for known failures. */
  handler: (input: z.infer<S>, user: CurrentUser) => Promise<T>;
  revalidate?: string[];
}

/**
 * Every server action goes through here (authenticate → authorize → validate → handle →
 * revalidate) so no step can be forgotten, and every failure has one result shape.
 * Unexpected errors are logged and reported generically: internals never reach the client.
 */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
    if (!def.authorize(user)) return fail("forbidden", "Your role isn't allowed to do that.");
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    // Text PostgreSQL cannot store is refused in every field, whether or not its schema checks it.
    const unsafe = unsafeTextIssues(raw);
    if (unsafe.length)
      return toActionResult(new AppError("invalid", "Some fields need attention.", { issues: unsafe }));
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success)
      return toActionResult(new AppError("invalid", "Some fields need attention.", { issues: toIssues(parsed.error) }));
    try {
      const data = await def.handler(parsed.data, user);
      for (const path of def.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      const known = toAppError(error);
      if (known) {
        if (known.code === "unavailable") console.error("Server action: database unavailable", error);
        return toActionResult(known);
      }
      console.error("Server action failed", error);
      return fail("internal", "Something went wrong on our side. Nothing was saved.");
    }
  };
}

/** An AppError as an action's result: the one mapping from error codes to what a form shows. */
export function toActionResult(error: AppError): ActionResult<never> {
  const code: ActionErrorCode =
    error.code === "invalid_json" || error.code === "payload_too_large" || error.code === "method_not_allowed"
      ? "invalid"
      : error.code;
  return {
    ok: false,
    error: {
      code,
      message: error.message,
      ...(error.issues.length ? { issues: error.issues } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    },
  };
}

function fail(code: ActionErrorCode, message: string): ActionResult<never> {
  return { ok: false, error: { code, message } };
}

export function toIssues(error: z.ZodError): ActionIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
  }
  return out;
}
