import { QueryClient } from "@tanstack/react-query";

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
  return new QueryClient({
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
}

export const queryClient = createQueryClient();
