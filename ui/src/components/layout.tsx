// Layout primitives with Mantine's names and props (as dash-mantine-components has them):
// Card, Group, Stack, SimpleGrid and Text, so apps lay out and caption without inline styles.

import type { ComponentType } from "react";
import { Card, Group, SimpleGrid, Stack, Text, type MantineSpacing } from "@mantine/core";
import { type ComponentProps, domProps, num, sizeOrPx, str } from "../props";
import { Node } from "../node";

const children = (p: ComponentProps) => <Node node={p.props["children"]} />;
const space = (p: ComponentProps, key: string) => sizeOrPx(p.props, key) as MantineSpacing | undefined;

function DdCard(p: ComponentProps) {
  return (
    <Card
      {...domProps(p)}
      withBorder={p.props["withBorder"] === true}
      shadow={str(p.props, "shadow") ?? "xs"}
      radius={sizeOrPx(p.props, "radius") ?? "lg"}
      padding={space(p, "padding") ?? "md"}
      miw={0}
    >
      {children(p)}
    </Card>
  );
}

function DdGroup(p: ComponentProps) {
  return (
    <Group
      {...domProps(p)}
      gap={space(p, "gap") ?? "md"}
      justify={str(p.props, "justify")}
      align={str(p.props, "align")}
      wrap={str(p.props, "wrap") === "nowrap" ? "nowrap" : "wrap"}
      grow={p.props["grow"] === true}
    >
      {children(p)}
    </Group>
  );
}

function DdStack(p: ComponentProps) {
  return (
    <Stack {...domProps(p)} gap={space(p, "gap") ?? "md"} justify={str(p.props, "justify")} align={str(p.props, "align")}>
      {children(p)}
    </Stack>
  );
}

function DdSimpleGrid(p: ComponentProps) {
  return (
    <SimpleGrid {...domProps(p)} cols={num(p.props, "cols") ?? 1} spacing={space(p, "spacing") ?? "md"}>
      {children(p)}
    </SimpleGrid>
  );
}

function DdText(p: ComponentProps) {
  return (
    <Text {...domProps(p)} size={str(p.props, "size")} c={str(p.props, "c")} fw={num(p.props, "fw")} ta={str(p.props, "ta") as "left" | undefined}>
      {children(p)}
    </Text>
  );
}

export const layoutComponents: Record<string, ComponentType<ComponentProps>> = {
  Card: DdCard,
  Group: DdGroup,
  Stack: DdStack,
  SimpleGrid: DdSimpleGrid,
  Text: DdText,
};
