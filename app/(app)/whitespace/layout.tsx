import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

// Decides access before the page streams, so a refusal answers 403. The page checks again.
export default async function WhitespaceLayout({ children }: { children: ReactNode }) {
  await requirePermission("whitespace:read");
  return children;
}
