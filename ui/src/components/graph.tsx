// Graph: a `figure` drawn by the bundled plotly.js (loaded on first use, so windows paint
// before its 4 MB are parsed). Clicks, hovers, selections and zooms come
// back as `clickData`, `hoverData`, `selectedData` and `relayoutData`. A new figure (or a
// Patch of one) goes through Plotly.react, which updates in place instead of redrawing anew.

import { useEffect, useRef } from "react";
import { useComputedColorScheme } from "@mantine/core";
import type { PlotlyElement } from "plotly.js-strict-dist-min";
import { type ComponentProps, domProps } from "../props";
import { chartLayout } from "../theme";
import { errorLog } from "../runtime/errors";

type Json = Record<string, unknown>;

let plotly: Promise<typeof import("plotly.js-strict-dist-min").default> | null = null;
function loadPlotly() {
  plotly ??= import("plotly.js-strict-dist-min").then((m) => m.default);
  return plotly;
}

function isPlain(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** `over` wins; nested objects merge. */
export function mergeLayout(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlain(b) && isPlain(v) ? mergeLayout(b, v) : v;
  }
  return out;
}

/** What Dash sends for a point event: plain fields only (plotly's points hold cycles). */
export function pointData(event: unknown): Json | null {
  if (!isPlain(event)) return null;
  const points = Array.isArray(event["points"]) ? (event["points"] as Json[]) : [];
  const out: Json = {
    points: points.map((pt) => {
      const keep: Json = {};
      for (const k of ["curveNumber", "pointNumber", "pointIndex", "x", "y", "z", "customdata", "text", "lat", "lon", "label", "value"]) {
        if (pt[k] !== undefined) keep[k] = pt[k];
      }
      return keep;
    }),
  };
  if (isPlain(event["range"])) out["range"] = event["range"];
  if (isPlain(event["lassoPoints"])) out["lassoPoints"] = event["lassoPoints"];
  return out;
}

function countPoints(data: unknown[]): number {
  let n = 0;
  for (const t of data) {
    const x = isPlain(t) ? t["x"] : undefined;
    if (Array.isArray(x) || ArrayBuffer.isView(x)) n += (x as ArrayLike<unknown>).length;
  }
  return n;
}

function Graph(p: ComponentProps) {
  const ref = useRef<HTMLDivElement>(null);
  const revision = useRef(0);
  const dark = useComputedColorScheme("light") === "dark";
  const figure = isPlain(p.props["figure"]) ? p.props["figure"] : {};
  const setProps = useRef(p.setProps);
  setProps.current = p.setProps;
  const key = p.idKey ?? "graph";

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const data = Array.isArray(figure["data"]) ? (figure["data"] as unknown[]) : [];
    const layout = mergeLayout(chartLayout(dark), isPlain(figure["layout"]) ? figure["layout"] : {});
    const config = { displaylogo: false, responsive: true, showLink: false, showSendToCloud: false, ...(isPlain(p.props["config"]) ? p.props["config"] : {}) };
    let cancelled = false;
    void loadPlotly()
      .then((Plotly) => (cancelled ? Promise.reject(new Error("superseded")) : Plotly.react(el, data, { autosize: true, ...layout }, config)))
      .then((gd: PlotlyElement) => {
      if (cancelled) return;
      revision.current += 1;
      const now = performance.now();
      const record = { revision: revision.current, afterplot: now, painted: 0, points: countPoints(data) };
      el.dataset["revision"] = String(record.revision);
      el.dataset["points"] = String(record.points);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          record.painted = performance.now();
          el.dataset["painted"] = String(record.revision);
        }),
      );
      if (!el.dataset["wired"]) {
        el.dataset["wired"] = "1";
        gd.on("plotly_click", (e) => setProps.current({ clickData: pointData(e) }));
        gd.on("plotly_hover", (e) => setProps.current({ hoverData: pointData(e) }));
        gd.on("plotly_selected", (e) => setProps.current({ selectedData: pointData(e) }));
        gd.on("plotly_relayout", (e) => setProps.current({ relayoutData: isPlain(e) ? e : null }));
      }
    })
      .catch((e: unknown) => {
        if (!cancelled) errorLog.push({ source: `graph ${key}`, inputs: [], message: String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [figure, dark, p.props["config"]]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void loadPlotly().then((Plotly) => Plotly.purge(el));
    };
  }, []);

  const attrs = domProps(p);
  const style = { width: "100%", height: "100%", minHeight: 280, ...((attrs["style"] as Json) ?? {}) };
  return <div {...attrs} style={style} ref={ref} className={["dd-graph", attrs["className"]].filter(Boolean).join(" ")} />;
}

export const graphComponents = { Graph };
