import { resolve } from "node:path";
import { defineConfig } from "vite";

// Builds an app's own components (`<app>/components/index.jsx`) into one script,
// `<app>/components/dist/components.js`, that registers them with the renderer. JSX compiles
// to the renderer's React (`deskdash.React`), so the bundle ships no React of its own.
// Run: DESKDASH_COMPONENTS=<app>/components npm run build:components
const dir = process.env["DESKDASH_COMPONENTS"];
if (!dir) throw new Error("set DESKDASH_COMPONENTS to the app's components folder");

export default defineConfig({
  oxc: {
    jsx: { runtime: "classic", pragma: "deskdash.React.createElement", pragmaFrag: "deskdash.React.Fragment" },
  },
  build: {
    lib: { entry: resolve(dir, "index.jsx"), formats: ["iife"], name: "deskdashAppComponents", fileName: () => "components.js" },
    outDir: resolve(dir, "dist"),
    emptyOutDir: true,
    target: "es2022",
  },
});
