import { i18n as appI18n, type I18n } from "@lingui/core";
import { MutationCache, QueryClient, type QueryKey } from "@tanstack/react-query";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /**
       * Query keys (usually an entity's root from query-keys.ts) made stale when the mutation
       * succeeds. The invalidation is awaited: `mutateAsync` resolves once they are fetched again.
       */
      invalidates?: readonly QueryKey[];
    };
  }
}

const maxQueryRetries = 2;

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

/**
 * Queries are reads (GET) and are safe to repeat: retry network failures, timeouts and 5xx,
 * but never client errors (4xx) nor an upstream answer the proxy found malformed
 * (`upstream_invalid`), which will not change on their own: the error and its retry button show
 * at once. Mutations never retry:
 * a repeated basket completion must go through its idempotency key, not a blind retry.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= maxQueryRetries) return false;
  if (codeOf(error) === "upstream_invalid") return false;
  const status = statusOf(error);
  if (status === undefined || status === 0) return true; // no answer at all: offline, dropped
  return status === 408 || status === 429 || status >= 500;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // Cross-feature cache invalidation: a mutation names what it changes in `meta.invalidates`.
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) =>
        Promise.all(
          (mutation.meta?.invalidates ?? []).map((queryKey) =>
            client.invalidateQueries({ queryKey }),
          ),
        ),
    }),
    defaultOptions: {
      queries: {
        // Catalog and orders change slowly; live prices come over their own stream.
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetryQuery,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
        // Focus refetches (visibilitychange, which webviews fire on return) only touch
        // queries that are both mounted and stale, so returning to the app is not a storm.
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
      },
      mutations: {
        retry: false,
      },
    },
  });
  return client;
}

/**
 * Upstream texts (product names and descriptions, categories, payment methods, basket and order
 * lines) come in the language of the request (`accept-language`, see api.ts), while query keys
 * name only *what* is read. So every cached answer is in the language it was read in: when the
 * language changes, answers on screen are read again (in-flight ones cancelled) and the rest are
 * dropped, so no page opens on text of the previous language. Returns the unsubscribe.
 */
export function followLanguage(client: QueryClient, i18n: I18n): () => void {
  let current = i18n.locale;
  return i18n.on("change", () => {
    if (i18n.locale === current) return;
    const first = current === "";
    current = i18n.locale;
    if (first) return; // the start-up activation: nothing was read in another language
    client.removeQueries({ type: "inactive" });
    void client.invalidateQueries({ type: "active" });
  });
}

export const queryClient = createQueryClient();
followLanguage(queryClient, appI18n);
