import { I18nProvider } from "@lingui/react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import { userEvent, type UserEvent } from "@testing-library/user-event";
import { createRoutesStub } from "react-router";
import { createQueryClient } from "../lib/query-client";
import { i18n } from "../i18n/i18n";

const clients = new Set<QueryClient>();

/** Empties every client a test made, so that no timer left behind reads into the next test. */
export function clearTestQueryClients(): void {
  for (const client of clients) client.clear();
  clients.clear();
}

/** The app's own query client with its defaults, but a failed read is not retried after seconds. */
export function createTestQueryClient(): QueryClient {
  const queryClient = createQueryClient();
  clients.add(queryClient);
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  return queryClient;
}

type StubRoutes = Parameters<typeof createRoutesStub>[0];

export interface RenderedRoute extends RenderResult {
  user: UserEvent;
  queryClient: QueryClient;
}

/**
 * Renders `routes` at `path` with a fresh QueryClient, the active Lingui catalog and React
 * Router's `createRoutesStub` (loaders, redirects and navigation run as in the app). Loaders that
 * need the query client get it from `routes(queryClient)`.
 */
export function renderRoutes(
  routes: (queryClient: QueryClient) => StubRoutes,
  path: string,
  queryClient: QueryClient = createTestQueryClient(),
): RenderedRoute {
  const Stub = createRoutesStub(routes(queryClient));
  const user = userEvent.setup();
  const result = render(
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Stub initialEntries={[path]} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { ...result, user, queryClient };
}

/** A page a test navigates to, showing where it landed. */
export function Landed({ name }: { name: string }) {
  return <p>landed on {name}</p>;
}

/** What describes a control for assistive technology (its `aria-describedby` texts). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .trim();
}
