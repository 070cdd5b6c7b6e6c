import NextAuth from "next-auth";
import { authOptions, RATE_LIMITED } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address";
import { signInRetryAfter } from "@/lib/data/platform/sign-in-throttle";

const handler = NextAuth(authOptions);

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

/**
 * next-auth's handler behind a sign-in throttle: a credentials sign-in from an email or a
 * client that has failed too often is answered 429 with Retry-After before any password is
 * checked (lib/domain/sign-in-throttle.ts has the rules). The body keeps next-auth's shape, so
 * its client reports the error code RateLimited.
 */
async function POST(request: Request, context: Context): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase()
      .slice(0, 254);
    const retryAfter = await signInRetryAfter({ email, client: clientAddress(request.headers) });
    if (retryAfter > 0) {
      const url = new URL(`/sign-in?error=${RATE_LIMITED}&retryAfter=${retryAfter}`, request.url).href;
      return Response.json(
        { url, error: RATE_LIMITED, retryAfter },
        { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
