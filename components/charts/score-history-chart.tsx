"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatDate, formatShortDate as shortDate } from "@/lib/format";

/** Health score over time with the band thresholds (60 yellow, 80 green) drawn in. */
export function ScoreHistoryChart({ data }: { data: { asOf: string; score: number | null }[] }) {
  const last = data.at(-1);
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label={`Health score history, ${data.length} points${last ? `, latest ${last.score} on ${formatDate(last.asOf)}` : ""}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <defs>
            <linearGradient id="scoreFill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#4f6ef7" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#4f6ef7" stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="asOf"
            tickFormatter={shortDate}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "#64748b", fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 60, 80, 100]}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "#64748b", fontSize: 11 }}
          />
          <ReferenceLine y={80} stroke="#16a34a" strokeDasharray="4 4" />
          <ReferenceLine y={60} stroke="#d97706" strokeDasharray="4 4" />
          <Tooltip labelFormatter={(v) => formatDate(String(v))} formatter={(v) => [v, "Score"]} />
          <Area
            isAnimationActive={false}
            type="monotone"
            dataKey="score"
            stroke="#3b54e0"
            strokeWidth={2}
            fill="url(#scoreFill)"
            connectNulls
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
