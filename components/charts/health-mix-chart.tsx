"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BAND_LABELS } from "@/components/accounts/health-badge";
import { AXIS_TICK, BAND_COLORS, shortDate, legendText } from "./chart-format";

const STACK = ["red", "yellow", "green", "purple"] as const;

/** Accounts per health band, week by week, stacked (red at the bottom, where the eye starts). */
export function HealthMixChart({
  data,
}: {
  data: { week: string; red: number; yellow: number; green: number; purple: number }[];
}) {
  const last = data.at(-1);
  const summary = last ? STACK.map((b) => `${BAND_LABELS[b]} ${last[b]}`).join(", ") : "no data";
  return (
    <div
      className="chart h-64 w-full"
      role="img"
      aria-label={`Health mix over ${data.length} weeks; latest: ${summary}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="week"
            tickFormatter={shortDate}
            tickLine={false}
            axisLine={false}
            tick={AXIS_TICK}
            minTickGap={24}
          />
          <YAxis
            tickLine={false}
            axisLine={false}
            tick={AXIS_TICK}
            width={56}
            allowDecimals={false}
            tickFormatter={(v: number) => v.toLocaleString("en-US")}
          />
          <Tooltip
            labelFormatter={(v) => `Week to ${shortDate(String(v))}`}
            formatter={(v, name) => [Number(v).toLocaleString("en-US"), name]}
          />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
          {STACK.map((band) => (
            <Area
              key={band}
              isAnimationActive={false}
              type="monotone"
              dataKey={band}
              name={BAND_LABELS[band]}
              stackId="bands"
              stroke={BAND_COLORS[band]}
              fill={BAND_COLORS[band]}
              fillOpacity={0.55}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
