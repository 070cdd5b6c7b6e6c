import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

// Decides access before the page streams, so a refusal answers 403. The page checks again.
export default async function VoiceLayout({ children }: { children: ReactNode }) {
  await requirePermission("voice:read");
  return children;
}
