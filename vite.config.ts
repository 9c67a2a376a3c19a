import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { lingui } from "@lingui/vite-plugin";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { splitMessages } from "./scripts/vite-plugin-split-messages.ts";

// The dev proxy (server/) listens on PROXY_DEV_PORT; the browser only ever talks to this origin.
const proxyTarget = `http://127.0.0.1:${process.env.PROXY_DEV_PORT ?? "8081"}`;

// React Router ships one build for development and one for production that differ only in
// ENABLE_DEV_WARNINGS; its package exports always point at the development one.
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
  "dist/production/index.mjs",
);

// The libraries every page needs, in one long-cached chunk: one file compresses better than the
// seven small shared chunks Rolldown otherwise makes of them (~2 KB gzip on the first view).
const frameworkModules =
  /[\\/]node_modules[\\/](?:react|react-dom|scheduler|react-router|@tanstack[\\/](?:query-core|react-query)|@lingui[\\/](?:core|react)|zod)[\\/]/;

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    lingui({ failOnMissing: true, failOnCompileError: true }),
    splitMessages({ failOnMissing: true, failOnCompileError: true }),
    tailwindcss(),
  ],
  resolve: {
    alias:
      command === "build" ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
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
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "framework", test: frameworkModules }] } },
    },
  },
}));
