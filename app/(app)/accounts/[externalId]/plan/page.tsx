import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanEditor } from "@/components/account-plan/plan-editor";
import { VersionHistory } from "@/components/account-plan/version-history";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getAccountPlanPage } from "@/lib/data/accounts/account-plan";
import { formatDate } from "@/lib/format";
import { accountPath, decodePathSegment } from "@/lib/paths";

type Params = { params: Promise<{ externalId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { externalId } = await params;
  return { title: `Account plan · ${decodePathSegment(externalId) ?? "account"}` };
}

export default async function AccountPlanPage({ params }: Params) {
  const user = await requireUser();
  const { externalId } = await params;
  const decoded = decodePathSegment(externalId);
  const view = decoded === null ? null : await getAccountPlanPage(decoded);
  if (!view || !can(user, "account:read", view.account)) notFound();
  const { account, plan, versions } = view;
  const canEdit = can(user, "account-plan:edit", account);
  const { externalId: _id, version, updatedAt, updatedBy, ...content } = plan;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href="/accounts" className="hover:text-slate-700">
          Accounts
        </Link>{" "}
        /{" "}
        <Link href={accountPath(account.externalId)} className="hover:text-slate-700">
          {account.name}
        </Link>{" "}
        / <span className="text-slate-700">Account plan</span>
      </nav>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Account plan: {account.name}</h1>
        <p className="mt-1 text-sm text-slate-500" data-testid="plan-status">
          {version === 0
            ? "Not written yet."
            : `Version ${version}, last changed ${formatDate(updatedAt?.slice(0, 10))} by ${updatedBy?.name ?? "Bowtie"}.`}
          {!canEdit && " Only the account's CSM or AE, a manager or an admin can change it."}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <PlanEditor key={version} accountId={account.id} plan={content} canEdit={canEdit} growthHref="/whitespace" />
        <div>
          <VersionHistory versions={versions} />
        </div>
      </div>
    </>
  );
}
