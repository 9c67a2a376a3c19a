import { lingui } from "@lingui/vite-plugin";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { splitMessages } from "./scripts/vite-plugin-split-messages.ts";

// The dev proxy (server/) listens on PROXY_DEV_PORT; the browser only ever talks to this origin.
const proxyTarget = `http://127.0.0.1:${process.env.PROXY_DEV_PORT ?? "8081"}`;

export default defineConfig({
  plugins: [
    react(),
    lingui({ failOnMissing: true, failOnCompileError: true }),
    splitMessages({ failOnMissing: true, failOnCompileError: true }),
    tailwindcss(),
  ],
  server: {
    port: 8080,
    strictPort: true,
    proxy: {
      "/api": { target: proxyTarget, changeOrigin: false },
      "/dev": { target: proxyTarget, changeOrigin: false },
    },
  },
  build: {
    target: "baseline-widely-available",
    sourcemap: false,
    cssCodeSplit: true,
    assetsInlineLimit: 0,
  },
});
