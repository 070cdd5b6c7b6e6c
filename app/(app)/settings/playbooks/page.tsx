import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { NoiseReport } from "@/components/playbooks/noise-report";
import { PlaybookCard } from "@/components/playbooks/playbook-card";
import { requirePermission } from "@/lib/auth/session";
import { listPlaybooks, NOISE_WINDOW_DAYS } from "@/lib/data/playbooks/admin";

export const metadata: Metadata = { title: "Playbooks · Settings" };

export default async function PlaybooksPage() {
  await requirePermission("playbooks:manage");
  const playbooks = await listPlaybooks();
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Noise report"
          description={`Tasks each playbook raised in the last ${NOISE_WINDOW_DAYS} days and how they were closed. A high dismissal rate means the playbook fires when people don't need it: tighten its conditions or turn it off.`}
        />
        <NoiseReport playbooks={playbooks} />
      </Card>
      <div className="space-y-4">
        {playbooks.map(({ noise: _noise, summary, ...rule }) => (
          <PlaybookCard key={rule.key} rule={rule} summary={summary} />
        ))}
      </div>
    </div>
  );
}
