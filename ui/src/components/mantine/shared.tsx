// Mantine components that also serve Dash's html and core components of the same name:
// Button (html.Button: `n_clicks` counts clicks), Textarea (dcc.Textarea), Tabs (dcc.Tabs of
// Tab children, or dmc's TabsList/TabsTab/TabsPanel), Table (html.Table's Thead/Tr/Td
// children, or Mantine's `data={head, body}`) and Code. Drawn by Dash apps that use no other
// Mantine component, so they load with the renderer; the other families load on first use.

import type { ComponentType } from "react";
import { Button, Code, Table, Tabs, Textarea } from "@mantine/core";
import { type ComponentProps, str } from "../../props";
import { Node } from "../../node";
import { isComponent } from "../../runtime/ids";
import { clickProps } from "../html";
import { useDebouncedValue } from "../inputs";
import { mantineProps, passThrough } from "./kit";

function DdButton(p: ComponentProps) {
  const href = str(p.props, "href");
  const link = href ? { component: "a" as const, href } : {};
  return <Button variant="filled" {...mantineProps("Button", p, ["href"])} {...link} onClick={() => p.setProps(clickProps(p))} />;
}

/** Dash's dcc.Textarea and dmc.Textarea: `rows` (Dash) or `minRows`/`autosize` (Mantine). */
function DdTextarea(p: ComponentProps) {
  const { draft, onType, onBlur } = useDebouncedValue(p);
  return (
    <Textarea
      {...mantineProps("Textarea", p, ["value"])}
      value={typeof draft === "string" ? draft : ""}
      onChange={(e) => onType(e.currentTarget.value)}
      onBlur={onBlur}
    />
  );
}

/** dcc.Tabs: the children are `Tab`s, each drawn as a tab and its panel. */
function DashTabs(p: ComponentProps, tabs: { props: Record<string, unknown> }[]) {
  const value = str(p.props, "value") ?? (tabs[0] ? String(tabs[0].props["value"]) : null);
  return (
    <Tabs {...mantineProps("Tabs", p, ["value", "children"])} value={value} onChange={(v) => p.setProps({ value: v })}>
      <Tabs.List mb="md">
        {tabs.map((t) => (
          <Tabs.Tab key={String(t.props["value"])} value={String(t.props["value"])} disabled={t.props["disabled"] === true}>
            {String(t.props["label"] ?? t.props["value"])}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((t) => (
        <Tabs.Panel key={String(t.props["value"])} value={String(t.props["value"])}>
          <Node node={t.props["children"]} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function DdTabs(p: ComponentProps) {
  const kids = Array.isArray(p.props["children"]) ? (p.props["children"] as unknown[]) : [p.props["children"]];
  const dashTabs = kids.filter(isComponent).filter((c) => c.type === "Tab");
  if (dashTabs.length > 0) return DashTabs(p, dashTabs);
  return <Tabs {...mantineProps("Tabs", p, ["value"])} value={str(p.props, "value") ?? null} onChange={(v) => p.setProps({ value: v })} />;
}

/** A dcc.Tab drawn on its own (outside Tabs) shows its children. */
function Tab(p: ComponentProps) {
  return <Node node={p.props["children"]} />;
}

/** Mantine draws `data` only when the table has no children of its own. */
function DdTable(p: ComponentProps) {
  const data = p.props["data"];
  return <Table {...mantineProps("Table", p, data ? ["children"] : [])} />;
}

export const sharedComponents: Record<string, ComponentType<ComponentProps>> = {
  Button: DdButton,
  Textarea: DdTextarea,
  Tabs: DdTabs,
  Tab,
  TabsList: passThrough("TabsList", Tabs.List),
  TabsTab: passThrough("TabsTab", Tabs.Tab),
  TabsPanel: passThrough("TabsPanel", Tabs.Panel),
  Table: DdTable,
  Code: passThrough("Code", Code),
};
