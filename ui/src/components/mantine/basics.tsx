// The Mantine layout basics that load with the renderer: MantineProvider (a dmc app's root,
// its theme switchable at run time), and Card, Group, Stack, VirtualStack, SimpleGrid and
// Text, which plain Dash-style apps lay out with too. The rest of the layout and
// typography families load on first use (./families).

import { useContext, useEffect, type ComponentType } from "react";
import { Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { type ComponentProps } from "../../props";
import { Node } from "../../node";
import { ThemeContext } from "../../theme";
import { mantineProps, passThrough } from "./kit";
import { virtualStackComponents } from "./virtualStack";

function DdCard(p: ComponentProps) {
  return <Card shadow="xs" radius="lg" padding="md" miw={0} {...mantineProps("Card", p)} />;
}

/** dmc's MantineProvider: its `theme` and `forceColorScheme` reach the window's one Mantine
 * provider (Mantine does not nest them), so a callback can switch either at run time. */
function DdMantineProvider(p: ComponentProps) {
  const themes = useContext(ThemeContext);
  const theme = p.props["theme"];
  const scheme = p.props["forceColorScheme"];
  const themeKey = JSON.stringify(theme ?? null);
  useEffect(() => {
    themes.setLayoutTheme(typeof theme === "object" && theme !== null ? (theme as Record<string, unknown>) : null);
    themes.setForcedScheme(scheme === "light" || scheme === "dark" ? scheme : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [themeKey, scheme, themes]);
  useEffect(() => () => {
    themes.setLayoutTheme(null);
    themes.setForcedScheme(null);
  }, [themes]);
  return <Node node={p.props["children"]} />;
}

export const basicComponents: Record<string, ComponentType<ComponentProps>> = {
  MantineProvider: DdMantineProvider,
  Card: DdCard,
  Group: passThrough("Group", Group, { gap: "md" }),
  Stack: passThrough("Stack", Stack, { gap: "md" }),
  ...virtualStackComponents,
  SimpleGrid: passThrough("SimpleGrid", SimpleGrid, { cols: 1, spacing: "md" }),
  Text: passThrough("Text", Text),
};
