import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { DEV_LAUNCH_SECRET } from "../env.ts";
import { devProfile } from "./dev-launch.ts";
import { customerIdSchema, mintDevLaunchToken } from "./launch-token.ts";

/**
 * Sandbox mode only (app.ts mounts it when env.sandboxMode): GET /dev/host is a partner page
 * that frames the shop, shows every bridge message both ways and sends the host commands — what
 * a partner's developer (and Playwright) uses to try the bridge without an app. Its script and
 * style are files of their own: the CSP allows no inline script.
 */
export function devHostRoutes(deps: Pick<AppDeps, "env">): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const noStore = { "cache-control": "no-store", "referrer-policy": "no-referrer" };
  app.get("/dev/host", (c) => c.html(HOST_HTML, 200, noStore));
  app.get("/dev/host.js", (c) =>
    c.body(HOST_JS, 200, { ...noStore, "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/dev/host.css", (c) =>
    c.body(HOST_CSS, 200, { ...noStore, "content-type": "text/css; charset=utf-8" }),
  );
  // A fresh launch token for `session.refresh` (as the partner's backend would mint one).
  app.get("/dev/host/token", async (c) => {
    c.header("cache-control", "no-store");
    if (deps.env.LAUNCH_SECRET !== DEV_LAUNCH_SECRET)
      return c.text("/dev/host needs the development LAUNCH_SECRET (unset LAUNCH_SECRET).", 409);
    const customer = customerIdSchema.safeParse(c.req.query("customer") ?? "DEMO-IND-001");
    if (!customer.success) return c.text("Bad request: customer", 400);
    const locale = z.enum(["tr", "en"]).safeParse(c.req.query("locale"));
    const token = await mintDevLaunchToken(deps.env, customer.data, {
      profile: devProfile(customer.data),
      ...(locale.success ? { locale: locale.data } : {}),
    });
    return c.json({ token });
  });
  return app;
}

const HOST_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bridge host harness — Minted Shop</title>
<link rel="stylesheet" href="/dev/host.css">
<script type="module" src="/dev/host.js"></script>
</head>
<body>
<header><h1>Bridge host harness</h1>
<p>A partner page framing the shop (development only). Messages to and from the shop appear in the log.</p></header>
<main>
<section aria-labelledby="launch-h" class="panel">
<h2 id="launch-h">Launch</h2>
<form id="launch">
<label for="customer">Customer id</label>
<input id="customer" name="customer" value="DEMO-IND-001" autocomplete="off" required pattern="[A-Za-z0-9_\\-]{1,110}">
<label for="to">Start page</label>
<input id="to" name="to" value="/" autocomplete="off">
<button type="submit">Launch the shop</button>
</form>
</section>
<section aria-labelledby="shop-h" class="shop">
<h2 id="shop-h" class="sr-only">Shop</h2>
<iframe id="shop" title="Minted Shop" src="about:blank"></iframe>
</section>
<section aria-labelledby="commands-h" class="panel">
<h2 id="commands-h">Commands</h2>
<div class="buttons">
<button type="button" data-command="theme-partner">Partner theme</button>
<button type="button" data-command="theme-dark">Dark</button>
<button type="button" data-command="theme-light">Light</button>
<button type="button" data-command="locale-en">English</button>
<button type="button" data-command="locale-tr">Türkçe</button>
<button type="button" data-command="currency-usd">Currency USD</button>
<button type="button" data-command="back">Back</button>
<button type="button" data-command="insets">Insets 44/0/34/0</button>
<button type="button" data-command="refresh">Refresh session</button>
</div>
<form id="raw">
<label for="message">Any message (JSON)</label>
<textarea id="message" rows="3">{"v":1,"type":"back","id":"b1"}</textarea>
<button type="submit">Send</button>
</form>
</section>
<section aria-labelledby="log-h" class="panel">
<h2 id="log-h">Bridge traffic</h2>
<button type="button" id="clear">Clear the log</button>
<div role="log" aria-live="polite" aria-labelledby="log-h"><ol id="log"></ol></div>
</section>
</main>
</body>
</html>
`;

const HOST_JS = `// Minted Shop bridge host harness (served only in sandbox mode).
const shop = document.getElementById("shop");
const log = document.getElementById("log");
const origin = location.origin;
let seq = 0;
const entries = [];
window.bridgeLog = entries;

function record(direction, text) {
  let parsed = null;
  try { parsed = JSON.parse(text); } catch { /* shown raw */ }
  entries.push({ direction, text, message: parsed });
  const item = document.createElement("li");
  item.className = direction;
  const who = document.createElement("strong");
  who.textContent = direction === "in" ? "shop → host" : "host → shop";
  const code = document.createElement("code");
  code.textContent = text;
  item.append(who, " ", code);
  log.prepend(item);
}

window.addEventListener("message", (event) => {
  if (event.source !== shop.contentWindow || event.origin !== origin) return;
  record("in", typeof event.data === "string" ? event.data : JSON.stringify(event.data));
});

function send(type, payload) {
  const message = JSON.stringify({ v: 1, type, ...(payload ? { payload } : {}), id: "h" + String(++seq) });
  record("out", message);
  shop.contentWindow.postMessage(message, origin);
}

async function token(customer) {
  const res = await fetch("/dev/host/token?customer=" + encodeURIComponent(customer));
  if (!res.ok) throw new Error(await res.text());
  return (await res.json()).token;
}

document.getElementById("launch").addEventListener("submit", async (event) => {
  event.preventDefault();
  const customer = document.getElementById("customer").value;
  const to = document.getElementById("to").value || "/";
  const t = await token(customer);
  shop.src = "/launch#token=" + encodeURIComponent(t) + "&to=" + encodeURIComponent(to);
});

const commands = {
  "theme-partner": () => send("theme.set", {
    colors: { primary: "#0a7d5a", "primary-contrast": "#ffffff", "primary-soft": "#e3f4ee" },
    radius: "4px",
    colorScheme: "light",
  }),
  "theme-dark": () => send("theme.set", { colorScheme: "dark" }),
  "theme-light": () => send("theme.set", { colorScheme: "light" }),
  "locale-en": () => send("locale.set", { locale: "en" }),
  "locale-tr": () => send("locale.set", { locale: "tr" }),
  "currency-usd": () => send("currency.set", { currency: "USD" }),
  back: () => send("back"),
  insets: () => send("insets.set", { top: 44, right: 0, bottom: 34, left: 0 }),
  refresh: async () => send("session.refresh", { token: await token(document.getElementById("customer").value) }),
};
for (const button of document.querySelectorAll("[data-command]"))
  button.addEventListener("click", () => void commands[button.dataset.command]());

document.getElementById("raw").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = document.getElementById("message").value;
  record("out", text);
  shop.contentWindow.postMessage(text, origin);
});
document.getElementById("clear").addEventListener("click", () => {
  log.replaceChildren();
  entries.length = 0;
});

const params = new URLSearchParams(location.search);
if (params.get("autolaunch") !== "0") document.getElementById("launch").requestSubmit();
`;

const HOST_CSS = `
:root { color-scheme: light; font-family: system-ui, sans-serif; background: #f3f4f6; color: #111827; }
body { margin: 0; }
header { padding: 12px 16px; background: #1f2937; color: #fff; }
header h1 { margin: 0; font-size: 1.25rem; }
header p { margin: 4px 0 0; font-size: 0.875rem; color: #e5e7eb; }
main { display: grid; gap: 12px; padding: 12px; grid-template-columns: 1fr; }
@media (min-width: 900px) { main { grid-template-columns: 420px 1fr; } .shop { grid-row: span 3; } }
.panel { background: #fff; border: 1px solid #d1d5db; border-radius: 8px; padding: 12px; }
h2 { margin: 0 0 8px; font-size: 1rem; }
label { display: block; font-size: 0.875rem; font-weight: 600; margin: 8px 0 4px; }
input, textarea { box-sizing: border-box; width: 100%; min-height: 48px; font: inherit; padding: 8px; border: 1px solid #6b7280; border-radius: 6px; }
button { min-height: 48px; min-width: 48px; margin: 8px 8px 0 0; padding: 0 14px; font: inherit; font-weight: 600; color: #fff; background: #1d4ed8; border: 0; border-radius: 6px; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.buttons { display: flex; flex-wrap: wrap; }
.shop iframe { width: 100%; height: 720px; border: 1px solid #9ca3af; border-radius: 8px; background: #fff; }
#log { list-style: none; margin: 8px 0 0; padding: 0; max-height: 360px; overflow: auto; font-size: 0.8125rem; }
#log li { padding: 6px 0; border-top: 1px solid #e5e7eb; overflow-wrap: anywhere; }
#log li.in strong { color: #065f46; }
#log li.out strong { color: #1e3a8a; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
