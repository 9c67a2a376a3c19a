import type { Bridge } from "./bridge";

/**
 * In a webview `window.open` and `target=_blank` do nothing (or open a browser the customer
 * cannot come back from): inside a host, external links go to the host as `link.open`, and
 * files as `file.open` with an absolute https URL (never blob: or data:).
 */

const httpUrl = (href: string, base: string): URL | null => {
  try {
    const url = new URL(href, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
};

/** True for an https URL, or http on this machine (development and tests). */
export function isDeliverableUrl(url: URL): boolean {
  return (
    url.protocol === "https:" ||
    (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
  );
}

/** A click on a link that leaves the shop: the URL to hand to the host, else null. */
export function externalLinkTarget(anchor: HTMLAnchorElement, origin: string): string | null {
  const url = httpUrl(anchor.getAttribute("href") ?? "", origin);
  if (!url) return null;
  const blank = anchor.target === "_blank";
  return blank || url.origin !== origin ? url.href : null;
}

/** Routes external links and `window.open` to the host; answers the undo. */
export function captureExternalLinks(bridge: Bridge, win: Window = window): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const url = externalLinkTarget(anchor, win.location.origin);
    if (!url) return;
    event.preventDefault();
    bridge.send("link.open", { url });
  };
  win.document.addEventListener("click", onClick, true);
  const original = win.open.bind(win);
  win.open = (href?: string | URL) => {
    const url = href === undefined ? null : httpUrl(String(href), win.location.href);
    if (url) bridge.send("link.open", { url: url.href });
    return null;
  };
  return () => {
    win.document.removeEventListener("click", onClick, true);
    win.open = original;
  };
}

/**
 * Opens a file the proxy serves (an invoice PDF): the host gets `file.open` when the shop is
 * embedded; answers false when the caller should open it itself (standalone).
 */
export function openFileInHost(
  bridge: Bridge,
  file: { url: string; mime: string; filename: string },
  origin: string = window.location.origin,
): boolean {
  if (!bridge.embedded) return false;
  const url = httpUrl(file.url, origin);
  if (!url || !isDeliverableUrl(url)) return false;
  bridge.send("file.open", { url: url.href, mime: file.mime, filename: file.filename });
  return true;
}
