// Boots the renderer: connects the window to its Rust session, then draws the layout with the
// theme, the colour-scheme switch and (in debug builds) the error overlay.

import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-500.css";
import "@fontsource/inter/latin-600.css";
import "@fontsource/inter/latin-700.css";
import "./styles.css";
import { StrictMode, useContext, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { ActionIcon, Affix, Center, Loader, MantineProvider, Text, useMantineColorScheme, type MantineColorSchemeManager } from "@mantine/core";
import { Node, RegistryContext, SessionContext } from "./node";
import { registry } from "./components";
import { ErrorOverlay } from "./Overlay";
import { installPluginApi } from "./plugins";
import { Notices } from "./Notices";
import { WindowSession } from "./runtime/session";
import { tauriTransport } from "./runtime/transport";
import { errorLog } from "./runtime/errors";
import { recordBatchPaint, recordFirstPaint } from "./runtime/instrument";
import { ThemeContext, windowTheme, type ThemeControl } from "./theme";
import type { ComponentNode } from "./runtime/ids";

// The theme is the app's, kept in Rust (`window-state.json`, through `remember_theme`) and sent
// with the load message; the webview's own storage keeps nothing.
const schemeInMemory: MantineColorSchemeManager = {
  get: (fallback) => fallback,
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};

function SchemeToggle({ forced }: { forced: boolean }) {
  const session = useContext(SessionContext);
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const dark = colorScheme === "dark";
  const flip = () => {
    const next = dark ? "light" : "dark";
    setColorScheme(next);
    session?.rememberTheme(next);
  };
  // A layout that forces a scheme (`MantineProvider(forceColorScheme=...)`) owns it.
  if (forced) return null;
  return (
    <Affix position={{ top: 12, right: 16 }} zIndex={200}>
      <ActionIcon id="dd-scheme-toggle" variant="default" size="lg" radius="md" aria-label="Toggle colour scheme" onClick={flip}>
        <Text size="sm">{dark ? "☀" : "☾"}</Text>
      </ActionIcon>
    </Affix>
  );
}

function Root({ session, layout, forced }: { session: WindowSession; layout: ComponentNode | null; forced: boolean }) {
  const shown = layout;
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    if (session.theme) setColorScheme(session.theme);
  }, [layout, session, setColorScheme]);
  return (
    <RegistryContext.Provider value={registry}>
    <SessionContext.Provider value={session}>
      {shown ? (
        <div id="dd-root" data-ready="1">
          <Node node={shown} />
        </div>
      ) : (
        <Center h="100vh">
          <Loader />
        </Center>
      )}
      <SchemeToggle forced={forced} />
      <Notices />
      {session.debug && <ErrorOverlay />}
    </SessionContext.Provider>
    </RegistryContext.Provider>
  );
}

/** The window's one Mantine provider, with the app's theme and what the layout's
 * `MantineProvider` sets at run time. */
function Themed({ session, layout }: { session: WindowSession; layout: ComponentNode | null }) {
  const [layoutTheme, setLayoutTheme] = useState<Record<string, unknown> | null>(null);
  const [forced, setForcedScheme] = useState<"light" | "dark" | null>(null);
  const control = useMemo<ThemeControl>(() => ({ setLayoutTheme, setForcedScheme }), []);
  const merged = useMemo(() => windowTheme(session.appTheme, layoutTheme), [session.appTheme, layoutTheme]);
  return (
    <MantineProvider
      theme={merged}
      defaultColorScheme={session.colorScheme}
      forceColorScheme={forced ?? undefined}
      colorSchemeManager={schemeInMemory}
    >
      <ThemeContext.Provider value={control}>
        <Root session={session} layout={layout} forced={forced !== null} />
      </ThemeContext.Provider>
    </MantineProvider>
  );
}

async function boot() {
  installPluginApi();
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const session = new WindowSession(tauriTransport);
  const draw = (layout: ComponentNode | null) =>
    root.render(
      <StrictMode>
        <Themed session={session} layout={layout} />
      </StrictMode>,
    );
  draw(null);
  try {
    const load = await session.start();
    document.title = load.title;
    draw(load.layout);
    // First paint with the layout, and the paint after each batch, for the bench's startup
    // and load figures.
    if (load.instrument) {
      recordFirstPaint();
      session.store.onBatch(recordBatchPaint);
    }
  } catch (e) {
    session.debug = true;
    errorLog.push({ source: "connect", inputs: [], message: String(e) });
    draw(null);
  }
}

void boot();
