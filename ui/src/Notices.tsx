// Notices the user must see in any build (a store that could not be saved, a database set
// aside, an update installed or refused): stacked at the top of the window until dismissed.

import { useSyncExternalStore } from "react";
import { Affix, Notification, Stack } from "@mantine/core";
import { noticeLog } from "./runtime/errors";

export function Notices() {
  const notices = useSyncExternalStore((l) => noticeLog.subscribe(l), () => noticeLog.all());
  if (notices.length === 0) return null;
  return (
    <Affix position={{ top: 16, left: "50%" }} zIndex={1100} style={{ transform: "translateX(-50%)" }}>
      <Stack id="dd-notices" gap="xs" w={520}>
        {notices.map((n) => (
          <Notification
            key={n.at + n.message}
            className="dd-notice"
            data-tone={n.tone}
            color={n.tone === "info" ? "blue" : "orange"}
            title={n.title}
            withBorder
            onClose={() => noticeLog.dismiss(n)}
          >
            {n.message}
          </Notification>
        ))}
      </Stack>
    </Affix>
  );
}
