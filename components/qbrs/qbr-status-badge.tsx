import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  scheduled: { label: "Scheduled", tone: "brand" },
  held: { label: "Held", tone: "green" },
  cancelled: { label: "Did not take place", tone: "slate" },
};

export function QbrStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? STATUS.scheduled;
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
