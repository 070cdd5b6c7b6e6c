import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { checkCredentials, endSessions, getSessionUserOnce } from "@/lib/data/platform/users";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfter } from "@/lib/data/platform/sign-in-throttle";
import { recordSecurityEvent } from "@/lib/data/platform/security-events";
import { db } from "@/lib/db";
import { clientAddress } from "./client-address";
import { safeRedirectUrl } from "./redirect";
import { isDatabaseUnavailable } from "@/lib/errors";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(254),
  // bcrypt reads 72 bytes; anything far longer is not a password, and refusing it early
  // keeps hashing cost bounded.
  password: z.string().min(1).max(1024),
});

/** The error code a throttled sign-in reports (the sign-in form shows a "wait" message). */
export const RATE_LIMITED = "RateLimited";
const SESSION_REVOKED = "SessionRevoked";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const client = clientAddress(req?.headers);
        const keys = { email, client };
        // The route wrapper (app/api/auth/[...nextauth]/route.ts) answers 429 before this;
        // checking again here covers attempts that raced past it.
        if ((await signInRetryAfter(keys)) > 0) throw new Error(RATE_LIMITED);
        const check = await checkCredentials(email, password);
        if (!check.ok) {
          const { lockedOut } = await recordSignInFailure(keys);
          const subject = check.userId ? { userId: check.userId } : { email };
          await recordSecurityEvent(db, { type: "sign_in_failed", subject, detail: { email, client } });
          for (const key of lockedOut) {
            await recordSecurityEvent(db, { type: "lockout", subject, detail: { email, client, key } });
          }
          return null;
        }
        const { user } = check;
        await recordSignInSuccess(email);
        await recordSecurityEvent(db, {
          type: "sign_in",
          actor: { userId: user.id },
          subject: { userId: user.id },
          detail: { client },
        });
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sv;
        return token;
      }
      // Every later use of the session: it ends when the user signed out elsewhere, changed
      // their password, was deactivated or had their role changed (all bump sessionVersion).
      let current: Awaited<ReturnType<typeof getSessionUserOnce>> = null;
      try {
        current = typeof token.uid === "number" ? await getSessionUserOnce(token.uid) : null;
      } catch (error) {
        // The database is down: that is an outage, not a sign-out. Keep the token; the page's own
        // reads (getCurrentUser) fail too and show "temporarily unavailable", granting nothing.
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      if (!current || !current.active || current.sessionVersion !== token.sv) throw new Error(SESSION_REVOKED);
      token.role = current.role;
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sv = token.sv;
      }
      return session;
    },
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      const uid = token?.uid;
      if (typeof uid !== "number") return;
      await endSessions(uid);
      await recordSecurityEvent(db, { type: "sign_out", actor: { userId: uid }, subject: { userId: uid } });
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked session is expected, not an error worth a stack trace.
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_REVOKED) return;
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string })?.message === SESSION_REVOKED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
