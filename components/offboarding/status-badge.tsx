import { Badge } from "@/components/ui/badge";
import type { AccountStatusLabel } from "@/lib/domain/offboarding";

/** Active, Offboarding (churned, checklist open) or Churned (checklist done). */
export function StatusBadge({ label }: { label: AccountStatusLabel }) {
  const tone = label === "Active" ? "green" : label === "Offboarding" ? "yellow" : "red";
  return (
    <Badge tone={tone} testId="account-status">
      {label}
    </Badge>
  );
}
