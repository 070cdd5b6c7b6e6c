import { Badge, type BadgeTone } from "@/components/ui/badge";
import { MILESTONE_STATUS_LABELS, type MilestoneStatus } from "@/lib/domain/onboarding";

const TONES: Record<MilestoneStatus, BadgeTone> = { done: "green", on_track: "brand", behind: "yellow", stuck: "red" };

export function MilestoneStatusBadge({ status, testId }: { status: MilestoneStatus; testId?: string }) {
  return (
    <Badge tone={TONES[status]} testId={testId}>
      {MILESTONE_STATUS_LABELS[status]}
    </Badge>
  );
}
