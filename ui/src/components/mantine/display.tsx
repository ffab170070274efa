// Data display: Badge, Avatar, Indicator, ThemeIcon, Accordion, Timeline, Image, Spoiler
// (Table is in ./shared).

import type { ComponentType } from "react";
import { Accordion, Avatar, Badge, Image, Indicator, Spoiler, ThemeIcon, Timeline } from "@mantine/core";
import { type ComponentProps, num, str } from "../../props";
import { Node } from "../../node";
import { mantineProps, passThrough, useLiveChildren } from "./kit";

function DdAccordion(p: ComponentProps) {
  const multiple = p.props["multiple"] === true;
  const v = p.props["value"];
  const value = multiple ? (Array.isArray(v) ? v : []) : typeof v === "string" ? v : null;
  return (
    <Accordion
      {...mantineProps("Accordion", p, ["value", "multiple"])}
      multiple={multiple}
      value={value as string}
      onChange={(next: string | string[] | null) => p.setProps({ value: next })}
    />
  );
}

function DdTimeline(p: ComponentProps) {
  const items = useLiveChildren(p.props["children"], "TimelineItem");
  return (
    <Timeline {...mantineProps("Timeline", p, ["children", "active"])} active={num(p.props, "active") ?? -1}>
      {items.map((it, i) => (
        <Timeline.Item
          key={i}
          title={it.props["title"] === undefined ? undefined : <Node node={it.props["title"]} />}
          bullet={it.props["bullet"] === undefined ? undefined : <Node node={it.props["bullet"]} />}
          lineVariant={str(it.props, "lineVariant") as "solid" | undefined}
          color={str(it.props, "color")}
        >
          <Node node={it.props["children"]} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A timeline item drawn outside a Timeline shows its title and children. */
function TimelineItem(p: ComponentProps) {
  return (
    <div>
      <Node node={p.props["title"]} />
      <Node node={p.props["children"]} />
    </div>
  );
}

function DdSpoiler(p: ComponentProps) {
  return (
    <Spoiler
      showLabel="Show more"
      hideLabel="Hide"
      maxHeight={100}
      {...mantineProps("Spoiler", p, ["expanded"])}
      expanded={p.props["expanded"] === true}
      onExpandedChange={(expanded) => p.setProps({ expanded })}
    />
  );
}

export const displayComponents: Record<string, ComponentType<ComponentProps>> = {
  Badge: passThrough("Badge", Badge),
  Avatar: passThrough("Avatar", Avatar),
  AvatarGroup: passThrough("AvatarGroup", Avatar.Group),
  Indicator: passThrough("Indicator", Indicator),
  ThemeIcon: passThrough("ThemeIcon", ThemeIcon),
  Accordion: DdAccordion,
  AccordionItem: passThrough("AccordionItem", Accordion.Item, { value: "" }),
  AccordionControl: passThrough("AccordionControl", Accordion.Control),
  AccordionPanel: passThrough("AccordionPanel", Accordion.Panel),
  Timeline: DdTimeline,
  TimelineItem,
  Image: passThrough("Image", Image),
  Spoiler: DdSpoiler,
};
