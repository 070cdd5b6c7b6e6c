import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { HealthBadge } from "@/components/accounts/health-badge";
import { ActivityPanels } from "@/components/accounts/account-page/activity-panels";
import { HealthExplanation } from "@/components/accounts/account-page/health-explanation";
import { BandMeaning } from "./band-meaning";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getActiveOverride } from "@/lib/data/accounts/overrides";
import { SentimentNote, SentimentOverrideForm } from "@/components/accounts/sentiment-override";
import { StageOverrideForm } from "@/components/accounts/stage-override";
import { AccountActions } from "@/components/accounts/account-actions";
import { TouchpointForm } from "@/components/accounts/touchpoint-form";
import { ContactForm } from "@/components/accounts/contact-form";
import { SurveyForm } from "@/components/accounts/survey-form";
import { ReassignAccountPanel } from "./reassign-panel";
import { RenewalPanel } from "./renewal-panel";
import { AccountGrowth } from "@/components/expansion/account-growth";
import { getAccountGrowth } from "@/lib/data/expansion/pipeline";

import { getAccount, getAccountChanges, getAccountHealthView } from "@/lib/data/accounts/triage";
import { CreateTaskForm } from "@/components/tasks/create-task-form";
import { Trend } from "@/components/accounts/trend";
import { StatusBadge } from "@/components/offboarding/status-badge";
import { TerminationForm } from "@/components/offboarding/termination-form";
import { getAccountStatusLabel } from "@/lib/data/offboarding/checklist";
import { accountPath, decodePathSegment, offboardingPath } from "@/lib/paths";
import { AccountPlanLink } from "@/components/account-plan/plan-link";
import { formatDate, formatMoney, formatRelativeDays, SEGMENT_LABELS, STAGE_LABELS } from "@/lib/format";
import { clock } from "@/lib/clock";
import { getOnboarding } from "@/lib/data/onboarding/plan";
import { getQbrPanel } from "@/lib/data/qbrs/qbrs";
import { QbrPanel } from "@/components/qbrs/qbr-panel";
import { getSuccessPlan } from "@/lib/data/renewals/commercial";
import { SuccessPlanPanel } from "@/components/success-plan/success-plan-panel";
import { SuccessPlanForm } from "@/components/success-plan/success-plan-form";
import { OnboardingPanel } from "@/components/onboarding/onboarding-panel";

type Params = { params: Promise<{ externalId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { externalId } = await params;
  return { title: decodePathSegment(externalId) ?? "Account" };
}

export default async function AccountPage({ params }: Params) {
  const user = await requireUser();
  const { externalId } = await params;
  const decoded = decodePathSegment(externalId);
  const account = decoded === null ? null : await getAccount(decoded);
  if (!account) notFound();
  const [view, override, changes, statusLabel, onboarding, growth, reviews, successPlan] = await Promise.all([
    getAccountHealthView(account.id),
    getActiveOverride(account.id),
    getAccountChanges(account.id),
    getAccountStatusLabel(account.id, account.status),
    getOnboarding(account.id, account),
    getAccountGrowth(account.id, account.externalId),
    getQbrPanel(account.id, account),
    getSuccessPlan(account.id, account),
  ]);
  const today = clock.today();
  const contactOptions = account.contacts.map((c) => ({ email: c.email, name: c.name, execSponsor: c.execSponsor }));
  const canEdit = can(user, "account:edit", { csmId: account.csm?.id ?? null, aeId: account.ae?.id ?? null });

  const facts: [string, string][] = [
    ["ARR", formatMoney(account.arr)],
    ["Seats", account.seats.toLocaleString("en-US")],
    ["Renewal", `${formatDate(account.renewalDate)} (${formatRelativeDays(account.daysToRenewal)})`],
    ["Contract start", formatDate(account.contractStart)],
    ["CSM", account.csm?.name ?? "Unassigned"],
    ["AE", account.ae?.name ?? "Unassigned"],
    ["Plan", account.plan ?? "—"],
    ["Industry", account.industry ?? "—"],
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href={account.status === "churned" ? "/former-customers" : "/accounts"} className="hover:text-slate-700">
          {account.status === "churned" ? "Former customers" : "Accounts"}
        </Link>{" "}
        / <span className="text-slate-700">{account.name}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{account.name}</h1>
        <HealthBadge band={account.healthBand} score={account.healthScore} testId="health-score" />
        <Trend value={view.trend} />
        <Badge>{SEGMENT_LABELS[account.segment]}</Badge>
        <span
          title={account.stageOverrideReason ? `Set by hand: ${account.stageOverrideReason}` : undefined}
          data-testid="lifecycle-stage"
        >
          <Badge tone="brand">
            {STAGE_LABELS[account.stage]}
            {account.stageIsManual ? " (manual)" : ""}
          </Badge>
        </span>
        {account.status === "churned" && (
          <>
            <StatusBadge label={statusLabel} />
            <Link
              href={offboardingPath(account.externalId)}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Offboarding checklist
            </Link>
          </>
        )}
        {account.domain && <span className="text-sm text-slate-500">{account.domain}</span>}
        <AccountPlanLink externalId={account.externalId} />
      </div>

      {override && (
        <div className="-mt-3 mb-5">
          <SentimentNote override={override} />
        </div>
      )}
      {account.stageIsManual && (
        <p className="-mt-3 mb-5 text-sm text-slate-600" data-testid="stage-override-note">
          <span className="font-medium text-slate-800">Stage set by hand:</span> {STAGE_LABELS[account.stage]} (derived:{" "}
          {STAGE_LABELS[account.derivedStage]})
          {account.stageOverrideReason ? ` — “${account.stageOverrideReason}”` : ""}
        </p>
      )}

      {canEdit && (
        <AccountActions
          items={[
            {
              key: "touchpoint",
              label: "Log a touchpoint",
              content: <TouchpointForm accountId={account.id} contacts={contactOptions} today={today} />,
            },
            {
              key: "survey",
              label: "Record NPS or CSAT",
              content: <SurveyForm accountId={account.id} contacts={contactOptions} today={today} />,
            },
            { key: "contact", label: "Add or edit a contact", content: <ContactForm accountId={account.id} /> },
            { key: "task", label: "Create a task", content: <CreateTaskForm accountId={account.id} /> },
            {
              key: "outcome",
              label: "Edit the success plan",
              content: <SuccessPlanForm accountId={account.id} outcomes={successPlan.outcomes} />,
            },
            {
              key: "sentiment",
              label: "Set sentiment",
              content: <SentimentOverrideForm accountId={account.id} hasOverride={override !== null} />,
            },
            {
              key: "stage",
              label: "Set lifecycle stage",
              content: (
                <StageOverrideForm
                  accountId={account.id}
                  derivedStage={account.derivedStage}
                  manualStage={account.stageIsManual ? account.stage : null}
                />
              ),
            },
            ...(account.status === "active" && can(user, "account:terminate")
              ? [
                  {
                    key: "terminate",
                    label: "Record termination",
                    content: <TerminationForm accountId={account.id} accountName={account.name} today={today} />,
                  },
                ]
              : []),
            ...(can(user, "accounts:reassign")
              ? [{ key: "reassign", label: "Reassign CSM or AE", content: <ReassignAccountPanel account={account} /> }]
              : []),
          ]}
        />
      )}

      <Card className="mb-6">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 px-5 py-4 md:grid-cols-4">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
              <dd className="mt-0.5 text-sm font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <BandMeaning band={account.healthBand} segment={account.segment} />
      <RenewalPanel account={account} user={user} />
      <OnboardingPanel accountId={account.id} plan={onboarding} today={today} editable={canEdit} />
      <QbrPanel accountId={account.id} accountPath={accountPath(account.externalId)} {...reviews} editable={canEdit} />
      <SuccessPlanPanel {...successPlan} today={today} />
      <HealthExplanation view={view} />
      <AccountGrowth
        growth={growth}
        user={user}
        account={{
          id: account.id,
          status: account.status,
          csmId: account.csm?.id ?? null,
          aeId: account.ae?.id ?? null,
        }}
      />
      <ActivityPanels account={account} changes={changes} />
    </>
  );
}
