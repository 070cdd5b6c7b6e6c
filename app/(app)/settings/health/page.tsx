import type { Metadata } from "next";
import { HealthModelForm } from "@/components/settings/health-model-form";
import { requirePermission } from "@/lib/auth/session";
import { getCurrentHealthModel } from "@/lib/data/health/model";
import { DEFAULT_HEALTH_MODEL } from "@/lib/domain/health-model";

export const metadata: Metadata = { title: "Health model · Settings" };

export default async function HealthModelPage() {
  await requirePermission("settings:manage");
  const model = await getCurrentHealthModel();
  return <HealthModelForm model={model} defaults={DEFAULT_HEALTH_MODEL} />;
}
