import { useSyncExternalStore } from "react";
import {
  embedConfigSchema,
  parseCommand,
  serializeEvent,
  BRIDGE_PROTOCOL,
  BRIDGE_VERSION,
  type BridgeCommand,
  type BridgeEventPayload,
  type BridgeEventType,
} from "../../contract/bridge";
import { getEmbedConfig } from "../../contract/api/session";
import { href } from "../lib/api";
import { detectHost, isFramed, type Host, type HostWindow } from "./host";

/**
 * The shop's end of the host bridge. `ready` always goes first: events sent before the host is
 * known wait in a queue. Commands arrive as `message` events on window (iOS, iframe) and on
 * document (Android React Native), or through the global `window.MintedShop.receive(message)`
 * (native hosts evaluating JavaScript); every one is validated, and messages from any other
 * origin or source (payment pages, 3-D Secure frames) are ignored.
 */

export type CommandHandler = (command: BridgeCommand) => void | Promise<void>;

interface MessageLike {
  data: unknown;
  origin: string;
  source: unknown;
}

/** What the bridge uses of `window` (a plain object in unit tests). */
export type BridgeWindow = HostWindow & {
  addEventListener(type: "message", listener: (event: Event) => void): void;
  document: { addEventListener(type: "message", listener: (event: Event) => void): void };
};

export interface BridgeOptions {
  win: BridgeWindow;
  /** Allowed iframe parents (GET /api/embed/config); only fetched inside a frame. */
  loadParentOrigins: () => Promise<readonly string[]>;
}

export class Bridge {
  #host: Host | null = null;
  /** The framing window, the only source a framed page accepts commands from. */
  #parent: unknown = null;
  #started = false;
  #queue: string[] = [];
  #handler: CommandHandler | null = null;
  #pending: BridgeCommand[] = [];
  readonly #seen = new WeakSet<object>();
  readonly #listeners = new Set<() => void>();

  get host(): Host | null {
    return this.#host;
  }

  /** True inside a partner app or an allowed frame. */
  get embedded(): boolean {
    return this.#host !== null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Detects the host, sends `ready`, then whatever waited; listens for commands. */
  async start({ win, loadParentOrigins }: BridgeOptions): Promise<Host | null> {
    if (this.#started) return this.#host;
    this.#started = true;
    this.#parent = win.parent;
    let origins: readonly string[] = [];
    if (isFramed(win) && !hasNativeBridge(win)) origins = await loadParentOrigins().catch(() => []);
    const host = detectHost(win, origins);
    this.#host = host;
    if (host) {
      host.post(serializeEvent("ready", { protocol: BRIDGE_PROTOCOL, version: BRIDGE_VERSION }));
      for (const message of this.#queue) host.post(message);
      const listener = (event: Event) => {
        if (isMessageEvent(event)) this.receive(event);
      };
      win.addEventListener("message", listener);
      win.document.addEventListener("message", listener);
      Object.defineProperty(win, "MintedShop", {
        value: Object.freeze({
          receive: (message: unknown) => {
            // Native hosts only: a frame cannot reach the parent's globals anyway.
            if (host.kind !== "iframe") this.#dispatch(parseCommand(message));
          },
        }),
        configurable: true,
      });
    }
    this.#queue = [];
    for (const listener of this.#listeners) listener();
    return host;
  }

  /** Sends an event to the host (queued until `ready` is out; dropped when standalone). */
  send<T extends BridgeEventType>(type: T, payload: BridgeEventPayload<T>, id?: string): void {
    const message = serializeEvent(type, payload, id);
    if (!this.#started) this.#queue.push(message);
    else this.#host?.post(message);
  }

  /** The app's command handler; commands that arrived before it are handed over now. */
  onCommand(handler: CommandHandler | null): void {
    this.#handler = handler;
    if (!handler) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const command of pending) this.#dispatch(command);
  }

  /** A `message` event from window or document: checked for origin and source, then parsed. */
  receive(event: MessageLike): void {
    const host = this.#host;
    if (!host) return;
    if (typeof event === "object" && this.#seen.has(event)) return;
    this.#seen.add(event);
    if (host.kind === "iframe") {
      if (event.origin !== host.parentOrigin || event.source !== this.#parent) return;
    } else if (event.origin !== "" || event.source !== null) {
      // Native hosts dispatch their messages in the page (origin "", no source); a message from
      // a frame (a payment page) carries that frame's origin and window.
      return;
    }
    this.#dispatch(parseCommand(event.data));
  }

  #dispatch(command: BridgeCommand | null): void {
    if (!command) return;
    if (!this.#handler) {
      this.#pending.push(command);
      return;
    }
    void Promise.resolve(this.#handler(command)).catch(() => undefined);
  }
}

function hasNativeBridge(win: HostWindow): boolean {
  return detectHost(win, []) !== null;
}

function isMessageEvent(event: Event): event is MessageEvent {
  return "data" in event && "origin" in event;
}

/** The one bridge of this page. */
export const bridge = new Bridge();

/** Starts the bridge for this window; the config is read only when the page is framed. */
export function startBridge(fetchImpl: typeof fetch = fetch): Promise<Host | null> {
  return bridge.start({
    win: window,
    loadParentOrigins: async () => {
      const res = await fetchImpl(href(getEmbedConfig), {
        credentials: "same-origin",
        headers: { accept: "application/json" },
      });
      const parsed = embedConfigSchema.safeParse(await res.json());
      return parsed.success ? parsed.data.parentOrigins : [];
    },
  });
}

/** True inside a partner app or an allowed frame (re-renders once the host is known). */
export function useEmbedded(): boolean {
  return useSyncExternalStore(
    bridge.subscribe,
    () => bridge.embedded,
    () => false,
  );
}
