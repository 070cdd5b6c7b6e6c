"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatDate, formatShortDate as shortDate } from "@/lib/format";
import { legendText } from "./chart-format";

/** Weekly usage: logins (bars) and average daily active users (line). */
export function UsageChart({ data }: { data: { weekStart: string; activeUsers: number; logins: number }[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label={`Weekly usage over ${data.length} weeks`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="weekStart"
            tickFormatter={shortDate}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "#64748b", fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis
            yAxisId="logins"
            tickLine={false}
            axisLine={false}
            tick={{ fill: "#64748b", fontSize: 11 }}
            label={{
              value: "Logins a week",
              angle: -90,
              position: "insideLeft",
              fill: "#475569",
              fontSize: 11,
              dy: 36,
            }}
          />
          <YAxis
            yAxisId="users"
            orientation="right"
            width={44}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "#64748b", fontSize: 11 }}
            label={{
              value: "Daily active users",
              angle: 90,
              position: "insideRight",
              fill: "#475569",
              fontSize: 11,
              dy: -44,
            }}
          />
          <Tooltip labelFormatter={(v) => `Week of ${formatDate(String(v))}`} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
          <Bar
            isAnimationActive={false}
            yAxisId="logins"
            dataKey="logins"
            name="Logins"
            fill="#c7d4ff"
            radius={[3, 3, 0, 0]}
          />
          <Line
            isAnimationActive={false}
            yAxisId="users"
            dataKey="activeUsers"
            name="Avg. daily active users"
            stroke="#3b54e0"
            strokeWidth={2}
            dot={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
