import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";

/** Errors the user can act on: they carry a code and a message meant for the screen. */
export class ExpectedError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "forbidden" | "invalid",
    message: string,
    readonly issues: ActionIssue[] = [],
  ) {
    super(message);
  }
}

export interface ActionIssue {
  path: string;
  message: string;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; issues?: ActionIssue[] } };

interface ActionDefinition<S extends z.ZodType, T> {
  schema: S;
  /** Checked before the input is even parsed: may this user attempt this at all? */
  authorize: (user: CurrentUser) => boolean;
  /** Domain logic and the transactional write; throw ExpectedError for known failures. */
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
    const parsed = def.schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: "invalid", message: "Some fields need attention.", issues: toIssues(parsed.error) },
      };
    }
    try {
      const data = await def.handler(parsed.data, user);
      for (const path of def.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof ExpectedError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
      }
      console.error("Server action failed", error);
      return fail("internal", "Something went wrong on our side. Nothing was saved.");
    }
  };
}

function fail(code: string, message: string): ActionResult<never> {
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
