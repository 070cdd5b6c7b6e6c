import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { stageFromSlug } from "@/lib/domain/dashboards";

// An unknown stage is a 404, decided before the page's loading boundary (./loading.tsx) streams.
export default async function StageLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ stage: string }>;
}) {
  if (!stageFromSlug((await params).stage)) notFound();
  return children;
}
