// Every component type the renderer draws, by the type name the engine's builders use.
// Dash's html and core components and Mantine's layout basics and shared kinds load with the
// renderer. Mantine's other families, its charts (recharts), the data table (AG Grid) and
// plotly.js load the first time a window draws one of theirs, so a window without them
// starts without parsing them.

import { createElement, useSyncExternalStore, type ComponentType } from "react";
import { type ComponentProps } from "../props";
import kinds from "../kinds.json";
import { errorLog } from "../runtime/errors";
import { htmlComponents } from "./html";
import { inputComponents } from "./inputs";
import { choiceComponents } from "./choices";
import { sliderComponents } from "./sliders";
import { dateComponents } from "./dates";
import { graphComponents } from "./graph";
import { utilityComponents } from "./utility";
import { basicComponents } from "./mantine/basics";
import { sharedComponents } from "./mantine/shared";

type Registry = Record<string, ComponentType<ComponentProps>>;

/** A module of components, loaded the first time one of them is drawn. */
interface LazyModule {
  kinds: Registry;
  /** Resolves once the module is loaded (tests draw every kind after it). */
  ready: () => Promise<void>;
}

/** Components whose module loads when the first of them is drawn: until then they draw
 * nothing, and each redraws when it arrives. Not React's `lazy`: a component in a hidden
 * panel (Mantine keeps inactive tabs mounted, hidden) must still draw when it is shown. */
function onFirstUse(kinds: readonly string[], load: () => Promise<Registry>): LazyModule {
  let loaded: Registry | null = null;
  let pending: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const start = () =>
    (pending ??= load().then(
      (r) => {
        loaded = r;
        listeners.forEach((l) => l());
      },
      (e: unknown) => errorLog.push({ source: `loading ${kinds.join(", ")}`, inputs: [], message: String(e) }),
    ));
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const drawn = kinds.map((kind) => {
    const Drawn = (p: ComponentProps) => {
      const module = useSyncExternalStore(subscribe, () => loaded);
      if (!module) {
        void start();
        return null;
      }
      const Impl = module[kind];
      return Impl ? createElement(Impl, p) : null;
    };
    Drawn.displayName = kind;
    return [kind, Drawn] as const;
  });
  return { kinds: Object.fromEntries(drawn), ready: start };
}

const eager: Registry = {
  ...htmlComponents,
  ...inputComponents,
  ...choiceComponents,
  ...sliderComponents,
  ...dateComponents,
  ...graphComponents,
  ...utilityComponents,
  ...basicComponents,
  ...sharedComponents,
};

const CHARTS = ["AreaChart", "BarChart", "LineChart", "DonutChart", "PieChart", "Sparkline"];
/** Every other Mantine kind of the catalog comes from the families chunk. */
const FAMILIES = (kinds as string[]).filter((k) => !(k in eager) && !CHARTS.includes(k) && k !== "DataTable");

const lazyModules = [
  onFirstUse(["DataTable"], () => import("./table").then((m) => m.tableComponents)),
  onFirstUse(CHARTS, () => import("./mantine/charts").then((m) => m.chartComponents)),
  onFirstUse(FAMILIES, () => import("./mantine/families").then((m) => m.familyComponents)),
];

export const registry: Registry = Object.assign({}, eager, ...lazyModules.map((m) => m.kinds));

/** Loads every module drawn on first use (tests draw each kind after it). */
export async function loadEveryComponent(): Promise<void> {
  await Promise.all(lazyModules.map((m) => m.ready()));
}
