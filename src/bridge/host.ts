/**
 * Which app (if any) the shop runs in, and how to send it a message. Detection only reads what
 * the host injected before the page's scripts ran; the iframe parent counts only when its origin
 * is one the proxy's configuration allows (the same list as `frame-ancestors`).
 */

export type HostKind = "react-native" | "ios" | "android" | "iframe";

export interface Host {
  kind: HostKind;
  /** Sends one JSON string to the host. */
  post(message: string): void;
  /** iframe only: the parent's origin (messages from anywhere else are ignored). */
  parentOrigin: string | null;
}

/** The parts of `window` detection reads (so tests can hand in a plain object). */
export interface HostWindow {
  ReactNativeWebView?: unknown;
  webkit?: unknown;
  MintedShopAndroid?: unknown;
  parent?: unknown;
  location?: { ancestorOrigins?: { length: number; [index: number]: string } };
  document?: { referrer?: string };
}

function hasPostMessage(value: unknown): value is { postMessage: (message: string) => void } {
  return (
    typeof value === "object" &&
    value !== null &&
    "postMessage" in value &&
    typeof value.postMessage === "function"
  );
}

function iosHandler(webkit: unknown): { postMessage: (message: string) => void } | null {
  if (typeof webkit !== "object" || webkit === null || !("messageHandlers" in webkit)) return null;
  const handlers = webkit.messageHandlers;
  if (typeof handlers !== "object" || handlers === null || !("mintedShop" in handlers)) return null;
  return hasPostMessage(handlers.mintedShop) ? handlers.mintedShop : null;
}

/** The framing page's origin: `ancestorOrigins` (Chromium, WebKit), else the referrer's. */
export function parentOriginOf(win: HostWindow): string | null {
  const ancestors = win.location?.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  const referrer = win.document?.referrer;
  if (!referrer) return null;
  try {
    return new URL(referrer).origin;
  } catch {
    return null;
  }
}

/** True when the page runs inside a frame (the config is worth fetching). */
export function isFramed(win: HostWindow & { parent?: unknown }): boolean {
  return win.parent !== undefined && win.parent !== win;
}

/**
 * The host, or null for the standalone shop. Native bridges win over a frame (an app's webview
 * is never framed by our own pages); an iframe parent needs an allowed origin.
 */
export function detectHost(win: HostWindow, allowedParentOrigins: readonly string[]): Host | null {
  const rn = win.ReactNativeWebView;
  if (hasPostMessage(rn))
    return { kind: "react-native", post: (m) => rn.postMessage(m), parentOrigin: null };
  const ios = iosHandler(win.webkit);
  if (ios) return { kind: "ios", post: (m) => ios.postMessage(m), parentOrigin: null };
  const android = win.MintedShopAndroid;
  if (hasPostMessage(android))
    return { kind: "android", post: (m) => android.postMessage(m), parentOrigin: null };
  if (isFramed(win)) {
    const origin = parentOriginOf(win);
    const parent = win.parent;
    if (origin && allowedParentOrigins.includes(origin) && hasParentPostMessage(parent))
      return {
        kind: "iframe",
        post: (m) => parent.postMessage(m, origin),
        parentOrigin: origin,
      };
  }
  return null;
}

function hasParentPostMessage(
  value: unknown,
): value is { postMessage: (message: string, targetOrigin: string) => void } {
  return hasPostMessage(value);
}
