import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { UsageChart } from "@/components/charts/usage-chart";
import { HealthBreakdown } from "@/components/accounts/health-breakdown";
import type { AccountHealthView } from "@/lib/data/accounts/triage";
import type { HealthResult } from "@/lib/domain/health";
import { COMPONENT_KEYS, COMPONENT_LABELS, MEASURE_LABELS } from "@/lib/domain/health-model";
import { formatDate } from "@/lib/format";

/** "Engagement 40 · product 30 · …": the weights of the model that produced this score. */
export function weightsLine(health: HealthResult): string {
  return COMPONENT_KEYS.map(
    (key, i) =>
      `${i === 0 ? COMPONENT_LABELS[key] : COMPONENT_LABELS[key].toLowerCase()} ${health.components[key].weight}`,
  ).join(" · ");
}

/** Why the score is what it is, measure by measure, then its history and the usage behind it. */
export function HealthExplanation({ view }: { view: AccountHealthView }) {
  return (
    <>
      <Card className="mb-6">
        <CardHeader
          title="Why this score"
          description={
            view.health
              ? `${weightsLine(view.health)}. Scored ${formatDate(view.asOf)}${view.health.biggestDetractor ? `; the biggest detractor is ${MEASURE_LABELS[view.health.biggestDetractor].toLowerCase()}.` : "."}`
              : undefined
          }
          actions={view.health?.insufficientData ? <Badge tone="yellow">Insufficient data</Badge> : undefined}
        />
        {view.health ? (
          <div className="p-5">
            <HealthBreakdown health={view.health} />
          </div>
        ) : (
          <EmptyState title="Not scored yet">
            The score appears as soon as usage, contacts or surveys arrive.
          </EmptyState>
        )}
      </Card>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Health score, last 6 months"
            description="Dashed lines mark the yellow (60) and green (80) bands."
          />
          {view.history.length ? (
            <div className="px-3 py-4">
              <ScoreHistoryChart data={view.history} />
            </div>
          ) : (
            <EmptyState title="No history yet" />
          )}
        </Card>
        <Card>
          <CardHeader title="Usage, last 6 months" description="Weekly logins and average daily active users." />
          {view.usage.length ? (
            <div className="px-3 py-4">
              <UsageChart data={view.usage} />
            </div>
          ) : (
            <EmptyState title="No usage reported" />
          )}
        </Card>
      </div>
    </>
  );
}
