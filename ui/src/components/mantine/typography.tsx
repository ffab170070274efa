// Typography besides Text (./basics) and Code (./shared): Title, Anchor, Kbd, Blockquote, List.

import type { ComponentType, MouseEvent as ReactMouseEvent } from "react";
import { Anchor, Blockquote, Kbd, List, Title } from "@mantine/core";
import { type ComponentProps, navigateInApp, str } from "../../props";
import { mantineProps, passThrough } from "./kit";

/** A link; one to the app's own pages moves the window without reloading it (as `dcc.Link`
 * does), one that leaves the app is followed as usual (the shell opens it in the browser). */
const AnchorLink = passThrough("Anchor", Anchor);

function DdAnchor(p: ComponentProps) {
  const href = str(p.props, "href");
  return (
    <span
      style={{ display: "contents" }}
      onClickCapture={(e: ReactMouseEvent) => {
        if (href && navigateInApp(href)) e.preventDefault();
      }}
    >
      <AnchorLink {...p} />
    </span>
  );
}

function DdTitle(p: ComponentProps) {
  const order = p.props["order"];
  return <Title {...mantineProps("Title", p)} order={(typeof order === "number" && order >= 1 && order <= 6 ? order : 1) as 1} />;
}

export const typographyComponents: Record<string, ComponentType<ComponentProps>> = {
  Title: DdTitle,
  Anchor: DdAnchor,
  Kbd: passThrough("Kbd", Kbd),
  Blockquote: passThrough("Blockquote", Blockquote),
  List: passThrough("List", List),
  ListItem: passThrough("ListItem", List.Item),
};
