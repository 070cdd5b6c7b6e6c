"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK } from "@/components/charts/chart-format";
import { formatPercent } from "@/lib/format";

/**
 * The ROC curve: for each score threshold, the share of lost renewals flagged (up) against the
 * share of kept ones flagged (across). The dashed diagonal is a coin toss.
 */
export function RocCurveChart({ points, label }: { points: [number, number][]; label: string }) {
  const data = points.map(([fpr, tpr]) => ({ fpr, tpr }));
  const axis = {
    type: "number" as const,
    domain: [0, 1],
    ticks: [0, 0.25, 0.5, 0.75, 1],
    tickFormatter: (v: number) => formatPercent(v),
    tickLine: false,
    axisLine: false,
    tick: AXIS_TICK,
  };
  return (
    <div className="chart h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="fpr"
            {...axis}
            label={{
              value: "Kept renewals flagged",
              position: "insideBottom",
              offset: -8,
              fill: "#64748b",
              fontSize: 11,
            }}
          />
          <YAxis
            {...axis}
            width={56}
            label={{
              value: "Lost renewals flagged",
              angle: -90,
              position: "insideLeft",
              fill: "#64748b",
              fontSize: 11,
            }}
          />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            stroke="#94a3b8"
            strokeDasharray="4 4"
          />
          <Tooltip
            labelFormatter={(v) => `Kept renewals flagged: ${formatPercent(Number(v), 1)}`}
            formatter={(v) => [formatPercent(Number(v), 1), "Lost renewals flagged"]}
          />
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="tpr"
            stroke="#4f46e5"
            strokeWidth={2}
            dot={false}
            name="Lost renewals flagged"
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
