import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { getCurrentUser } from "@/lib/auth/session";
import { ROLE_HOME, ROLE_LABELS } from "@/lib/auth/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";
import { isDemoMode } from "@/lib/config";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { callbackUrl } = await searchParams;
  // Only this origin: never bounce a user to another site after sign-in (lib/auth/redirect.ts).
  const next = safeRedirectPath(callbackUrl, process.env.NEXTAUTH_URL) ?? "/";
  const demo = isDemoMode()
    ? DEMO_USERS.map((u) => ({ email: u.email, label: `${u.name} · ${ROLE_LABELS[u.role]}` }))
    : null;

  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <div className="flex flex-col justify-center px-6 py-12 sm:px-12">
        <div className="mx-auto w-full max-w-sm">
          <div className="flex items-center gap-2.5">
            <Logo className="h-9 w-9" />
            <span className="text-xl font-semibold tracking-tight">Bowtie</span>
          </div>
          <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">Sign in to your workspace</h1>
          <p className="mt-1 text-sm text-slate-500">
            Customer health, renewals and your team&apos;s scorecard in one place.
          </p>
          <SignInForm callbackUrl={next} demoUsers={demo} demoPassword={demo ? DEMO_PASSWORD : null} />
        </div>
      </div>
      <aside className="hidden flex-col justify-center bg-slate-900 px-12 text-white lg:flex">
        <div className="max-w-md">
          <p className="text-sm font-medium uppercase tracking-widest text-brand-100">Customer success, explained</p>
          <p className="mt-4 text-3xl font-semibold leading-tight">
            Every health score shows its work, measure by measure.
          </p>
          <ul className="mt-8 space-y-3 text-sm text-slate-300">
            <li className="flex gap-3">
              <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-band-red" />
              Triage red, yellow, green and purple accounts in seconds.
            </li>
            <li className="flex gap-3">
              <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-band-yellow" />
              Work 90/60/30-day renewal windows with forecasts.
            </li>
            <li className="flex gap-3">
              <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-band-green" />
              Review the weekly scorecard against targets.
            </li>
            <li className="flex gap-3">
              <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-band-purple" />
              Free to self-host. No per-seat pricing.
            </li>
          </ul>
        </div>
      </aside>
    </main>
  );
}
