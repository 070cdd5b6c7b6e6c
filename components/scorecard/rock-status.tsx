import { Badge } from "@/components/ui/badge";
import type { RockStatus } from "@/lib/generated/prisma/enums";

export const ROCK_STATUS_LABELS: Record<RockStatus, string> = {
  on_track: "On track",
  off_track: "Off track",
  done: "Done",
};

const TONES = { on_track: "green", off_track: "red", done: "slate" } as const;
const ICONS = { on_track: "●", off_track: "▲", done: "✓" } as const;

export function RockStatusBadge({ status }: { status: RockStatus }) {
  return (
    <Badge tone={TONES[status]} testId="rock-status">
      <span aria-hidden="true" className="mr-1">
        {ICONS[status]}
      </span>
      {ROCK_STATUS_LABELS[status]}
    </Badge>
  );
}
