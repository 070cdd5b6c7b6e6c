import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { API_CSP, HSTS, isHttpsDeployment, newNonce, pageCsp } from "@/lib/security-headers";

// A first filter only: every page, action and route checks the session itself (lib/auth).
// Here: security headers on every page and API response (a Content-Security-Policy with a
// fresh script nonce per page), cross-origin server-action posts refused with 403, and
// signed-out visitors sent to sign-in, remembering where they were going.

/** Reached signed out: sign-in, next-auth's own routes, the bearer-key API. */
const PUBLIC = /^\/(sign-in|api\/auth|api\/v1)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const https = isHttpsDeployment();

  if (request.method === "POST" && request.headers.has("next-action") && !isSameOrigin(request)) {
    return withHeaders(new NextResponse("Cross-origin request refused.", { status: 403, headers: { "content-type": "text/plain" } }), API_CSP, https);
  }

  if (!PUBLIC.test(pathname)) {
    const token = await getToken({ req: request });
    if (!token) {
      const signIn = new URL("/sign-in", request.url);
      if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
      return withHeaders(NextResponse.redirect(signIn), API_CSP, https);
    }
  }

  if (isApi) return withHeaders(NextResponse.next(), API_CSP, https);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

function withHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

/** A server action must come from a page of this origin: Origin's host equals the Host we serve. */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  // Everything but Next's static files and the icons.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
