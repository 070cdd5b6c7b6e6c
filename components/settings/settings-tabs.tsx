"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/settings", label: "Users" },
  { href: "/settings/health", label: "Health model" },
  { href: "/settings/playbooks", label: "Playbooks" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/import", label: "Import" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/jobs", label: "Jobs" },
  { href: "/settings/outbox", label: "Outbox" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-x-1 border-b border-slate-200">
      {TABS.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
