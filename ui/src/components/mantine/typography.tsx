// Typography besides Text (./basics) and Code (./shared): Title, Anchor, Kbd, Blockquote, List.

import type { ComponentType } from "react";
import { Anchor, Blockquote, Kbd, List, Title } from "@mantine/core";
import { type ComponentProps } from "../../props";
import { mantineProps, passThrough } from "./kit";

function DdTitle(p: ComponentProps) {
  const order = p.props["order"];
  return <Title {...mantineProps("Title", p)} order={(typeof order === "number" && order >= 1 && order <= 6 ? order : 1) as 1} />;
}

export const typographyComponents: Record<string, ComponentType<ComponentProps>> = {
  Title: DdTitle,
  Anchor: passThrough("Anchor", Anchor),
  Kbd: passThrough("Kbd", Kbd),
  Blockquote: passThrough("Blockquote", Blockquote),
  List: passThrough("List", List),
  ListItem: passThrough("ListItem", List.Item),
};
