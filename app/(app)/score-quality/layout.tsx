import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

// Decides access before the page's loading boundary (./loading.tsx) starts streaming, so a
// refusal answers 403, not a 200 with the "not allowed" page inside. The page checks again.
export default async function ScoreQualityLayout({ children }: { children: ReactNode }) {
  await requirePermission("score-quality:read");
  return children;
}
