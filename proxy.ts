import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { errorResponse } from "@/lib/api/errors";
import { malformedPath } from "@/lib/errors";
import { API_CSP, HSTS, isHttpsDeployment, newNonce, pageCsp } from "@/lib/security-headers";

// A first filter only: every page, action and route checks the session itself (lib/auth).
// Here: security headers on every page and API response (a Content-Security-Policy with a
// fresh script nonce per page), cross-origin server-action posts refused with 403, and
// signed-out visitors sent to sign-in, remembering where they were going. Malformed URLs are
// answered 400 first: Next decodes path parameters after this point and would answer a
// plain-text 500 ("/accounts/100%").

/** Reached signed out: sign-in, next-auth's own routes, the bearer-key API. */
const PUBLIC = /^\/(sign-in|api\/auth|api\/v1)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const https = isHttpsDeployment();

  if (!isDecodable(pathname)) {
    if (isV1(pathname)) return withHeaders(errorResponse(malformedPath()), API_CSP, https);
    const bad = new NextResponse("Bad request: the URL is not validly percent-encoded.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
    return withHeaders(bad, API_CSP, https);
  }

  if (request.method === "POST" && request.headers.has("next-action") && !isSameOrigin(request)) {
    return withHeaders(
      new NextResponse("Cross-origin request refused.", { status: 403, headers: { "content-type": "text/plain" } }),
      API_CSP,
      https,
    );
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

function withHeaders<T extends Response>(response: T, csp: string, https: boolean): T {
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

const isV1 = (pathname: string) => pathname === "/api/v1" || pathname.startsWith("/api/v1/");

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Everything but Next's static files and the icons.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
