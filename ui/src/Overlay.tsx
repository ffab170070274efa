// The dev error overlay (debug builds): callback failures with callback name and ids, and
// refused IPC messages. Release builds only log.

import { useSyncExternalStore } from "react";
import { Affix, Badge, CloseButton, Code, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { errorLog } from "./runtime/errors";

export function ErrorOverlay() {
  const errors = useSyncExternalStore((l) => errorLog.subscribe(l), () => errorLog.all());
  if (errors.length === 0) return null;
  return (
    <Affix position={{ bottom: 16, right: 16 }} zIndex={1000}>
      <Paper id="dd-error-overlay" shadow="lg" radius="md" withBorder p="md" w={440} style={{ borderColor: "var(--mantine-color-red-3)" }}>
        <Group justify="space-between" mb="xs">
          <Group gap="xs">
            <Badge color="red" variant="light">
              {errors.length} error{errors.length > 1 ? "s" : ""}
            </Badge>
            <Text size="sm" c="dimmed">
              dev overlay
            </Text>
          </Group>
          <CloseButton aria-label="Dismiss errors" onClick={() => errorLog.clear()} />
        </Group>
        <ScrollArea.Autosize mah={260}>
          <Stack gap="xs">
            {errors
              .slice()
              .reverse()
              .map((e) => (
                <div key={e.at + e.source + e.message} className="dd-error">
                  <Text size="sm" fw={600}>
                    {e.source}
                  </Text>
                  {e.inputs.length > 0 && (
                    <Text size="xs" c="dimmed">
                      inputs: {e.inputs.join(", ")}
                    </Text>
                  )}
                  <Code block mt={4} style={{ whiteSpace: "pre-wrap" }}>
                    {e.message}
                  </Code>
                </div>
              ))}
          </Stack>
        </ScrollArea.Autosize>
      </Paper>
    </Affix>
  );
}
