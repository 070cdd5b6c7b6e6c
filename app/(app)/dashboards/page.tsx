import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";

export default async function DashboardsIndex() {
  await requirePermission("dashboards:read");
  redirect("/dashboards/onboarding");
}
