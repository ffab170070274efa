// Mantine's charts (AreaChart, BarChart, LineChart, DonutChart, PieChart, Sparkline), drawn
// with recharts, for small summaries where plotly is heavy. This module is a chunk of its own
// (see ../index), loaded when a window first draws a chart. `clickData` is the clicked row.

import "@mantine/charts/styles.css";
import type { ComponentType } from "react";
import { AreaChart, BarChart, DonutChart, LineChart, PieChart, Sparkline } from "@mantine/charts";
import { type ComponentProps } from "../../props";
import { loose, mantineProps, passThrough } from "./kit";

interface ChartClick {
  activeLabel?: unknown;
  activePayload?: { payload?: unknown }[];
}

/** The row under a click on a cartesian chart, or nothing when the click hit no point. */
function clickedRow(e: unknown): unknown {
  const click = e as ChartClick | null;
  return click?.activePayload?.[0]?.payload ?? null;
}

function cartesian(kind: string, Mantine: unknown, handlers: string) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    const onClick = (e: unknown) => {
      const row = clickedRow(e);
      if (row !== null) p.setProps({ clickData: row });
    };
    return <Loose h={200} dataKey="" series={[]} data={[]} {...mantineProps(kind, p)} {...{ [handlers]: { onClick } }} />;
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

function round(kind: string, Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => (
    <Loose
      data={[]}
      {...mantineProps(kind, p)}
      pieProps={{ onClick: (entry: { payload?: unknown }) => p.setProps({ clickData: entry?.payload ?? null }) }}
    />
  );
  Wrapped.displayName = kind;
  return Wrapped;
}

export const chartComponents: Record<string, ComponentType<ComponentProps>> = {
  AreaChart: cartesian("AreaChart", AreaChart, "areaChartProps"),
  BarChart: cartesian("BarChart", BarChart, "barChartProps"),
  LineChart: cartesian("LineChart", LineChart, "lineChartProps"),
  DonutChart: round("DonutChart", DonutChart),
  PieChart: round("PieChart", PieChart),
  Sparkline: passThrough("Sparkline", Sparkline, { data: [], h: 60 }),
};
