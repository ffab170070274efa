// What every component receives, and the helpers components share to read props. Knows no
// component and no session, so component files import it without importing each other.

export interface ComponentProps {
  props: Record<string, unknown>;
  setProps: (changes: Record<string, unknown>) => void;
  /** The canonical id key, or null for components without an id. */
  idKey: string | null;
  /** The props as the session holds them now, including changes that did not redraw the
   * component (click counters). */
  current: () => Record<string, unknown>;
}

/** DOM attributes every component shares: string ids become the element id (tests and CSS
 * address them); map ids are kept as a data attribute. */
export function domProps(p: ComponentProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const id = p.props["id"];
  if (typeof id === "string") out["id"] = id;
  else if (p.idKey) out["data-dash-id"] = p.idKey;
  if (typeof p.props["className"] === "string") out["className"] = p.props["className"];
  if (typeof p.props["style"] === "object" && p.props["style"] !== null) out["style"] = p.props["style"];
  if (typeof p.props["title"] === "string") out["title"] = p.props["title"];
  if (p.props["hidden"] === true) out["hidden"] = true;
  return out;
}

export function str(props: Record<string, unknown>, key: string): string | undefined {
  const v = props[key];
  return typeof v === "string" ? v : undefined;
}

export function num(props: Record<string, unknown>, key: string): number | undefined {
  const v = props[key];
  return typeof v === "number" ? v : undefined;
}

/** A Mantine size token or a number of pixels, as the engine's builders allow. */
export function sizeOrPx(props: Record<string, unknown>, key: string): string | number | undefined {
  const v = props[key];
  return typeof v === "string" || typeof v === "number" ? v : undefined;
}

/** Moves the window to one of the app's own paths without reloading it (Dash's `dcc.Link`):
 * the history entry is pushed, and every `Location` hears of it. Returns false for a link
 * that leaves the app, which the caller lets the browser follow. */
export function navigateInApp(href: string): boolean {
  if (!href.startsWith("/") || href.startsWith("//")) return false;
  window.history.pushState(null, "", href);
  window.dispatchEvent(new Event("deskdash:navigate"));
  return true;
}
