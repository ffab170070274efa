// VirtualStack: a Stack that mounts only the rows in view (plus a few either side), so a list
// of thousands costs what a screenful costs to draw, switch to and patch. The rows stay whole
// in the layout (callbacks' ALL inputs and row patches see every one); only their drawing is
// windowed. It scrolls with its nearest scrolling ancestor, or with the page when there is none.
// Hidden by its own props (`hidden`, or `display: none` in its style: a list kept drawn while
// another is shown), it keeps the rows it drew in the page untouched, inside a hidden React
// `Activity`: no effects, no measuring at zero height, no redraws as the page scrolls, and
// showing it again draws nothing anew.

import { Activity, useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type ReactNode } from "react";
import { Box, getSpacing } from "@mantine/core";
import { defaultRangeExtractor, useVirtualizer, useWindowVirtualizer, type Range, type Virtualizer } from "@tanstack/react-virtual";
import { type ComponentProps, num } from "../../props";
import { childKey, Node } from "../../node";
import { loose, mantineProps } from "./kit";

const HANDLED = ["children", "gap", "estimateSize", "overscan"] as const;
const ROW_ATTRIBUTE = "data-row-key";

/** Whether the list scrolls with the page rather than an element. */
const isPage = (scroller: HTMLElement | Window): scroller is Window => scroller === window;

/** The element the list scrolls with: its nearest ancestor that scrolls, or the page. */
function scrollParentOf(el: HTMLElement): HTMLElement | Window {
  for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === "auto" || overflowY === "scroll" || overflowY === "overlay") return p;
  }
  return window;
}

/** Where the list starts inside what scrolls it, kept current as content above it changes
 * height (a summary line that wraps, a banner that opens). */
function useScrollMargin(list: HTMLElement | null, scroller: HTMLElement | Window | null, shown: boolean): number {
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (!list || !scroller || !shown) return;
    const measure = () => {
      const top = list.getBoundingClientRect().top;
      const next =
        isPage(scroller) ? top + window.scrollY : top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setMargin((m) => (Math.abs(m - next) < 0.5 ? m : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(isPage(scroller) ? document.body : scroller);
    if (list.parentElement) observer.observe(list.parentElement);
    return () => observer.disconnect();
  }, [list, scroller, shown]);
  return margin;
}

interface RowsProps {
  rows: unknown[];
  keys: string[];
  gap: string | undefined;
  estimate: number;
  overscan: number;
  margin: number;
  scroller: HTMLElement | Window;
}

/** Keeps the row holding focus mounted while it scrolls out of view, so a half-typed edit
 * (held by its input until it is sent) is not dropped with it. */
function useFocusedRow(keys: string[]) {
  const focused = useRef<string | null>(null);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const rangeExtractor = useCallback((range: Range) => {
    const shown = defaultRangeExtractor(range);
    const at = focused.current === null ? -1 : keysRef.current.indexOf(focused.current);
    if (at < 0 || shown.includes(at)) return shown;
    return [...shown, at].sort((a, b) => a - b);
  }, []);
  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    focused.current = (e.target as HTMLElement).closest(`[${ROW_ATTRIBUTE}]`)?.getAttribute(ROW_ATTRIBUTE) ?? null;
  }, []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) focused.current = null;
  }, []);
  return { rangeExtractor, onFocus, onBlur };
}

function drawRows(v: Virtualizer<HTMLElement | Window, HTMLElement>, { rows, keys, gap, margin }: RowsProps): ReactNode {
  const items = v.getVirtualItems();
  return (
    <div style={{ position: "relative", height: v.getTotalSize() }}>
      {items.map((item) => (
        <div
          key={keys[item.index]}
          data-index={item.index}
          {...{ [ROW_ATTRIBUTE]: keys[item.index] }}
          ref={v.measureElement}
          style={{
            position: "absolute",
            top: 0,
            left: 0,
            width: "100%",
            transform: `translateY(${item.start - margin}px)`,
            paddingBottom: item.index < rows.length - 1 ? gap : undefined,
          }}
        >
          <Node node={rows[item.index]} />
        </div>
      ))}
    </div>
  );
}

function options(p: RowsProps, rangeExtractor: (r: Range) => number[]) {
  return {
    count: p.rows.length,
    estimateSize: () => p.estimate,
    overscan: p.overscan,
    scrollMargin: p.margin,
    getItemKey: (i: number) => p.keys[i] ?? i,
    rangeExtractor,
  };
}

function PageRows(p: RowsProps & { rangeExtractor: (r: Range) => number[] }) {
  const v = useWindowVirtualizer<HTMLElement>(options(p, p.rangeExtractor));
  return drawRows(v as Virtualizer<HTMLElement | Window, HTMLElement>, p);
}

function ElementRows(p: RowsProps & { rangeExtractor: (r: Range) => number[] }) {
  const scroller = p.scroller as HTMLElement;
  const v = useVirtualizer<HTMLElement, HTMLElement>({ ...options(p, p.rangeExtractor), getScrollElement: () => scroller });
  return drawRows(v as Virtualizer<HTMLElement | Window, HTMLElement>, p);
}

const LooseBox = loose(Box);

/** Whether the list's own props hide it. */
function hiddenByProps(props: Record<string, unknown>): boolean {
  const style = props["style"];
  const styleDisplay = style !== null && typeof style === "object" ? (style as Record<string, unknown>)["display"] : undefined;
  return props["hidden"] === true || styleDisplay === "none";
}

function VirtualStack(p: ComponentProps) {
  const children = p.props["children"];
  const rows = Array.isArray(children) ? children : children === undefined || children === null ? [] : [children];
  // Measured heights and the focused row follow a row's key when rows before it come or go.
  const keys = rows.map(childKey);
  const [list, setList] = useState<HTMLElement | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | Window | null>(null);
  useLayoutEffect(() => {
    if (list) setScroller(scrollParentOf(list));
  }, [list]);
  const shown = !hiddenByProps(p.props);
  const margin = useScrollMargin(list, scroller, shown);
  const { rangeExtractor, onFocus, onBlur } = useFocusedRow(keys);
  const gapProp = p.props["gap"];
  const rowsProps: RowsProps = {
    rows,
    keys,
    gap: gapProp === undefined || gapProp === null ? getSpacing("md") : getSpacing(gapProp as string | number),
    estimate: num(p.props, "estimateSize") ?? 40,
    overscan: num(p.props, "overscan") ?? 8,
    margin,
    scroller: scroller ?? window,
  };
  const Rows = scroller === null ? null : isPage(scroller) ? PageRows : ElementRows;
  return (
    <LooseBox {...mantineProps("VirtualStack", p, HANDLED)} ref={setList} data-rows={rows.length} onFocus={onFocus} onBlur={onBlur}>
      {Rows && (
        <Activity mode={shown ? "visible" : "hidden"}>
          <Rows {...rowsProps} rangeExtractor={rangeExtractor} />
        </Activity>
      )}
    </LooseBox>
  );
}

export const virtualStackComponents = { VirtualStack };
