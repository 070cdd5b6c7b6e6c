"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "@/lib/format";

export function ArrBySegmentChart({ data }: { data: { label: string; arr: number; accounts: number }[] }) {
  return (
    <div
      className="h-64 w-full"
      role="img"
      aria-label={`ARR by segment: ${data.map((d) => `${d.label} ${formatMoney(d.arr)}`).join(", ")}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: "#64748b", fontSize: 12 }} />
          <YAxis
            tickFormatter={(v: number) => formatMoneyCompact(v)}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "#64748b", fontSize: 12 }}
            width={64}
          />
          <Tooltip formatter={(v) => formatMoney(Number(v))} cursor={{ fill: "#f1f5f9" }} />
          <Bar
            isAnimationActive={false}
            dataKey="arr"
            name="ARR"
            fill="#4f6ef7"
            radius={[6, 6, 0, 0]}
            maxBarSize={72}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
