"use client";

import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";

/** A measurable's 13 weeks as a small line, with its goal dashed. Decorative: the cells carry the numbers. */
export function Sparkline({ values, goal, offGoal }: { values: (number | null)[]; goal: number; offGoal: boolean }) {
  const data = values.map((value, i) => ({ i, value }));
  const known = values.filter((v): v is number => v !== null);
  const min = Math.min(goal, ...known);
  const max = Math.max(goal, ...known);
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
  return (
    <div className="h-8 w-20" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
          <YAxis hide domain={[min - pad, max + pad]} />
          <ReferenceLine y={goal} stroke="#94a3b8" strokeDasharray="3 3" />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="value"
            stroke={offGoal ? "#dc2626" : "#3b54e0"}
            strokeWidth={1.75}
            dot={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
