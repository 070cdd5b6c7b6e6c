import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Band } from "@/lib/generated/prisma/enums";

export const BAND_LABELS: Record<Band, string> = { red: "Red", yellow: "Yellow", green: "Green", purple: "Purple" };

export function HealthBadge({ band, score, testId }: { band: Band | null; score: number | null; testId?: string }) {
  if (!band || score == null) return <Badge tone="slate">Not scored</Badge>;
  return (
    <Badge tone={band as BadgeTone} testId={testId}>
      <span className="tabular-nums">{score}</span>
      <span className="ml-1">· {BAND_LABELS[band]}</span>
    </Badge>
  );
}
