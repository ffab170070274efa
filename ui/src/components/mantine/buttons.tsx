// Buttons besides Button (in ./shared): ActionIcon and CopyButton (copies `value`, shows
// `copiedLabel` for a moment). Both count clicks in `n_clicks`.

import { useState, type ComponentType } from "react";
import { ActionIcon, Button, CopyButton } from "@mantine/core";
import { type ComponentProps, num, str } from "../../props";
import { Node } from "../../node";
import { mantineProps } from "./kit";

function DdActionIcon(p: ComponentProps) {
  const clicks = () => p.setProps({ n_clicks: (num(p.current(), "n_clicks") ?? 0) + 1 });
  return <ActionIcon variant="subtle" {...mantineProps("ActionIcon", p)} onClick={clicks} />;
}

function DdCopyButton(p: ComponentProps) {
  const own = mantineProps("CopyButton", p, ["value", "children", "copiedLabel", "copiedColor", "timeout"]);
  const [failed, setFailed] = useState(false);
  return (
    <CopyButton value={str(p.props, "value") ?? ""} timeout={num(p.props, "timeout") ?? 1500}>
      {({ copied, copy }) => (
        <Button
          variant="light"
          {...own}
          color={copied ? (str(p.props, "copiedColor") ?? "teal") : (own["color"] as string | undefined)}
          onClick={() => {
            try {
              copy();
            } catch {
              setFailed(true);
            }
            p.setProps({ n_clicks: (num(p.current(), "n_clicks") ?? 0) + 1 });
          }}
        >
          {failed ? "Copy failed" : copied ? <Node node={p.props["copiedLabel"] ?? "Copied"} /> : <Node node={p.props["children"] ?? "Copy"} />}
        </Button>
      )}
    </CopyButton>
  );
}

export const buttonComponents: Record<string, ComponentType<ComponentProps>> = {
  ActionIcon: DdActionIcon,
  CopyButton: DdCopyButton,
};
