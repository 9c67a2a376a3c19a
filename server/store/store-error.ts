/**
 * The store (Redis) did not answer: disconnected, timed out, or refused the command. The app's
 * error handler answers 503 `store_unavailable` — the request fails closed (no launch, no
 * completion, no session accepted) and is never a 500.
 */
export class StoreUnavailableError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`store ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "StoreUnavailableError";
  }
}

/** Runs one store command; whatever it throws becomes a StoreUnavailableError. */
export async function storeCall<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(operation, error);
  }
}
