import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { errorResponse } from "@/lib/api/errors";
import { malformedPath } from "@/lib/errors";

// A first filter only: every page, action and route checks the session itself (lib/auth).
// Signed-out visitors are sent to sign-in, remembering where they were going. The bearer-key
// API (/api/v1) checks its own keys; here it only gets its malformed URLs answered.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next decodes path parameters after this point and answers a plain-text 500 when it cannot
  // ("/accounts/100%"): a malformed URL is the client's mistake, so answer 400 first.
  if (!isDecodable(pathname)) {
    if (isApi(pathname)) return errorResponse(malformedPath());
    return new NextResponse("Bad request: the URL is not validly percent-encoded.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (isApi(pathname)) return NextResponse.next();
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
}

const isApi = (pathname: string) => pathname === "/api/v1" || pathname.startsWith("/api/v1/");

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Public: sign-in, next-auth's own routes, static assets. /api/v1 passes through (see above).
  matcher: ["/((?!sign-in|api/auth|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
