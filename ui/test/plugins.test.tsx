// An app's own component bundle: it registers through `window.deskdash`, draws like a built-in
// component and sends what the user changes; a built-in name cannot be taken over.

import { describe, expect, it } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { installPluginApi } from "../src/plugins";
import { registry } from "../src/components";
import { errorLog } from "../src/runtime/errors";
import type { ComponentProps } from "../src/props";
import { c, renderLayout, settle } from "./harness";

describe("an app's own components", () => {
  it("a registered component draws and sends its user's changes", async () => {
    installPluginApi();
    const api = window.deskdash!;
    // What a built bundle does: JSX compiled to the renderer's React.
    function Picker({ props, setProps }: ComponentProps) {
      return api.React.createElement("button", { onClick: () => setProps({ picked: "teal" }) }, `picked ${String(props["picked"])}`);
    }
    api.register("Picker", Picker);
    const { sent } = await renderLayout(c("Picker", { id: "p", picked: "red" }));
    fireEvent.click(screen.getByText("picked red"));
    await settle();
    expect(sent).toEqual([{ id: "p", prop: "picked", value: "teal" }]);
    delete registry["Picker"];
  });

  it("a built-in name stays built in, and the bundle hears why", () => {
    installPluginApi();
    errorLog.clear();
    const before = registry["Button"];
    window.deskdash!.register("Button", () => null);
    expect(registry["Button"]).toBe(before);
    expect(errorLog.all().map((e) => e.message)).toEqual(["Button is a built-in component and was not replaced"]);
  });
});
