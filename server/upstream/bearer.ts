/** A token as Create Token answers it: `expires_in` in seconds. */
export interface IssuedToken {
  token: string;
  expires_in: number;
}

/** Tokens are reused until this long before they expire. */
const EXPIRY_MARGIN_MS = 60_000;
/** Customers whose tokens are kept at once; the oldest are forgotten first. */
const MAX_CUSTOMERS = 10_000;

export interface BearerTokens {
  /**
   * A valid token for the customer: the cached one, or a new one from `issue` (one request per
   * customer at a time, shared by everyone waiting).
   */
  get(customer: string, issue: () => Promise<IssuedToken>): Promise<string>;
  /** Forget a token upstream refused (unless a newer one has replaced it). */
  drop(customer: string, token: string): void;
}

/** Embedded Webview Bearer tokens, cached per customer until 60 s before they expire. */
export function createBearerTokens(now: () => number = Date.now): BearerTokens {
  const cache = new Map<string, { token: string; reuseUntil: number }>();
  const pending = new Map<string, Promise<string>>();

  async function fetchToken(customer: string, issue: () => Promise<IssuedToken>): Promise<string> {
    const issued = await issue();
    cache.delete(customer);
    cache.set(customer, {
      token: issued.token,
      reuseUntil: now() + issued.expires_in * 1000 - EXPIRY_MARGIN_MS,
    });
    for (const oldest of cache.keys()) {
      if (cache.size <= MAX_CUSTOMERS) break;
      cache.delete(oldest);
    }
    return issued.token;
  }

  return {
    get(customer, issue) {
      const cached = cache.get(customer);
      if (cached && cached.reuseUntil > now()) return Promise.resolve(cached.token);
      let request = pending.get(customer);
      if (!request) {
        request = fetchToken(customer, issue).finally(() => pending.delete(customer));
        pending.set(customer, request);
      }
      return request;
    },
    drop(customer, token) {
      if (cache.get(customer)?.token === token) cache.delete(customer);
    },
  };
}
