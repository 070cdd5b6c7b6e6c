import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

// A first filter only: every page, action and route checks the session itself (lib/auth).
// Signed-out visitors are sent to sign-in, remembering where they were going.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Public: sign-in, next-auth's own routes, the bearer-key API, static assets.
  matcher: ["/((?!sign-in|api/auth|api/v1|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
