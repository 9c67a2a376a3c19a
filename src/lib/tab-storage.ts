import { z } from "zod/mini";

/**
 * This tab's storage: what the shop keeps across a reload (drafts, the checkout's progress, a
 * payment attempt, the partner's theme). sessionStorage survives a reload and the trip to the
 * bank and back, and ends with the tab; where it is refused (private modes, some webviews) a
 * memory stand-in keeps things for this page view. Whatever is read back is input like any
 * other: parsed with a schema, anything malformed ignored. No access here ever throws.
 */

/** The part of the Web Storage API the shop uses (sessionStorage, or memory in tests). */
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

function openTabStorage(): KeyValueStorage {
  try {
    const storage = window.sessionStorage;
    storage.setItem("minted.probe", "1");
    storage.removeItem("minted.probe");
    return storage;
  } catch {
    return memoryStorage();
  }
}

let shared: KeyValueStorage | undefined;

/** This tab's sessionStorage, or memory where storage is refused. */
export function tabStorage(): KeyValueStorage {
  shared ??= openTabStorage();
  return shared;
}

/** The raw text under `key`; null when missing or when storage refuses. */
export function readText(storage: Pick<KeyValueStorage, "getItem"> | null, key: string) {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `text` under `key`; false when storage is full or refuses. */
export function writeText(
  storage: Pick<KeyValueStorage, "setItem"> | null,
  key: string,
  text: string,
): boolean {
  try {
    storage?.setItem(key, text);
    return storage !== null;
  } catch {
    return false;
  }
}

/** A JSON value under `key`, parsed with `schema`; null when missing or malformed. */
export function readStored<S extends z.core.$ZodType>(
  storage: KeyValueStorage | null,
  key: string,
  schema: S,
): z.output<S> | null {
  const raw = readText(storage, key);
  if (raw === null || raw === "") return null;
  try {
    const parsed = z.safeParse(schema, JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Stores what `schema` keeps of `value` (its object schemas drop unknown keys); nothing when it
 * does not fit. Full or refused storage is not an error: the value just will not survive a reload.
 */
export function writeStored(
  storage: KeyValueStorage | null,
  key: string,
  schema: z.core.$ZodType,
  value: unknown,
): void {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) writeText(storage, key, JSON.stringify(parsed.data));
}

export function removeStored(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/**
 * One JSON value under one storage key, checked with a schema when read, kept in memory too (a
 * failed write still holds for this page view, and React's useSyncExternalStore gets the same
 * object until it changes), and observable.
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
    if (this.#value === undefined) this.#value = readStored(this.storage, this.key, this.schema);
    return this.#value;
  }

  set(value: z.output<S> | null): void {
    this.#value = value;
    if (value === null) removeStored(this.storage, this.key);
    else writeText(this.storage, this.key, JSON.stringify(value));
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
}

/** A draft of one form under one key: what `schema` keeps of the values typed. */
export interface TabDraft<T> {
  read(): T | null;
  write(values: unknown): void;
  clear(): void;
}

export function tabDraft<S extends z.core.$ZodType>(
  key: string,
  schema: S,
  storage: KeyValueStorage | null = tabStorage(),
): TabDraft<z.output<S>> {
  return {
    read: () => readStored(storage, key, schema),
    write: (values) => writeStored(storage, key, schema, values),
    clear: () => removeStored(storage, key),
  };
}
