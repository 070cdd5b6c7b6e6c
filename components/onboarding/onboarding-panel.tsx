import { Card, CardHeader } from "@/components/ui/card";
import type { AccountOnboarding } from "@/lib/data/onboarding/plan";
import { OnboardingPlanEditor } from "./onboarding-plan";

/** The account page's onboarding plan (the page passes it only through the customer's first year). */
export function OnboardingPanel({
  accountId,
  plan,
  today,
  editable,
}: {
  accountId: number;
  plan: AccountOnboarding | null;
  today: string;
  editable: boolean;
}) {
  if (!plan) return null;
  return (
    <Card className="mb-6" id="onboarding">
      <CardHeader
        title="Onboarding plan"
        description={`${Math.round(plan.progress * 100)}% done · the first-30-days checklist and the milestones to full value.`}
      />
      <OnboardingPlanEditor accountId={accountId} plan={plan} today={today} editable={editable} />
    </Card>
  );
}
