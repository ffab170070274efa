// Every component type the renderer draws, by the type name the engine's builders use.
// The data table (AG Grid, about a megabyte of script) loads on first use, as plotly.js does,
// so a window without a table starts without parsing it.

import { createElement, lazy, Suspense, type ComponentType } from "react";
import { type ComponentProps } from "../props";
import { htmlComponents } from "./html";
import { inputComponents } from "./inputs";
import { choiceComponents } from "./choices";
import { sliderComponents } from "./sliders";
import { dateComponents } from "./dates";
import { tabComponents } from "./tabs";
import { graphComponents } from "./graph";
import { utilityComponents } from "./utility";
import { layoutComponents } from "./layout";

const LazyDataTable = lazy(() => import("./table").then((m) => ({ default: m.tableComponents.DataTable })));

function DataTable(p: ComponentProps) {
  return createElement(Suspense, { fallback: null }, createElement(LazyDataTable, p));
}

export const registry: Record<string, ComponentType<ComponentProps>> = {
  ...htmlComponents,
  ...inputComponents,
  ...choiceComponents,
  ...sliderComponents,
  ...dateComponents,
  ...tabComponents,
  ...graphComponents,
  DataTable,
  ...utilityComponents,
  ...layoutComponents,
};
