"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, formatTick, formatValue, shortDate, type ChartSeries, type ValueFormat, legendText } from "./chart-format";

type Row = Record<string, string | number | null>;

/** Lines over time (x is a YYYY-MM-DD date), with optional dashed target lines. */
export function LineSeriesChart({ data, xKey, series, format, label, targets = [], xLabel = "" }: {
  data: Row[];
  xKey: string;
  series: ChartSeries[];
  format: ValueFormat;
  label: string;
  targets?: { value: number; label: string; color: string }[];
  /** Tooltip title before the date, e.g. "Week to". */
  xLabel?: string;
}) {
  return (
    <div className="chart h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey={xKey} tickFormatter={shortDate} tickLine={false} axisLine={false} tick={AXIS_TICK} minTickGap={20} />
          <YAxis tickFormatter={(v: number) => formatTick(format, v)} tickLine={false} axisLine={false} tick={AXIS_TICK} width={56} domain={["auto", "auto"]} />
          {targets.map((t) => (
            <ReferenceLine key={t.label} y={t.value} ifOverflow="extendDomain" stroke={t.color} strokeDasharray="4 4" label={{ value: t.label, position: "insideTopRight", fill: t.color, fontSize: 11 }} />
          ))}
          <Tooltip labelFormatter={(v) => `${xLabel}${xLabel ? " " : ""}${shortDate(String(v))}`} formatter={(v, name) => [formatValue(format, v == null ? null : Number(v)), name]} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
          {series.map((s) => (
            <Line key={s.key} isAnimationActive={false} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
