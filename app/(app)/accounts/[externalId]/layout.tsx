import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { accountExists } from "@/lib/data/accounts/triage";
import { decodePathSegment } from "@/lib/paths";

// An unknown account (or a malformed id such as "100%") is a 404, decided before the pages'
// loading boundary (./loading.tsx) starts streaming: once it has, the status is already 200.
export default async function AccountLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ externalId: string }>;
}) {
  await requireUser();
  const externalId = decodePathSegment((await params).externalId);
  if (externalId === null || !(await accountExists(externalId))) notFound();
  return children;
}
