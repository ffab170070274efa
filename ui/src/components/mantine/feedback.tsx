// Feedback: Alert, Progress, RingProgress, Loader, Skeleton, Notification, and the
// notifications API: NotificationContainer shows what a callback sends in its
// `sendNotifications` list (dmc's API: `{action: "show" | "update" | "hide" | "clean", id,
// title, message, color, autoClose, loading, withCloseButton, icon}`).

import "@mantine/notifications/styles.css";
import { useEffect, type ComponentType } from "react";
import { Alert, Loader, Notification, Progress, RingProgress, Skeleton } from "@mantine/core";
import { Notifications, notifications, type NotificationData } from "@mantine/notifications";
import { type ComponentProps } from "../../props";
import { Node } from "../../node";
import { loose, mantineProps, passThrough } from "./kit";

function closable(kind: "Alert" | "Notification", Mantine: unknown) {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => {
    if (p.props["hide"] === true) return null;
    return <Loose variant={kind === "Alert" ? "light" : undefined} {...mantineProps(kind, p, ["hide"])} onClose={() => p.setProps({ hide: true })} />;
  };
  Wrapped.displayName = kind;
  return Wrapped;
}

interface Sent {
  action?: string;
  id?: string;
  title?: unknown;
  message?: unknown;
  icon?: unknown;
  [other: string]: unknown;
}

/** One sent notification as Mantine's API takes it, its text or components drawn as nodes. */
function toMantine(n: Sent): NotificationData {
  const { action: _action, title, message, icon, ...rest } = n;
  return {
    ...(rest as Partial<NotificationData>),
    title: title === undefined ? undefined : <Node node={title} />,
    message: <Node node={message ?? ""} />,
    icon: icon === undefined ? undefined : <Node node={icon} />,
  };
}

export function deliver(list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const raw of list) {
    if (typeof raw !== "object" || raw === null) continue;
    const n = raw as Sent;
    switch (n.action ?? "show") {
      case "show":
        notifications.show(toMantine(n));
        break;
      case "update":
        if (typeof n.id === "string") notifications.update({ ...toMantine(n), id: n.id });
        break;
      case "hide":
        if (typeof n.id === "string") notifications.hide(n.id);
        break;
      case "clean":
        notifications.clean();
        break;
      case "cleanQueue":
        notifications.cleanQueue();
        break;
    }
  }
}

function DdNotificationContainer(p: ComponentProps) {
  const sent = p.props["sendNotifications"];
  useEffect(() => deliver(sent), [sent]);
  const props = mantineProps("NotificationContainer", p, ["sendNotifications"]);
  return <Notifications position="top-right" {...(props as Record<string, never>)} />;
}

export const feedbackComponents: Record<string, ComponentType<ComponentProps>> = {
  Alert: closable("Alert", Alert),
  Progress: passThrough("Progress", Progress),
  RingProgress: passThrough("RingProgress", RingProgress, { sections: [] }),
  Loader: passThrough("Loader", Loader),
  Skeleton: passThrough("Skeleton", Skeleton),
  Notification: closable("Notification", Notification),
  NotificationContainer: DdNotificationContainer,
};
