"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  AXIS_TICK,
  formatTick,
  formatValue,
  shortDate,
  type ChartSeries,
  type ValueFormat,
  legendText,
} from "./chart-format";
import { formatQuarterEnd } from "@/lib/format";

type Row = Record<string, string | number | null>;

/** Round percent ticks (1, 2, 5, 10 or 20 points apart, at most 6 steps) around the values and targets. */
function percentTicks(values: number[]): number[] | undefined {
  if (values.length === 0) return undefined;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5].find((s) => Math.ceil(max / s) - Math.floor(min / s) <= 6) ?? 1;
  const ticks = [];
  for (let i = Math.floor(min / step); i <= Math.max(Math.ceil(max / step), Math.floor(min / step) + 1); i++)
    ticks.push(Math.round(i * step * 100) / 100);
  return ticks;
}

/** Lines over time (x is a YYYY-MM-DD date), with optional dashed target lines. */
export function LineSeriesChart({
  data,
  xKey,
  series,
  format,
  label,
  targets = [],
  xLabel = "",
  xFormat = "day",
}: {
  data: Row[];
  xKey: string;
  series: ChartSeries[];
  format: ValueFormat;
  label: string;
  /** Target lines; with `to`, the target is the range from `value` to `to` (shaded). */
  targets?: { value: number; to?: number; label: string; color: string }[];
  /** How x values are written on the axis and in the tooltip: "Nov 23", or "Q1 2026" for quarter ends. */
  xFormat?: "day" | "quarter";
  /** Tooltip title before the date, e.g. "Week to". */
  xLabel?: string;
}) {
  const xText = xFormat === "quarter" ? formatQuarterEnd : shortDate;
  const values = data.flatMap((row) => series.map((s) => row[s.key])).filter((v): v is number => typeof v === "number");
  const ticks =
    format === "percent" ? percentTicks([...values, ...targets.flatMap((t) => [t.value, t.to ?? t.value])]) : undefined;
  return (
    <div className="chart h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey={xKey}
            tickFormatter={xText}
            tickLine={false}
            axisLine={false}
            tick={AXIS_TICK}
            minTickGap={20}
          />
          <YAxis
            tickFormatter={(v: number) => formatTick(format, v)}
            tickLine={false}
            axisLine={false}
            tick={AXIS_TICK}
            width={56}
            domain={ticks ? [ticks[0], ticks.at(-1) ?? ticks[0]] : ["auto", "auto"]}
            ticks={ticks}
          />
          {targets.map((t) =>
            t.to === undefined ? null : (
              <ReferenceArea key={`${t.label} range`} y1={t.value} y2={t.to} fill={t.color} fillOpacity={0.06} />
            ),
          )}
          {targets.map((t) => (
            <ReferenceLine
              key={t.label}
              y={t.value}
              ifOverflow="extendDomain"
              stroke={t.color}
              strokeDasharray="4 4"
              label={{ value: t.label, position: "insideTopRight", fill: t.color, fontSize: 11 }}
            />
          ))}
          <Tooltip
            labelFormatter={(v) => `${xLabel}${xLabel ? " " : ""}${xText(String(v))}`}
            formatter={(v, name) => [formatValue(format, v == null ? null : Number(v)), name]}
          />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
          {series.map((s) => (
            <Line
              key={s.key}
              isAnimationActive={false}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
