// Sign-in throttling, equal-time answers for unknown emails, revocable sessions and the
// password policy, through the same code next-auth and the server actions run.
import { beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: number; role: string; sv: number } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => session.current,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { db } from "@/lib/db";
import { authOptions, RATE_LIMITED } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { checkCredentials, changePassword, createUser, updateUser } from "@/lib/data/platform/users";
import { AppError } from "@/lib/errors";
import { EMAIL_POLICY } from "@/lib/domain/sign-in-throttle";
import { signInRetryAfter } from "@/lib/data/platform/sign-in-throttle";
import { createUserAction } from "@/lib/actions/users";
import { advanceClock, clock } from "@/lib/clock";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import type { JWT } from "next-auth/jwt";

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string; sv: number } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = authOptions.callbacks!.jwt! as unknown as (args: { token: JWT; user?: unknown }) => Promise<JWT>;

let clientSeq = 0;
/** Each test signs in from its own address, so client counts don't leak between tests. */
const fromClient = () => ({ headers: { "x-forwarded-for": `203.0.113.${++clientSeq}` } });

const PASSWORD = "a quiet lake at dawn";
let emailSeq = 0;
async function makeUser(role: "csm" | "admin" | "manager" = "csm") {
  const email = `sec-${++emailSeq}@example.com`;
  const user = await db.user.create({
    data: { email, name: `Sec ${emailSeq}`, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return user;
}

const securityEvents = (type: string) =>
  db.auditLog.findMany({ where: { entity: "security", action: type }, orderBy: { id: "asc" } });

beforeEach(() => {
  session.current = null;
});

describe("sign-in throttling", () => {
  it("answers wrong passwords normally, then locks the email out with a growing wait, even for the right password", async () => {
    const user = await makeUser();
    const req = fromClient();
    for (let i = 0; i < EMAIL_POLICY.free; i++) {
      expect(await authorize({ email: user.email, password: "wrong password here" }, req)).toBeNull();
    }
    expect(await signInRetryAfter({ email: user.email, client: null })).toBe(0);
    expect(await authorize({ email: user.email, password: "wrong password again" }, req)).toBeNull();
    const wait = await signInRetryAfter({ email: user.email, client: null });
    expect(wait).toBe(30);

    // Locked: even the right password is not heard until the wait is over, from any address.
    await expect(authorize({ email: user.email, password: PASSWORD }, fromClient())).rejects.toThrow(RATE_LIMITED);

    // The route answers 429 with Retry-After before next-auth runs.
    const response = await authRoute.POST(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: user.email.toUpperCase(), password: PASSWORD, csrfToken: "x" }),
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBe(30);
    expect(new URL((await response.json()).url).searchParams.get("error")).toBe(RATE_LIMITED);

    // After the wait the right password works, and clears the email's count.
    advanceClock(30_000);
    expect(await authorize({ email: user.email, password: PASSWORD }, req)).toMatchObject({ id: String(user.id) });
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${user.email}` } })).toBeNull();

    // The next failure after a lockout waits longer (30 s, then 60 s, …) while the count lives.
    for (let i = 0; i <= EMAIL_POLICY.free; i++)
      await authorize({ email: user.email, password: "nope nope nope" }, req);
    expect(await signInRetryAfter({ email: user.email, client: null })).toBe(30);
    advanceClock(30_000);
    expect(await authorize({ email: user.email, password: "still not it" }, req)).toBeNull();
    expect(await signInRetryAfter({ email: user.email, client: null })).toBe(60);
    advanceClock(EMAIL_POLICY.forgetAfterMs);
    expect(await signInRetryAfter({ email: user.email, client: null })).toBe(0);
  });

  it("locks out an unknown email exactly like a known one", async () => {
    const req = fromClient();
    for (let i = 0; i <= EMAIL_POLICY.free; i++)
      await authorize({ email: "nobody-here@example.com", password: "whatever it is" }, req);
    expect(await signInRetryAfter({ email: "nobody-here@example.com", client: null })).toBe(30);
  });

  it("limits one client guessing across many emails", async () => {
    const req = fromClient();
    const client = req.headers["x-forwarded-for"];
    for (let i = 0; i < 31; i++) await authorize({ email: `spray-${i}@example.com`, password: "Summer2026!!" }, req);
    expect(await signInRetryAfter({ email: "someone-new@example.com", client })).toBeGreaterThan(0);
    expect(await signInRetryAfter({ email: "someone-new@example.com", client: "198.51.100.1" })).toBe(0);
  });

  it("keeps its counts in the database, where every server process sees them", async () => {
    const req = fromClient();
    await authorize({ email: "shared@example.com", password: "wrong wrong wrong" }, req);
    expect(await db.signInThrottle.findUnique({ where: { key: "email:shared@example.com" } })).toMatchObject({
      failures: 1,
    });
    expect(
      await db.signInThrottle.findUnique({ where: { key: `client:${req.headers["x-forwarded-for"]}` } }),
    ).toMatchObject({ failures: 1 });
  });
});

describe("an unknown email costs as much time as a known one", () => {
  it("compares against a dummy bcrypt hash", async () => {
    const user = await makeUser();
    await checkCredentials("warm-up@example.com", "x"); // the dummy hash is made once
    const time = async (email: string) => {
      const start = performance.now();
      expect((await checkCredentials(email, "not the password")).ok).toBe(false);
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`unknown-${i}@example.com`));
    }
    // Before: known ≈ 100 ms, unknown ≈ 8 ms. Now both pay for one bcrypt comparison.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });
});

describe("sessions end when they should", () => {
  async function signedIn(user: { id: number; email: string }) {
    const result = await authorize({ email: user.email, password: PASSWORD }, fromClient());
    expect(result).not.toBeNull();
    const token = (await jwt({ token: {} as JWT, user: result })) as JWT;
    return token;
  }

  it("a session works until sign-out, then neither it nor a copy of its cookie does", async () => {
    const user = await makeUser();
    const token = await signedIn(user);
    await expect(jwt({ token: { ...token } })).resolves.toMatchObject({ uid: user.id });
    session.current = { user: { id: user.id, role: user.role, sv: token.sv } };
    expect(await getCurrentUser()).toMatchObject({ id: user.id });

    await authOptions.events!.signOut!({ token, session: undefined as never });
    await expect(jwt({ token: { ...token } })).rejects.toThrow();
    expect(await getCurrentUser()).toBeNull();
    expect(await securityEvents("sign_out")).toEqual(
      expect.arrayContaining([expect.objectContaining({ entityId: `user:${user.id}` })]),
    );
  });

  it("a role change and a deactivation end the user's sessions at once", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("csm");
    const token = await signedIn(user);
    await updateUser(user.id, { role: "manager" }, { userId: admin.id });
    await expect(jwt({ token: { ...token } })).rejects.toThrow();

    const fresh = await signedIn(user);
    expect(fresh.role).toBe("manager");
    await updateUser(user.id, { active: false }, { userId: admin.id });
    await expect(jwt({ token: { ...fresh } })).rejects.toThrow();
    expect(await authorize({ email: user.email, password: PASSWORD }, fromClient())).toBeNull();

    const changes = await db.auditLog.findMany({
      where: {
        entity: "security",
        entityId: `user:${user.id}`,
        action: { in: ["user_role_changed", "user_deactivated"] },
      },
    });
    expect(changes.map((c) => c.action).sort()).toEqual(["user_deactivated", "user_role_changed"]);
    expect(changes.every((c) => c.actorId === admin.id)).toBe(true);
  });

  it("a password change needs the current password and ends every session", async () => {
    const user = await makeUser();
    const token = await signedIn(user);
    await expect(
      changePassword(user.id, "not my password", "a brand new passphrase", { userId: user.id }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(jwt({ token: { ...token } })).resolves.toBeTruthy();
    await changePassword(user.id, PASSWORD, "a brand new passphrase", { userId: user.id });
    await expect(jwt({ token: { ...token } })).rejects.toThrow();
    expect((await checkCredentials(user.email, "a brand new passphrase")).ok).toBe(true);
    expect((await checkCredentials(user.email, PASSWORD)).ok).toBe(false);
  });

  it("keeps at least one active admin", async () => {
    const admins = await db.user.findMany({ where: { role: "admin", active: true } });
    for (const a of admins) await db.user.update({ where: { id: a.id }, data: { active: false } });
    const only = await makeUser("admin");
    await expect(updateUser(only.id, { role: "csm" }, { userId: only.id })).rejects.toThrow(
      /at least one active admin/,
    );
    for (const a of admins) await db.user.update({ where: { id: a.id }, data: { active: true } });
  });
});

describe("passwords people choose", () => {
  it("are refused when short, common, or longer than bcrypt reads", async () => {
    const admin = await makeUser("admin");
    session.current = { user: { id: admin.id, role: "admin", sv: 0 } };
    const form = (password: string) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({
        name: "Pat New",
        email: `pat-${password.length}@example.com`,
        role: "csm",
        password,
      }))
        data.set(k, v);
      return data;
    };
    const problem = async (password: string) => {
      const result = await createUserAction(null, form(password));
      return result.ok ? null : result.error.issues?.find((i) => i.path === "password")?.message;
    };
    expect(await problem("bowtie-demo")).toMatch(/12 characters/);
    expect(await problem("password1234")).toMatch(/too common/);
    expect(await problem("é".repeat(40))).toMatch(/72 bytes/);
    expect(await problem("a quiet lake at dawn, twice")).toBeNull();
    expect(await db.user.count({ where: { email: { startsWith: "pat-" } } })).toBe(1);
  });

  it("the demo accounts keep the documented demo password (seeded directly, not chosen)", async () => {
    const { DEMO_PASSWORD } = await import("@/lib/demo/users");
    expect(DEMO_PASSWORD).toBe("bowtie-demo");
  });
});

describe("security events", () => {
  it("records sign-in success, failure and lockout with the client address, never the password", async () => {
    const user = await makeUser();
    const req = fromClient();
    const before = await db.auditLog.count({ where: { entity: "security" } });
    await authorize({ email: user.email, password: PASSWORD }, req);
    for (let i = 0; i <= EMAIL_POLICY.free; i++)
      await authorize({ email: user.email, password: "secret-guess-123" }, req);
    const events = await db.auditLog.findMany({
      where: { entity: "security", entityId: `user:${user.id}` },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "sign_in",
      ...Array(EMAIL_POLICY.free + 1).fill("sign_in_failed"),
      "lockout",
    ]);
    expect(events[0]).toMatchObject({ actorId: user.id, after: { client: req.headers["x-forwarded-for"] } });
    expect(JSON.stringify(events)).not.toContain("secret-guess");
    expect(await db.auditLog.count({ where: { entity: "security" } })).toBe(before + events.length);
    expect(events.every((e) => e.at.getTime() === clock.nowMs())).toBe(true);
  });

  it("records user creation", async () => {
    const created = await createUser(
      { email: "audited@example.com", name: "Audited", role: "ae", password: PASSWORD },
      { system: "test" },
    );
    expect(await securityEvents("user_created")).toEqual(
      expect.arrayContaining([expect.objectContaining({ entityId: `user:${created.id}` })]),
    );
  });
});
