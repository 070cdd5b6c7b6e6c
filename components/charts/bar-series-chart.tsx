"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, formatTick, formatValue, type ChartSeries, type ValueFormat, legendText } from "./chart-format";

type Row = Record<string, string | number | null>;

/**
 * Bars per category, one colour per series (stacked or side by side). `horizontal` lays the
 * categories down the side, for long labels such as churn reasons.
 */
export function BarSeriesChart({
  data,
  categoryKey,
  series,
  format,
  label,
  stacked = false,
  horizontal = false,
  height = 256,
  categoryColors,
}: {
  data: Row[];
  categoryKey: string;
  series: ChartSeries[];
  format: ValueFormat;
  label: string;
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
  /** One colour per category (a single series only), e.g. health bands. */
  categoryColors?: string[];
}) {
  const valueAxis = {
    tickFormatter: (v: number) => formatTick(format, v),
    tickLine: false,
    axisLine: false,
    tick: AXIS_TICK,
    allowDecimals: format !== "count",
  };
  const categoryAxis = {
    dataKey: categoryKey,
    tickLine: false,
    axisLine: false,
    tick: AXIS_TICK,
    interval: 0 as const,
  };
  return (
    <div className="chart w-full" style={{ height }} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} stroke="#e2e8f0" />
          {horizontal ? (
            <>
              <XAxis type="number" {...valueAxis} />
              <YAxis type="category" {...categoryAxis} width={170} />
            </>
          ) : (
            <>
              <XAxis {...categoryAxis} />
              <YAxis {...valueAxis} width={64} />
            </>
          )}
          <Tooltip formatter={(v, name) => [formatValue(format, Number(v)), name]} cursor={{ fill: "#f1f5f9" }} />
          {series.length > 1 && (
            <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
          )}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              isAnimationActive={false}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={stacked ? "stack" : undefined}
              maxBarSize={56}
              radius={!stacked || i === series.length - 1 ? (horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]) : undefined}
            >
              {categoryColors?.map((color, j) => (
                <Cell key={j} fill={color} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
