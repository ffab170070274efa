import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The build is embedded in the binary at compile time: relative asset paths, no dev server,
// nothing loaded from a network.
export default defineConfig({
  plugins: [react()],
  // Absolute: a window reloaded at one of the app's pages (/report/7) still finds its files.
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 8000,
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup.ts"],
  },
});
