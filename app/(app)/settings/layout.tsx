import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requirePermission } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePermission("settings:manage");
  return (
    <>
      <PageHeader
        title="Settings"
        description="Users and roles, the health model, playbooks, API keys, imports, security and the email outbox."
      />
      <SettingsTabs />
      {children}
    </>
  );
}
