// Layout: MantineProvider (the app's theme, switchable at run time), AppShell and its
// sections, Container, Grid, SimpleGrid, Group, Stack, Flex, Center, Space, Divider, Paper,
// Card and its sections, ScrollArea.

import { useContext, useEffect, type ComponentType } from "react";
import {
  AppShell, Card, Center, Container, Divider, Flex, Grid, Group, Paper, ScrollArea, SimpleGrid, Space, Stack,
} from "@mantine/core";
import { type ComponentProps } from "../../props";
import { Node } from "../../node";
import { ThemeContext } from "../../theme";
import { mantineProps, passThrough } from "./kit";

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

/** AppShell with dmc's section props: `header={"height": 60}`, `navbar={"width": 300,
 * "breakpoint": "sm"}`; the sections are its children. */
function DdAppShell(p: ComponentProps) {
  return <AppShell {...mantineProps("AppShell", p)} />;
}

function DdCard(p: ComponentProps) {
  return <Card shadow="xs" radius="lg" padding="md" miw={0} {...mantineProps("Card", p)} />;
}

export const layoutComponents: Record<string, ComponentType<ComponentProps>> = {
  MantineProvider: DdMantineProvider,
  AppShell: DdAppShell,
  AppShellHeader: passThrough("AppShellHeader", AppShell.Header, { p: "md" }),
  AppShellNavbar: passThrough("AppShellNavbar", AppShell.Navbar, { p: "md" }),
  AppShellAside: passThrough("AppShellAside", AppShell.Aside, { p: "md" }),
  AppShellMain: passThrough("AppShellMain", AppShell.Main),
  AppShellFooter: passThrough("AppShellFooter", AppShell.Footer, { p: "md" }),
  Container: passThrough("Container", Container),
  Grid: passThrough("Grid", Grid),
  GridCol: passThrough("GridCol", Grid.Col),
  SimpleGrid: passThrough("SimpleGrid", SimpleGrid, { cols: 1, spacing: "md" }),
  Group: passThrough("Group", Group, { gap: "md" }),
  Stack: passThrough("Stack", Stack, { gap: "md" }),
  Flex: passThrough("Flex", Flex),
  Center: passThrough("Center", Center),
  Space: passThrough("Space", Space),
  Divider: passThrough("Divider", Divider),
  Paper: passThrough("Paper", Paper, { p: "md" }),
  Card: DdCard,
  CardSection: passThrough("CardSection", Card.Section),
  ScrollArea: passThrough("ScrollArea", ScrollArea),
};
