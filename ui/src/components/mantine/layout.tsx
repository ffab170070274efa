// Layout besides the basics (./basics): AppShell and its sections, Container, Grid, Flex, Center, Space, Divider, Paper,
// CardSection, ScrollArea.

import type { ComponentType } from "react";
import { AppShell, Card, Center, Container, Divider, Flex, Grid, Paper, ScrollArea, Space } from "@mantine/core";
import { type ComponentProps } from "../../props";
import { passThrough } from "./kit";


export const layoutComponents: Record<string, ComponentType<ComponentProps>> = {
  // dmc's section props (`header={"height": 60}`, `navbar={"width": 300, "breakpoint": "sm"}`);
  // the sections are its children.
  AppShell: passThrough("AppShell", AppShell),
  AppShellHeader: passThrough("AppShellHeader", AppShell.Header, { p: "md" }),
  AppShellNavbar: passThrough("AppShellNavbar", AppShell.Navbar, { p: "md" }),
  AppShellAside: passThrough("AppShellAside", AppShell.Aside, { p: "md" }),
  AppShellMain: passThrough("AppShellMain", AppShell.Main),
  AppShellFooter: passThrough("AppShellFooter", AppShell.Footer, { p: "md" }),
  Container: passThrough("Container", Container),
  Grid: passThrough("Grid", Grid),
  GridCol: passThrough("GridCol", Grid.Col),
  Flex: passThrough("Flex", Flex),
  Center: passThrough("Center", Center),
  Space: passThrough("Space", Space),
  Divider: passThrough("Divider", Divider),
  Paper: passThrough("Paper", Paper, { p: "md" }),
  CardSection: passThrough("CardSection", Card.Section),
  ScrollArea: passThrough("ScrollArea", ScrollArea),
};
