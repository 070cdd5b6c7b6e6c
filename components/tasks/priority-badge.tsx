import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TaskPriority } from "@/lib/generated/prisma/enums";

const PRIORITIES: Record<TaskPriority, { label: string; tone: BadgeTone }> = {
  urgent: { label: "Urgent", tone: "red" },
  high: { label: "High", tone: "yellow" },
  normal: { label: "Normal", tone: "slate" },
  low: { label: "Low", tone: "slate" },
};

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { label, tone } = PRIORITIES[priority];
  return <Badge tone={tone}>{label}</Badge>;
}
