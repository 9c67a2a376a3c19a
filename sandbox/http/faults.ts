import { z } from "zod";

export const faultSchema = z
  .object({
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(["*", "GET", "POST", "PUT", "PATCH", "DELETE"]))
      .default("*"),
    /** Path prefix the fault applies to, e.g. `/partner/ecom/basket`. */
    path: z.string().startsWith("/").max(500),
    latency_ms: z.number().int().min(0).max(120_000).default(0),
    status: z.number().int().min(400).max(599).optional(),
    malformed: z.boolean().default(false),
    drop: z.boolean().default(false),
    /**
     * Apply latency, status and drop AFTER the handler processed the request (the upstream did
     * the work, its answer is late, an error, or never arrives). Default: before, so the handler
     * never runs. `malformed` always cuts the handler's real answer.
     */
    after: z.boolean().default(false),
    /** Probability (0..1) that a matching request is affected. */
    rate: z.number().min(0).max(1).default(1),
    /** Affect at most this many requests, then the fault is spent. */
    count: z.number().int().min(1).optional(),
  })
  .strict();

export type FaultSpec = z.output<typeof faultSchema>;
export interface Fault extends FaultSpec {
  id: number;
  hits: number;
}

/** Fault injection for upstream paths, used by the shop's resilience tests. */
export class FaultRegistry {
  #faults: Fault[] = [];
  #seq = 0;

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, id: ++this.#seq, hits: 0 };
    this.#faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.#faults;
  }

  remove(id?: number): void {
    this.#faults = id === undefined ? [] : this.#faults.filter((f) => f.id !== id);
  }

  /** The fault to apply to this request, if any; counts it as a hit. */
  match(method: string, path: string, random: () => number = Math.random): Fault | undefined {
    for (const fault of this.#faults) {
      if (fault.method !== "*" && fault.method !== method) continue;
      if (!path.startsWith(fault.path)) continue;
      if (fault.count !== undefined && fault.hits >= fault.count) continue;
      if (random() >= fault.rate) continue;
      fault.hits++;
      return fault;
    }
    return undefined;
  }
}
