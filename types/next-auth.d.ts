import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: Role;
    /** The user's sessionVersion when they signed in (see lib/auth/options.ts). */
    sv: number;
  }
  interface Session {
    user: { id: number; role: Role; sv: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    sv: number;
  }
}
