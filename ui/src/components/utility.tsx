// Components that are mostly behaviour: store (not drawn), interval, loading, markdown,
// location and link (pages), upload and download.

import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { Anchor, Box, FileButton, Button, LoadingOverlay } from "@mantine/core";
import { marked } from "marked";
import DOMPurify from "dompurify";
import { type ComponentProps, domProps, navigateInApp, num, str } from "../props";
import { Node, useSession } from "../node";
import { type ComponentId, idKey, isComponent } from "../runtime/ids";

function Store() {
  return null;
}

function Interval(p: ComponentProps) {
  const period = num(p.props, "interval") ?? 1000;
  const disabled = p.props["disabled"] === true;
  const max = num(p.props, "max_intervals") ?? -1;
  const count = useRef(num(p.props, "n_intervals") ?? 0);
  count.current = num(p.props, "n_intervals") ?? 0;
  const setProps = useRef(p.setProps);
  setProps.current = p.setProps;
  useEffect(() => {
    if (disabled) return;
    const timer = setInterval(() => {
      if (max >= 0 && count.current >= max) return;
      // Counted here, not from props: several ticks may pass before the next render.
      count.current += 1;
      setProps.current({ n_intervals: count.current });
    }, period);
    return () => clearInterval(timer);
  }, [period, disabled, max]);
  return null;
}

/** Ids of every component inside `v`. */
function idsWithin(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => idsWithin(x, out));
  else if (isComponent(v)) {
    const id = v.props["id"] as ComponentId | undefined;
    if (id !== undefined && id !== null) out.push(idKey(id));
    Object.values(v.props).forEach((x) => idsWithin(x, out));
  }
  return out;
}

/** Shows a spinner over its children while a callback is computing any of them. */
function Loading(p: ComponentProps) {
  const session = useSession();
  const ids = useMemo(() => idsWithin(p.props["children"]), [p.props["children"]]);
  const busy = useSyncExternalStore(
    (l) => session.store.subscribeBusy(l),
    () => ids.some((k) => session.store.isBusy(k)),
  );
  return (
    <Box pos="relative" {...domProps(p)}>
      <LoadingOverlay visible={busy} zIndex={10} overlayProps={{ blur: 1 }} loaderProps={{ type: str(p.props, "type") === "dots" ? "dots" : "oval" }} />
      <Node node={p.props["children"]} />
    </Box>
  );
}

function Markdown(p: ComponentProps) {
  // Markdown may carry raw HTML: sanitized, it can show but never run script or handlers.
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(str(p.props, "children") ?? "", { async: false }) as string), [p.props["children"]]);
  return <div {...domProps(p)} className={["dd-markdown", str(p.props, "className")].filter(Boolean).join(" ")} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Mirrors the window's path; `link`s change it without reloading. */
function Location(p: ComponentProps) {
  const setProps = useRef(p.setProps);
  setProps.current = p.setProps;
  // A callback that sets `pathname` (Dash's dcc.Location as an Output) moves the window there.
  // Not on mount, though: then the layout's pathname is only its default, and a window
  // opened (or reloaded) at another path keeps it and reports it instead.
  const wanted = str(p.props, "pathname");
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (wanted !== undefined && wanted !== window.location.pathname) window.history.pushState(null, "", wanted);
  }, [wanted]);
  useEffect(() => {
    const sync = () => setProps.current({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash });
    if (p.props["pathname"] !== window.location.pathname || (p.props["search"] ?? "") !== window.location.search) sync();
    window.addEventListener("popstate", sync);
    window.addEventListener("deskdash:navigate", sync);
    return () => {
      window.removeEventListener("popstate", sync);
      window.removeEventListener("deskdash:navigate", sync);
    };
  }, []);
  return null;
}

function Link(p: ComponentProps) {
  const href = str(p.props, "href") ?? "/";
  return (
    <Anchor
      {...domProps(p)}
      href={href}
      onClick={(e: React.MouseEvent) => {
        e.preventDefault();
        navigateInApp(href);
      }}
    >
      <Node node={p.props["children"]} />
    </Anchor>
  );
}

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Upload: the chosen files' contents as data URLs, with names and times (as Dash's). */
function Upload(p: ComponentProps) {
  const multiple = p.props["multiple"] === true;
  const onFiles = async (files: File[]) => {
    const contents = await Promise.all(files.map(readAsDataUrl));
    const names = files.map((f) => f.name);
    const times = files.map((f) => f.lastModified / 1000);
    p.setProps(multiple ? { contents, filename: names, last_modified: times } : { contents: contents[0] ?? null, filename: names[0] ?? null, last_modified: times[0] ?? null });
  };
  return (
    <div {...domProps(p)}>
      <FileButton multiple={multiple} accept={str(p.props, "accept")} onChange={(f) => void onFiles(f === null ? [] : Array.isArray(f) ? f : [f])}>
        {(props) => (
          <Button variant="light" {...props}>
            {p.props["children"] ? <Node node={p.props["children"]} /> : "Choose a file"}
          </Button>
        )}
      </FileButton>
    </div>
  );
}

/** Download: setting `data` to `{content, filename, base64?}` saves it. */
function Download(p: ComponentProps) {
  const data = p.props["data"] as { content?: string; filename?: string; base64?: boolean; type?: string } | null;
  useEffect(() => {
    if (!data || typeof data.content !== "string") return;
    const bytes = data.base64 ? Uint8Array.from(atob(data.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data.content);
    const url = URL.createObjectURL(new Blob([bytes], { type: data.type ?? "application/octet-stream" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = data.filename ?? "download";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, [data]);
  return null;
}

export const utilityComponents = { Store, Interval, Loading, Markdown, Location, Link, Upload, Download };
