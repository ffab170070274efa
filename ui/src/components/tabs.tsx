// Tabs: the children are `tab` components; `value` is the selected tab's value.

import { Tabs as MantineTabs } from "@mantine/core";
import { type ComponentProps, domProps, str } from "../props";
import { Node } from "../node";
import { isComponent } from "../runtime/ids";

function Tabs(p: ComponentProps) {
  const kids = Array.isArray(p.props["children"]) ? (p.props["children"] as unknown[]) : [p.props["children"]];
  const tabs = kids.filter(isComponent).filter((c) => c.type === "Tab");
  const value = str(p.props, "value") ?? (tabs[0] ? String(tabs[0].props["value"]) : null);
  return (
    <MantineTabs {...domProps(p)} value={value} onChange={(v) => p.setProps({ value: v })}>
      <MantineTabs.List mb="md">
        {tabs.map((t) => (
          <MantineTabs.Tab key={String(t.props["value"])} value={String(t.props["value"])} disabled={t.props["disabled"] === true}>
            {String(t.props["label"] ?? t.props["value"])}
          </MantineTabs.Tab>
        ))}
      </MantineTabs.List>
      {tabs.map((t) => (
        <MantineTabs.Panel key={String(t.props["value"])} value={String(t.props["value"])}>
          <Node node={t.props["children"]} />
        </MantineTabs.Panel>
      ))}
    </MantineTabs>
  );
}

/** A tab drawn on its own (outside `tabs`) shows its children. */
function Tab(p: ComponentProps) {
  return <Node node={p.props["children"]} />;
}

export const tabComponents = { Tabs, Tab };
