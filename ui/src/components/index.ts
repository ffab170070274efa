// Every component type the renderer draws, by the type name the engine's builders use.
// Dash's html and core components and Mantine's layout, typography and shared kinds load with
// the renderer. Mantine's other families, its charts (recharts), the data table (AG Grid) and
// plotly.js load the first time a window draws one of theirs, so a window without them
// starts without parsing them.

import { createElement, lazy, Suspense, type ComponentType } from "react";
import { type ComponentProps } from "../props";
import { catalog } from "../catalog";
import { htmlComponents } from "./html";
import { inputComponents } from "./inputs";
import { choiceComponents } from "./choices";
import { sliderComponents } from "./sliders";
import { dateComponents } from "./dates";
import { graphComponents } from "./graph";
import { utilityComponents } from "./utility";
import { layoutComponents } from "./mantine/layout";
import { typographyComponents } from "./mantine/typography";
import { sharedComponents } from "./mantine/shared";

type Registry = Record<string, ComponentType<ComponentProps>>;

/** Components whose module loads when the first of them is drawn. */
function onFirstUse(kinds: readonly string[], load: () => Promise<Registry>): Registry {
  let module: Promise<Registry> | null = null;
  const once = () => (module ??= load());
  return Object.fromEntries(
    kinds.map((kind) => {
      const Lazy = lazy(() => once().then((r) => ({ default: r[kind] ?? (() => null) })));
      const Drawn = (p: ComponentProps) => createElement(Suspense, { fallback: null }, createElement(Lazy as ComponentType<ComponentProps>, p));
      Drawn.displayName = kind;
      return [kind, Drawn];
    }),
  );
}

const eager: Registry = {
  ...htmlComponents,
  ...inputComponents,
  ...choiceComponents,
  ...sliderComponents,
  ...dateComponents,
  ...graphComponents,
  ...utilityComponents,
  ...layoutComponents,
  ...typographyComponents,
  ...sharedComponents,
};

const CHARTS = ["AreaChart", "BarChart", "LineChart", "DonutChart", "PieChart", "Sparkline"];
/** Every other Mantine kind of the catalog comes from the families chunk. */
const FAMILIES = Object.keys(catalog.kinds).filter((k) => !(k in eager) && !CHARTS.includes(k) && k !== "DataTable");

export const registry: Registry = {
  ...eager,
  ...onFirstUse(["DataTable"], () => import("./table").then((m) => m.tableComponents)),
  ...onFirstUse(CHARTS, () => import("./mantine/charts").then((m) => m.chartComponents)),
  ...onFirstUse(FAMILIES, () => import("./mantine/families").then((m) => m.familyComponents)),
};
