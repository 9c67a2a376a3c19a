import "./styles.css";
import { I18nProvider } from "@lingui/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { queryClient } from "./lib/query-client";
import { startBridge } from "./bridge/bridge";
import { restoreTheme } from "./bridge/theme";
import { createAppRouter } from "./app/router";
import { activateLocale, i18n, readStoredLocale, takeLocaleFromUrl } from "./i18n/i18n";

async function start() {
  const container = document.getElementById("root");
  if (!container) throw new Error("Missing #root element");
  // The partner's theme before the first paint; the host bridge in parallel (`ready` goes first).
  restoreTheme();
  void startBridge();
  await activateLocale(takeLocaleFromUrl() ?? readStoredLocale());
  const router = createAppRouter();
  createRoot(container).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

void start();
