import { Logo } from "@/components/ui/logo";
import { navFor, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { NavDrawer } from "./nav-drawer";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

function Brand() {
  return (
    <div className="flex items-center gap-2.5">
      <Logo />
      <span className="text-lg font-semibold tracking-tight">Bowtie</span>
    </div>
  );
}

/** The app's navigation: a sidebar from `md` up, a top bar with a menu drawer on phones. */
export function Sidebar({ user }: { user: { name: string; email: string; role: Role } }) {
  const initials = user.name
    .split(" ")
    .map((p) => p[0])
    .slice(0, 2)
    .join("");
  return (
    <NavDrawer brand={<Brand />}>
      <div className="hidden px-5 py-5 md:block">
        <Brand />
      </div>
      <nav aria-label="Main" className="flex-1 space-y-1 px-3 py-3 md:py-0">
        {navFor(user.role).map((item) => (
          <NavLink key={item.href} href={item.href} label={item.label} />
        ))}
      </nav>
      <div className="border-t border-slate-800 px-4 py-4">
        <div className="flex items-center gap-3">
          <span
            aria-hidden
            className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-brand-600 text-sm font-semibold"
          >
            {initials}
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium" data-testid="current-user">
              {user.name}
            </p>
            <p className="truncate text-xs text-slate-400" data-testid="current-role">
              {ROLE_LABELS[user.role]}
            </p>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <SignOutButton />
          <a
            href="/password"
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-300 hover:bg-slate-800 hover:text-white"
          >
            Change password
          </a>
        </div>
      </div>
    </NavDrawer>
  );
}
