// Navigation besides Tabs (in ./shared): NavLink, Breadcrumbs, Pagination and Stepper. Stepper builds its steps from its
// StepperStep children's props, since Mantine's Stepper walks its children itself.

import type { ComponentType, MouseEvent as ReactMouseEvent } from "react";
import { Breadcrumbs, NavLink, Pagination, Stepper } from "@mantine/core";
import { type ComponentProps, navigateInApp, num, str } from "../../props";
import { Node } from "../../node";
import { isComponent } from "../../runtime/ids";
import { mantineProps, nodeList, useLiveChildren } from "./kit";

function DdNavLink(p: ComponentProps) {
  const nested = p.props["children"] !== undefined && p.props["children"] !== null;
  const opened = p.props["opened"];
  const control = nested ? { opened: opened === true, onChange: (next: boolean) => p.setProps({ opened: next }) } : {};
  const href = str(p.props, "href");
  return (
    <NavLink
      {...mantineProps("NavLink", p, ["opened", "href"])}
      {...control}
      {...(href ? { component: "a" as const, href } : {})}
      onClick={(e: ReactMouseEvent) => {
        // A link to one of the app's pages moves the window without reloading it.
        if (href && navigateInApp(href)) e.preventDefault();
        p.setProps({ n_clicks: (num(p.current(), "n_clicks") ?? 0) + 1 });
      }}
    />
  );
}

function DdBreadcrumbs(p: ComponentProps) {
  return <Breadcrumbs {...mantineProps("Breadcrumbs", p, ["children"])}>{nodeList(p.props["children"])}</Breadcrumbs>;
}

function DdPagination(p: ComponentProps) {
  return (
    <Pagination
      {...mantineProps("Pagination", p, ["value", "total"])}
      total={num(p.props, "total") ?? 1}
      value={num(p.props, "value") ?? 1}
      onChange={(value) => p.setProps({ value })}
    />
  );
}

function DdStepper(p: ComponentProps) {
  const steps = useLiveChildren(p.props["children"], "StepperStep");
  const done = (Array.isArray(p.props["children"]) ? p.props["children"] : [p.props["children"]])
    .filter(isComponent)
    .find((c) => c.type === "StepperCompleted");
  const active = num(p.props, "active") ?? 0;
  return (
    <Stepper {...mantineProps("Stepper", p, ["active", "children"])} active={active} onStepClick={(step) => p.setProps({ active: step })}>
      {steps.map((s, i) => (
        <Stepper.Step
          key={i}
          label={s.props["label"] === undefined ? undefined : <Node node={s.props["label"]} />}
          description={s.props["description"] === undefined ? undefined : <Node node={s.props["description"]} />}
          icon={s.props["icon"] === undefined ? undefined : <Node node={s.props["icon"]} />}
          color={str(s.props, "color")}
          loading={s.props["loading"] === true}
          allowStepSelect={s.props["allowStepSelect"] === false ? false : undefined}
        >
          <Node node={s.props["children"]} />
        </Stepper.Step>
      ))}
      {done && (
        <Stepper.Completed>
          <Node node={done.props["children"]} />
        </Stepper.Completed>
      )}
    </Stepper>
  );
}

/** A step drawn outside a Stepper shows its children. */
const childrenOnly = (p: ComponentProps) => <Node node={p.props["children"]} />;

export const navigationComponents: Record<string, ComponentType<ComponentProps>> = {
  NavLink: DdNavLink,
  Breadcrumbs: DdBreadcrumbs,
  Pagination: DdPagination,
  Stepper: DdStepper,
  StepperStep: childrenOnly,
  StepperCompleted: childrenOnly,
};
