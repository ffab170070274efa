// The Mantine families a window loads on first use (see ../index): layout and typography
// besides the basics, inputs, buttons besides Button, feedback, overlays, navigation besides
// Tabs, data display and icons.

import type { ComponentType } from "react";
import type { ComponentProps } from "../../props";
import { layoutComponents } from "./layout";
import { typographyComponents } from "./typography";
import { mantineInputComponents } from "./inputs";
import { buttonComponents } from "./buttons";
import { feedbackComponents } from "./feedback";
import { overlayComponents } from "./overlays";
import { navigationComponents } from "./navigation";
import { displayComponents } from "./display";
import { iconComponents } from "./icons";

export const familyComponents: Record<string, ComponentType<ComponentProps>> = {
  ...layoutComponents,
  ...typographyComponents,
  ...mantineInputComponents,
  ...buttonComponents,
  ...feedbackComponents,
  ...overlayComponents,
  ...navigationComponents,
  ...displayComponents,
  ...iconComponents,
};
