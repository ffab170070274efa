// Overlays: Modal and Drawer (`opened`; closing sets it false), Tooltip, Popover, HoverCard
// and Menu with their targets and dropdowns; MenuItem counts clicks.

import { createContext, useContext, type ComponentType } from "react";
import { Drawer, HoverCard, Menu, Modal, Popover, Tooltip } from "@mantine/core";
import { type ComponentProps, num, str } from "../../props";
import { Node } from "../../node";
import { loose, mantineProps, passThrough, refTarget } from "./kit";

function dialog(kind: "Modal" | "Drawer", Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => (
    <Loose {...mantineProps(kind, p, ["opened"])} opened={p.props["opened"] === true} onClose={() => p.setProps({ opened: false })} />
  );
  Wrapped.displayName = kind;
  return Wrapped;
}

/** A controlled Popover leaves its target's clicks to the app: this toggles it. */
const TogglePopover = createContext<(() => void) | null>(null);

function floating(kind: "Popover" | "Menu", Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    const opened = p.props["opened"];
    const control = typeof opened === "boolean" ? { opened, onChange: (next: boolean) => p.setProps({ opened: next }) } : {};
    const toggle = typeof opened === "boolean" ? () => p.setProps({ opened: !opened }) : null;
    return (
      <TogglePopover.Provider value={toggle}>
        <Loose withinPortal {...mantineProps(kind, p, ["opened"])} {...control} />
      </TogglePopover.Provider>
    );
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

function target(kind: string, Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => <Loose>{refTarget(p.props["children"])}</Loose>;
  Wrapped.displayName = kind;
  return Wrapped;
}

function DdPopoverTarget(p: ComponentProps) {
  const toggle = useContext(TogglePopover);
  return <Popover.Target>{refTarget(p.props["children"], toggle ?? undefined)}</Popover.Target>;
}

function DdTooltip(p: ComponentProps) {
  const props = mantineProps("Tooltip", p, ["children", "label"]);
  return (
    <Tooltip {...props} label={<Node node={p.props["label"] ?? ""} />}>
      {refTarget(p.props["children"])}
    </Tooltip>
  );
}

function DdMenuItem(p: ComponentProps) {
  const href = str(p.props, "href");
  const link = href ? { component: "a" as const, href } : {};
  return (
    <Menu.Item
      {...mantineProps("MenuItem", p, ["href"])}
      {...link}
      onClick={() => p.setProps({ n_clicks: (num(p.current(), "n_clicks") ?? 0) + 1 })}
    />
  );
}

export const overlayComponents: Record<string, ComponentType<ComponentProps>> = {
  Modal: dialog("Modal", Modal),
  Drawer: dialog("Drawer", Drawer),
  Tooltip: DdTooltip,
  Popover: floating("Popover", Popover),
  PopoverTarget: DdPopoverTarget,
  PopoverDropdown: passThrough("PopoverDropdown", Popover.Dropdown),
  HoverCard: passThrough("HoverCard", HoverCard, { withinPortal: true }),
  HoverCardTarget: target("HoverCardTarget", HoverCard.Target),
  HoverCardDropdown: passThrough("HoverCardDropdown", HoverCard.Dropdown),
  Menu: floating("Menu", Menu),
  MenuTarget: target("MenuTarget", Menu.Target),
  MenuDropdown: passThrough("MenuDropdown", Menu.Dropdown),
  MenuItem: DdMenuItem,
  MenuLabel: passThrough("MenuLabel", Menu.Label),
  MenuDivider: passThrough("MenuDivider", Menu.Divider),
};
