// What an app's own component bundle sees (`window.deskdash`): React, the renderer's `Node`
// to draw children, and `register` to add a component under the name the app declared in
// Rust (`App::component`). A bundle imports React from here, never from npm, so the window
// runs one React.

import * as React from "react";
import type { ComponentType } from "react";
import { Node } from "./node";
import { registry } from "./components";
import { errorLog } from "./runtime/errors";
import type { ComponentProps } from "./props";

export interface PluginApi {
  React: typeof React;
  Node: typeof Node;
  register: (name: string, component: ComponentType<ComponentProps>) => void;
  reportError: (message: string) => void;
}

declare global {
  interface Window {
    deskdash?: PluginApi;
  }
}

/** Adds an app's component to the registry; a built-in name stays built in. */
export function register(name: string, component: ComponentType<ComponentProps>): void {
  if (name in registry) {
    errorLog.push({ source: "component bundle", inputs: [], message: `${name} is a built-in component and was not replaced` });
    return;
  }
  if (typeof component !== "function" && typeof component !== "object") {
    errorLog.push({ source: "component bundle", inputs: [], message: `${name} was registered with no component` });
    return;
  }
  registry[name] = component;
}

export function installPluginApi(): void {
  window.deskdash = {
    React,
    Node,
    register,
    reportError: (message) => errorLog.push({ source: "component bundle", inputs: [], message }),
  };
}
