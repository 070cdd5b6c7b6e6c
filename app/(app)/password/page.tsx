import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/layout/change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Change password"
        description="At least 12 characters and not a common password. Every session of yours ends: sign in again afterwards."
      />
      <Card className="max-w-lg">
        <CardHeader title="Your password" />
        <ChangePasswordForm />
      </Card>
    </>
  );
}
