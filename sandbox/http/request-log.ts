export interface LoggedRequest {
  id: number;
  time: string;
  method: string;
  path: string;
  query: string;
  status: number;
  auth: "digest" | "bearer" | "none";
  duration_ms: number;
}

/** A bounded ring of the requests the sandbox served (`GET /__sandbox/requests`). */
export class RequestLog {
  #entries: LoggedRequest[] = [];
  #seq = 0;
  constructor(private readonly max = 5000) {}

  add(entry: Omit<LoggedRequest, "id">): void {
    this.#entries.push({ id: ++this.#seq, ...entry });
    if (this.#entries.length > this.max) this.#entries.splice(0, this.#entries.length - this.max);
  }

  query(filter: {
    method?: string | undefined;
    path?: string | undefined;
    status?: number | undefined;
    auth?: string | undefined;
    since?: number | undefined;
    limit?: number | undefined;
  }): LoggedRequest[] {
    const out = this.#entries.filter(
      (e) =>
        (!filter.method || e.method === filter.method.toUpperCase()) &&
        (!filter.path || e.path.startsWith(filter.path)) &&
        (filter.status === undefined || e.status === filter.status) &&
        (!filter.auth || e.auth === filter.auth) &&
        (filter.since === undefined || e.id > filter.since),
    );
    return filter.limit ? out.slice(-filter.limit) : out;
  }

  clear(): void {
    this.#entries = [];
  }
}
