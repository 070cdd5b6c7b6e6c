"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK } from "@/components/charts/chart-format";

/** AUC per quarter of renewal date; 0.5 (chance) is marked. Quarters without both outcomes have no point. */
export function QuarterAucChart({
  quarters,
  label,
}: {
  quarters: { quarter: string; n: number; auc: number | null }[];
  label: string;
}) {
  return (
    <div className="chart h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={quarters} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="quarter" tickLine={false} axisLine={false} tick={AXIS_TICK} minTickGap={12} />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => v.toFixed(2)}
            tickLine={false}
            axisLine={false}
            tick={AXIS_TICK}
            width={48}
          />
          <ReferenceLine
            y={0.5}
            stroke="#94a3b8"
            strokeDasharray="4 4"
            label={{ value: "chance", position: "insideBottomRight", fill: "#64748b", fontSize: 11 }}
          />
          <Tooltip
            formatter={(v, _name, item) => [
              v == null ? "—" : Number(v).toFixed(2),
              `AUC (${(item.payload as { n: number }).n} renewals)`,
            ]}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="auc"
            name="AUC"
            stroke="#4f46e5"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
