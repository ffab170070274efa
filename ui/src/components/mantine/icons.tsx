// DashIconify: icons by dash-iconify's names ("tabler:trash", "mdi:home"), drawn from icon
// sets bundled with the app (Iconify's JSON data from npm), so nothing is fetched. Each set is
// a chunk of its own, loaded the first time one of its icons is drawn.

import { useEffect, useSyncExternalStore, type ComponentType } from "react";
import type { IconifyJSON } from "@iconify/types";
import { getIconData } from "@iconify/utils/lib/icon-set/get-icon";
import { iconToSVG } from "@iconify/utils/lib/svg/build";
import { replaceIDs } from "@iconify/utils/lib/svg/id";
import { type ComponentProps, domProps, str } from "../../props";
import { errorLog } from "../../runtime/errors";

const SETS: Record<string, () => Promise<IconifyJSON>> = {
  tabler: () => import("@iconify-json/tabler/icons.json").then((m) => m.default as IconifyJSON),
  mdi: () => import("@iconify-json/mdi/icons.json").then((m) => m.default as IconifyJSON),
};

const loaded = new Map<string, IconifyJSON>();
const loading = new Set<string>();
const listeners = new Set<() => void>();
/** Counts loaded sets, so every icon waiting for one redraws when it arrives. */
let setsLoaded = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts loading a prefix's set once, whichever icon asks first. */
function ensureLoaded(prefix: string): void {
  const load = SETS[prefix];
  if (!load || loaded.has(prefix) || loading.has(prefix)) return;
  loading.add(prefix);
  load().then(
    (data) => {
      loaded.set(prefix, data);
      loading.delete(prefix);
      setsLoaded += 1;
      listeners.forEach((l) => l());
    },
    (e: unknown) => {
      loading.delete(prefix);
      errorLog.push({ source: `icon set ${prefix}`, inputs: [], message: `could not be loaded: ${String(e)}` });
    },
  );
}

/** The bundled icon set of a prefix, once loaded; null while loading, "unknown" for none. */
function useIconSet(prefix: string): IconifyJSON | null | "unknown" {
  useSyncExternalStore(subscribe, () => setsLoaded);
  useEffect(() => ensureLoaded(prefix), [prefix]);
  if (!SETS[prefix]) return "unknown";
  return loaded.get(prefix) ?? null;
}

/** dash-iconify's `rotate`: quarter turns (1), or degrees ("90deg"). */
function quarterTurns(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.endsWith("deg")) return Math.round(Number.parseFloat(v) / 90);
  return 0;
}

const size = (v: unknown): string | undefined => (typeof v === "number" ? `${v}px` : typeof v === "string" ? v : undefined);

function DashIconify(p: ComponentProps) {
  const name = str(p.props, "icon") ?? "";
  const [prefix = "", icon = ""] = name.split(":");
  const set = useIconSet(prefix);
  const width = size(p.props["width"]);
  const height = size(p.props["height"]) ?? width ?? "1em";
  const dom = domProps(p);
  const style = {
    ...(dom["style"] as Record<string, unknown> | undefined),
    color: str(p.props, "color"),
    verticalAlign: p.props["inline"] === true ? "-0.125em" : undefined,
  };
  const data = set && set !== "unknown" ? getIconData(set, icon) : null;
  if (!data) {
    // An unknown set or name shows a visible gap of the icon's size, named in its tooltip.
    const missing = set === "unknown" || (set !== null && !data);
    return (
      <span
        {...dom}
        className={missing ? "dd-icon-missing" : "dd-icon-loading"}
        title={missing ? `No bundled icon named ${name}` : undefined}
        style={{ ...style, display: "inline-block", width: width ?? height, height }}
      />
    );
  }
  const flip = str(p.props, "flip") ?? "";
  const rotate = p.props["rotate"];
  const svg = iconToSVG(data, {
    width: width ?? "auto",
    height,
    hFlip: flip.includes("horizontal"),
    vFlip: flip.includes("vertical"),
    rotate: quarterTurns(rotate),
  });
  return (
    <svg
      {...dom}
      {...svg.attributes}
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={name}
      style={style}
      // The markup comes from the bundled icon set, never from the app or the user.
      dangerouslySetInnerHTML={{ __html: replaceIDs(svg.body) }}
    />
  );
}

export const iconComponents: Record<string, ComponentType<ComponentProps>> = { DashIconify };
