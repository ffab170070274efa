// The default theme, after the seed design guide: Inter (bundled), one accent, softened
// status colours, an 8 px spacing scale and few text sizes; charts styled to match.

import { createContext } from "react";
import { createTheme, mergeThemeOverrides, type MantineThemeOverride } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  fontFamily: "Inter, system-ui, sans-serif",
  headings: {
    fontFamily: "Inter, system-ui, sans-serif",
    fontWeight: "600",
    sizes: {
      h1: { fontSize: "32px", lineHeight: "1.25" },
      h2: { fontSize: "24px", lineHeight: "1.3" },
      h3: { fontSize: "18px", lineHeight: "1.35" },
      h4: { fontSize: "16px", lineHeight: "1.4" },
    },
  },
  fontSizes: { xs: "12px", sm: "14px", md: "16px", lg: "18px", xl: "24px" },
  spacing: { xs: "8px", sm: "8px", md: "16px", lg: "24px", xl: "32px" },
  radius: { xs: "4px", sm: "6px", md: "8px", lg: "12px", xl: "16px" },
  defaultRadius: "md",
});

/** Plotly layout defaults that match the theme in either colour scheme. */
export function chartLayout(dark: boolean): Record<string, unknown> {
  const text = dark ? "#c9c9d1" : "#3b3f4a";
  const grid = dark ? "#2e3038" : "#eceef3";
  return {
    font: { family: "Inter, system-ui, sans-serif", size: 12, color: text },
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    colorway: ["#4c6ef5", "#20c997", "#fab005", "#fa5252", "#7950f2", "#15aabf"],
    margin: { l: 48, r: 16, t: 40, b: 40 },
    xaxis: { gridcolor: grid, zerolinecolor: grid, linecolor: grid },
    yaxis: { gridcolor: grid, zerolinecolor: grid, linecolor: grid },
    hoverlabel: { font: { family: "Inter, system-ui, sans-serif" } },
  };
}

/** The window's theme: the default above, the app's (`App::theme` in Rust), then a layout's
 * `MantineProvider` theme, each merged over the one before. */
export function windowTheme(app: Record<string, unknown>, layout: Record<string, unknown> | null): MantineThemeOverride {
  return mergeThemeOverrides(theme, app as MantineThemeOverride, (layout ?? {}) as MantineThemeOverride);
}

/** How a layout's `MantineProvider` reaches the window's one Mantine provider. */
export interface ThemeControl {
  setLayoutTheme: (theme: Record<string, unknown> | null) => void;
  setForcedScheme: (scheme: "light" | "dark" | null) => void;
}

export const ThemeContext = createContext<ThemeControl>({ setLayoutTheme: () => {}, setForcedScheme: () => {} });
