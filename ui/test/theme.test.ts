// The window's theme: deskdash's default, the app's (`App::theme`), then a layout's
// MantineProvider, each merged over the one before.

import { describe, expect, it } from "vitest";
import { theme, windowTheme } from "../src/theme";

describe("window theme", () => {
  it("keeps the default where the app sets nothing", () => {
    const t = windowTheme({}, null);
    expect(t.primaryColor).toBe(theme.primaryColor);
    expect(t.fontFamily).toBe(theme.fontFamily);
  });

  it("merges the app's keys over the default, and a layout's over the app's", () => {
    const app = { primaryColor: "violet", defaultRadius: "sm", spacing: { md: "20px" } };
    const merged = windowTheme(app, null);
    expect(merged.primaryColor).toBe("violet");
    expect(merged.defaultRadius).toBe("sm");
    expect(merged.spacing?.["md"]).toBe("20px");
    expect(merged.spacing?.["xl"]).toBe(theme.spacing?.["xl"]);
    const switched = windowTheme(app, { primaryColor: "teal" });
    expect(switched.primaryColor).toBe("teal");
    expect(switched.defaultRadius).toBe("sm");
  });
});
