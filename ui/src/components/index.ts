// Every component type the renderer draws, by the type name the engine's builders use.

import type { ComponentType } from "react";
import type { ComponentProps } from "../render";
import { htmlComponents } from "./html";
import { inputComponents } from "./inputs";
import { choiceComponents } from "./choices";
import { sliderComponents } from "./sliders";
import { dateComponents } from "./dates";
import { tabComponents } from "./tabs";
import { graphComponents } from "./graph";
import { tableComponents } from "./table";
import { utilityComponents } from "./utility";

export const registry: Record<string, ComponentType<ComponentProps>> = {
  ...htmlComponents,
  ...inputComponents,
  ...choiceComponents,
  ...sliderComponents,
  ...dateComponents,
  ...tabComponents,
  ...graphComponents,
  ...tableComponents,
  ...utilityComponents,
};
