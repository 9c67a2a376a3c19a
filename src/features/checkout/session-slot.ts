import { z } from "zod/mini";

/** The part of the Web Storage API the checkout uses (sessionStorage, or memory in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => items.set(key, value),
    removeItem: (key) => items.delete(key),
  };
}

/**
 * This tab's sessionStorage (it survives a reload and the trip to the bank and back, and ends
 * with the tab), or memory where storage is refused (private modes, some webviews).
 */
export function tabStorage(): KeyValueStorage {
  try {
    const storage = window.sessionStorage;
    storage.setItem("minted.probe", "1");
    storage.removeItem("minted.probe");
    return storage;
  } catch {
    return memoryStorage();
  }
}

/**
 * One JSON value under one storage key, checked with a schema when read (storage is input like
 * any other), kept in memory too (a failed write still holds for this page view, and React's
 * useSyncExternalStore gets the same object until it changes), and observable.
 */
export class SessionSlot<S extends z.core.$ZodType> {
  #value: z.output<S> | null | undefined = undefined;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
    private readonly schema: S,
  ) {}

  get(): z.output<S> | null {
    if (this.#value === undefined) this.#value = this.#read();
    return this.#value;
  }

  set(value: z.output<S> | null): void {
    this.#value = value;
    try {
      if (value === null) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(value));
    } catch {
      // Full or refused: the value still holds in memory for this page view.
    }
    for (const listener of this.#listeners) listener();
  }

  /** Reads storage again (another code path, or a test, changed it). */
  reload(): void {
    this.#value = undefined;
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #read(): z.output<S> | null {
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return null;
    }
    if (raw === null) return null;
    try {
      const parsed = z.safeParse(this.schema, JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
