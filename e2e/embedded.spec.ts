import type { FrameLocator, Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../scripts/chromium.ts";
import { expect, test } from "./fixtures";
import { purchaseThroughApi } from "./purchase";
import { advanceClock, resetSandbox } from "./sandbox";

/**
 * The shop inside partner apps (issue #8): each host is emulated the way the real one injects
 * itself (addInitScript before the page's scripts), and every message the page sends is
 * collected on the test's side (so a reload does not lose them).
 */

// The partner page is faked with page.route, which Chromium's Local Network Access checks see as
// a public page framing a loopback address (a real partner's page and shop are both public).
const launchOptions = chromiumLaunchOptions();
test.use({
  launchOptions: {
    ...launchOptions,
    args: [...launchOptions.args, "--disable-features=LocalNetworkAccessChecks"],
  },
});

interface Message {
  v: number;
  type: string;
  payload?: Record<string, unknown>;
  id?: string;
}

type NativeHost = "react-native" | "ios" | "android";

const gold10g = "/products/MNTGB00010";
const partnerOrigin = process.env.E2E_PARTNER_ORIGIN ?? "";
const h1 = (root: Page | FrameLocator, name: string | RegExp) =>
  root.getByRole("heading", { level: 1, name });
const typesOf = (messages: Message[]) => messages.map((m) => m.type);
const ofType = (messages: Message[], type: string) => messages.filter((m) => m.type === type);

/** Installs the host's bridge object; answers the list the page's messages land in. */
async function emulateHost(page: Page, kind: NativeHost): Promise<Message[]> {
  const messages: Message[] = [];
  await page.exposeFunction("__hostPost", (raw: string) => {
    messages.push(JSON.parse(raw) as Message);
  });
  await page.addInitScript((host) => {
    const w = window as unknown as Record<string, unknown>;
    const post = (m: string) => {
      void (w.__hostPost as (m: string) => Promise<void>)(m);
    };
    if (host === "react-native") w.ReactNativeWebView = { postMessage: post };
    if (host === "ios") w.webkit = { messageHandlers: { mintedShop: { postMessage: post } } };
    if (host === "android") w.MintedShopAndroid = { postMessage: post };
  }, kind);
  return messages;
}

/**
 * A command as each host delivers it: React Native (iOS) as a MessageEvent on window, Android
 * as one on document, an iOS app by calling the page's global function.
 */
async function sendCommand(page: Page, kind: NativeHost, message: object): Promise<void> {
  await page.evaluate(
    ([host, data]) => {
      if (host === "react-native") window.dispatchEvent(new MessageEvent("message", { data }));
      else if (host === "android") document.dispatchEvent(new MessageEvent("message", { data }));
      else
        (window as unknown as { MintedShop: { receive: (m: string) => void } }).MintedShop.receive(
          data,
        );
    },
    [kind, JSON.stringify(message)] as const,
  );
}

/** Product → basket → address → review → pay with the wallet → receipt; answers the code. */
async function buyWithWallet(root: Page | FrameLocator, url: () => string): Promise<string> {
  const add = root.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await root.getByRole("link", { name: "Sepet, 1 ürün" }).click();
  await expect(h1(root, "Sepetim")).toBeVisible();
  await expect(root.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await root.getByRole("link", { name: "Ödemeye geç" }).click();
  await expect(h1(root, "Teslimat ve fatura adresi")).toBeVisible();
  await root.getByRole("button", { name: "Devam et" }).click();
  await expect(h1(root, "Siparişinizi gözden geçirin")).toBeVisible();
  await root.getByRole("checkbox", { name: /Ön bilgilendirme formunu okudum/ }).check();
  await root.getByRole("checkbox", { name: /Mesafeli satış sözleşmesini okudum/ }).check();
  await root.getByRole("button", { name: "Ödeme adımına geç" }).click();
  await expect(h1(root, "Ödeme")).toBeVisible();
  await root.getByRole("radio", { name: /Cüzdan bakiyesi/ }).check();
  await root.getByRole("button", { name: /^₺[\d.,]+ öde$/ }).click();
  await expect(h1(root, "Dekont")).toBeVisible({ timeout: 15_000 });
  return decodeURIComponent(/\/orders\/([^/]+)\/receipt$/.exec(url())?.[1] ?? "");
}

/** `ready` first; one basket change to 1 item; checkout started; the order completed once. */
function expectPurchaseEvents(messages: Message[], code: string) {
  expect(messages[0]).toEqual({
    v: 1,
    type: "ready",
    payload: { protocol: "minted-shop", version: 1 },
  });
  expect(ofType(messages, "basket.changed").some((m) => m.payload?.count === 1)).toBe(true);
  expect(ofType(messages, "checkout.started")).toHaveLength(1);
  const completed = ofType(messages, "order.completed");
  expect(completed).toHaveLength(1);
  expect(completed[0]?.payload).toMatchObject({ order_code: code, currency: "TRY" });
  expect(Number(completed[0]?.payload?.total)).toBeGreaterThan(0);
  // checkout.started comes before the order.
  expect(typesOf(messages).indexOf("checkout.started")).toBeLessThan(
    typesOf(messages).indexOf("order.completed"),
  );
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  const body = await page.screenshot({
    fullPage: true,
    ...(dir ? { path: `${dir}/${test.info().project.name}-${name}.png` } : {}),
  });
  await test.info().attach(name, { body, contentType: "image/png" });
}

test.beforeEach(async ({ request }) => {
  // Whole purchases on a shared machine.
  test.slow();
  await resetSandbox(request);
});

for (const kind of ["react-native", "ios", "android"] as const) {
  test(`a whole purchase inside a ${kind} host: ready first, order.completed once even after a reload`, async ({
    page,
  }) => {
    const messages = await emulateHost(page, kind);
    await page.goto(`/dev/launch?customer=DEMO-IND-001&to=${gold10g}`);
    const code = await buyWithWallet(page, () => page.url());
    expect(code).not.toBe("");
    await expect.poll(() => ofType(messages, "order.completed").length).toBe(1);
    expectPurchaseEvents(messages, code);
    // No new tab, no window: the page never left the webview.
    expect(page.context().pages()).toHaveLength(1);

    await page.reload();
    await expect(h1(page, "Dekont")).toBeVisible();
    await expect.poll(() => ofType(messages, "ready").length).toBe(2);
    await page.waitForTimeout(500);
    expect(ofType(messages, "order.completed")).toHaveLength(1);
    if (kind === "react-native") await screenshot(page, "embedded-receipt");
  });
}

/** A partner page framing the shop (served by the test at a fake origin). */
async function partnerPage(page: Page, origin: string, shopPath: string): Promise<Message[]> {
  const messages: Message[] = [];
  await page.exposeFunction("__hostPost", (raw: string) => {
    messages.push(JSON.parse(raw) as Message);
  });
  const shop = new URL(shopPath, test.info().project.use.baseURL).href;
  const shopOrigin = new URL(shop).origin;
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Partner app</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0"><iframe title="Minted Shop" src="${shop}" style="border:0;width:100vw;height:100vh"></iframe>
<script>
window.addEventListener("message", (event) => {
  if (event.origin === ${JSON.stringify(shopOrigin)}) window.__hostPost(event.data);
});
window.sendToShop = (m) => document.querySelector("iframe").contentWindow.postMessage(m, ${JSON.stringify(shopOrigin)});
</script></body></html>`,
    }),
  );
  await page.goto(`${origin}/app`);
  return messages;
}

test("a whole purchase inside an allowed iframe parent; its commands are heard, a stranger's are not", async ({
  page,
}) => {
  expect(partnerOrigin).not.toBe("");
  const messages = await partnerPage(
    page,
    partnerOrigin,
    `/dev/launch?customer=DEMO-IND-001&to=${gold10g}`,
  );
  const shop = page.frameLocator("iframe");
  const code = await buyWithWallet(
    shop,
    () =>
      page
        .frames()
        .find((f) => f !== page.mainFrame())
        ?.url() ?? "",
  );
  await expect.poll(() => ofType(messages, "order.completed").length).toBe(1);
  expectPurchaseEvents(messages, code);

  // The parent's back walks the shop's history; a message from another window is ignored.
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame?.evaluate(() => {
    window.postMessage(JSON.stringify({ v: 1, type: "back", id: "self" }), "*");
  });
  await page.evaluate(() => {
    (window as unknown as { sendToShop: (m: string) => void }).sendToShop(
      JSON.stringify({
        v: 1,
        type: "insets.set",
        payload: { top: 30, right: 0, bottom: 20, left: 0 },
      }),
    );
  });
  await expect
    .poll(() =>
      frame?.evaluate(() => getComputedStyle(document.querySelector("header")!).paddingTop),
    )
    .toBe("30px");
  expect(ofType(messages, "back.result")).toHaveLength(0);

  await frame?.evaluate(() => location.reload());
  await expect(h1(shop, "Dekont")).toBeVisible();
  await expect.poll(() => ofType(messages, "ready").length).toBe(2);
  await page.waitForTimeout(500);
  expect(ofType(messages, "order.completed")).toHaveLength(1);
});

test("an iframe parent that is not allowed is refused by frame-ancestors", async ({ page }) => {
  const stranger = `http://127.0.0.1:${String(Number(new URL(partnerOrigin).port) + 1)}`;
  const launchResponse = page.waitForResponse((res) => new URL(res.url()).pathname === "/launch");
  const messages = await partnerPage(page, stranger, "/dev/launch?customer=DEMO-IND-001&to=/");
  const csp = (await (await launchResponse).allHeaders())["content-security-policy"] ?? "";
  expect(csp).toContain(`frame-ancestors ${partnerOrigin}`);
  expect(csp).not.toContain(stranger);
  await page.waitForTimeout(1000);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame?.url()).not.toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(launch|$)/);
  await expect(
    page.frameLocator("iframe").getByRole("link", { name: "Minted ana sayfa" }),
  ).toHaveCount(0);
  expect(messages).toEqual([]);
});

test("theme.set changes the computed colours and dark mode; insets.set pads the header; both survive a reload", async ({
  page,
}) => {
  const messages = await emulateHost(page, "react-native");
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=${gold10g}`);
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  const colours = () =>
    page.evaluate(() => ({
      button: getComputedStyle(
        Array.from(document.querySelectorAll("button")).find(
          (b) => b.textContent === "Sepete ekle",
        ) ?? document.body,
      ).backgroundColor,
      page: getComputedStyle(document.documentElement).backgroundColor,
      header: getComputedStyle(document.querySelector("header")!).paddingTop,
    }));
  const before = await colours();
  expect(before.page).toBe("rgb(245, 246, 248)");

  await sendCommand(page, "react-native", {
    v: 1,
    type: "theme.set",
    payload: {
      colors: { primary: "#0a7d5a", "primary-contrast": "#ffffff" },
      radius: "4px",
      colorScheme: "dark",
    },
  });
  await sendCommand(page, "react-native", {
    v: 1,
    type: "insets.set",
    payload: { top: 44, right: 0, bottom: 34, left: 0 },
  });
  // Malformed and unknown messages change nothing.
  await sendCommand(page, "react-native", {
    v: 1,
    type: "theme.set",
    payload: { colors: { primary: "url(x)" } },
  });
  await page.evaluate(() =>
    window.dispatchEvent(new MessageEvent("message", { data: "not json" })),
  );
  await expect.poll(colours).toEqual({
    button: "rgb(10, 125, 90)",
    page: "rgb(14, 17, 22)",
    header: "44px",
  });
  await screenshot(page, "embedded-theme-dark");
  await page.reload();
  await expect(add).toBeEnabled({ timeout: 15_000 });
  expect((await colours()).button).toBe("rgb(10, 125, 90)");
  expect((await colours()).page).toBe("rgb(14, 17, 22)");
  expect(typesOf(messages)[0]).toBe("ready");
});

test("currency.set switches the displayed currency; the charge stays TRY; a bad code is ignored", async ({
  page,
}) => {
  await emulateHost(page, "ios");
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=${gold10g}`);
  await expect(page.getByRole("button", { name: "Sepete ekle" })).toBeEnabled({ timeout: 15_000 });
  const currency = page.getByLabel("Görüntülenen para birimi");
  await expect(currency).toHaveValue("TRY");

  await sendCommand(page, "ios", { v: 1, type: "currency.set", payload: { currency: "USD" } });
  await expect(currency).toHaveValue("USD");
  await expect(page.getByText(/≈ \$/).first()).toBeVisible();
  await expect(page.getByText(/TRY olarak tahsil edilir/).first()).toBeVisible();

  await sendCommand(page, "ios", { v: 1, type: "currency.set", payload: { currency: "XYZ" } });
  await sendCommand(page, "ios", { v: 2, type: "currency.set", payload: { currency: "EUR" } });
  await expect(currency).toHaveValue("USD");
  await sendCommand(page, "ios", { v: 1, type: "currency.set", payload: { currency: "TRY" } });
  await expect(currency).toHaveValue("TRY");
  await expect(page.getByText(/≈ \$/)).toHaveCount(0);
});

test("an on-screen keyboard: the bottom bar steps aside while it is open, the focused field stays in view", async ({
  page,
}) => {
  await emulateHost(page, "android");
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/receipt-lookup");
  const field = page.getByRole("textbox").first();
  await expect(field).toBeVisible({ timeout: 15_000 });
  const nav = page.getByRole("navigation", { name: "Ana menü" });
  await expect(nav).toBeVisible();
  // The keyboard as Chrome reports it: only the visual viewport shrinks.
  const keyboard = (height: number | null) =>
    page.evaluate((h) => {
      const viewport = window.visualViewport!;
      Object.defineProperty(viewport, "height", {
        configurable: true,
        get: () => (h === null ? window.innerHeight : h),
      });
      viewport.dispatchEvent(new Event("resize"));
    }, height);
  await field.focus();
  await keyboard(300);
  await expect(nav).toBeHidden();
  await expect(field).toBeInViewport();
  await keyboard(null);
  await expect(nav).toBeVisible();
});

test("a session that runs out mid-use: auth.expired once; session.refresh brings the customer back", async ({
  page,
  context,
}) => {
  const messages = await emulateHost(page, "react-native");
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/");
  await expect(h1(page, "Değerli metaller")).toBeVisible({ timeout: 15_000 });
  await context.clearCookies();
  const nav = page.getByRole("navigation", { name: "Ana menü" });
  await nav.getByRole("link", { name: "Siparişler" }).click();
  await expect.poll(() => ofType(messages, "auth.expired")).toHaveLength(1);
  await nav.getByRole("link", { name: "Cüzdan" }).click();
  await nav.getByRole("link", { name: "Siparişler" }).click();
  expect(ofType(messages, "auth.expired")).toHaveLength(1);

  const { token } = (await (
    await page.request.get("/dev/host/token?customer=DEMO-IND-001")
  ).json()) as { token: string };
  await sendCommand(page, "react-native", {
    v: 1,
    type: "session.refresh",
    payload: { token },
  });
  await expect(h1(page, "Siparişlerim")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("heading", { name: /giriş/i })).toHaveCount(0);
});

test("session.end from the host: logged out on the proxy, the signed-out screen, session.ended with the id", async ({
  page,
  expectAccessible,
}) => {
  const messages = await emulateHost(page, "ios");
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/orders");
  await expect(h1(page, "Siparişlerim")).toBeVisible({ timeout: 15_000 });
  const cookie = (await page.context().cookies()).find((c) => c.name === "minted_session");
  expect(cookie).toBeDefined();
  // Inside an app the host owns sign-in and sign-out: no account button of the shop's own.
  await expect(page.getByRole("button", { name: /^Hesabım|^Hesap:/ })).toHaveCount(0);

  await sendCommand(page, "ios", { v: 1, type: "session.end", id: "end-1" });
  await expect(h1(page, "Oturumunuz kapatıldı")).toBeVisible();
  await expect
    .poll(() => ofType(messages, "session.ended"))
    .toEqual([{ v: 1, type: "session.ended", payload: { ended: true }, id: "end-1" }]);
  await expect(page.getByRole("button", { name: "Uygulamaya dön", exact: true })).toBeVisible();
  await expectAccessible();
  // Ended on the proxy, not only forgotten by the page: the old cookie is refused.
  const replayed = await page.request.get("/api/orders", {
    headers: { cookie: `minted_session=${cookie?.value ?? ""}` },
  });
  expect(replayed.status()).toBe(401);
  // Ended on purpose: not reported back as a session that ran out.
  expect(ofType(messages, "auth.expired")).toHaveLength(0);
});

test("the header fits a 320 px phone with the close button: no sideways scroll", async ({
  page,
}) => {
  await emulateHost(page, "react-native");
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/");
  await expect(h1(page, "Değerli metaller")).toBeVisible({ timeout: 15_000 });
  await expect(
    page.getByRole("button", { name: "Mağazayı kapat ve uygulamaya dön" }),
  ).toBeVisible();
  const widths = () =>
    page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
  expect(await widths()).toEqual([320, 320]);
  await page.setViewportSize({ width: 412, height: 800 });
  expect(await widths()).toEqual([412, 412]);
});

test("back walks the shop's history and answers handled; at the first page it is the host's", async ({
  page,
}) => {
  const messages = await emulateHost(page, "android");
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/");
  await expect(h1(page, "Değerli metaller")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("link", { name: "Sepet, 0 ürün" }).click();
  await expect(h1(page, "Sepetim")).toBeVisible();

  await sendCommand(page, "android", { v: 1, type: "back", id: "b1" });
  await expect(h1(page, "Değerli metaller")).toBeVisible();
  await expect
    .poll(() => ofType(messages, "back.result"))
    .toEqual([{ v: 1, type: "back.result", payload: { handled: true }, id: "b1" }]);
  await sendCommand(page, "android", { v: 1, type: "back", id: "b2" });
  await expect
    .poll(() => ofType(messages, "back.result").at(-1))
    .toEqual({
      v: 1,
      type: "back.result",
      payload: { handled: false },
      id: "b2",
    });
  await expect(h1(page, "Değerli metaller")).toBeVisible();
});

test("the cargo tracking link goes to the host as link.open, the invoice as file.open with an absolute URL", async ({
  page,
  request,
}) => {
  const messages = await emulateHost(page, "ios");
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/");
  await expect(h1(page, "Değerli metaller")).toBeVisible({ timeout: 15_000 });
  const code = await purchaseThroughApi(page, { paymentType: "wallet" });
  await advanceClock(request, 5 * 60 + 5 + 3 * 3600);

  await page.goto(`/orders/${code}`);
  const track = page.getByRole("link", { name: /Kargoyu takip et/ }).first();
  await expect(track).toBeVisible({ timeout: 15_000 });
  const href = await track.getAttribute("href");
  await track.click();
  await expect
    .poll(() => ofType(messages, "link.open"))
    .toEqual([{ v: 1, type: "link.open", payload: { url: href } }]);
  expect(href).toMatch(/^https:\/\//);
  expect(page.context().pages()).toHaveLength(1);
  expect(page.url()).toContain(`/orders/${code}`);

  await page.goto(`/orders/${code}/invoice`);
  await page.getByRole("button", { name: "PDF indir" }).click();
  await expect.poll(() => ofType(messages, "file.open").length).toBe(1);
  const file = ofType(messages, "file.open")[0]?.payload ?? {};
  expect(file.mime).toBe("application/pdf");
  expect(String(file.filename)).toMatch(/\.pdf$/);
  // Absolute, on the shop's public origin (https in production through PUBLIC_URL; the tests'
  // origin is loopback http), never blob: or data:.
  const origin = new URL(page.url()).origin;
  expect(String(file.url).startsWith(`${origin}/api/files/invoices/`)).toBe(true);
  expect(page.url()).toContain("/invoice");
  // The host opens it without the session cookie.
  const pdf = await request.get(String(file.url), { headers: { cookie: "" } });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/);
});

test("a replayed launch token: 401, a friendly screen, and auth.expired to the host", async ({
  page,
  expectAccessible,
}) => {
  const messages = await emulateHost(page, "react-native");
  const { token } = (await (await page.request.get("/dev/host/token")).json()) as { token: string };
  const first = await page.request.post("/api/session", {
    data: { token },
    headers: { origin: new URL(test.info().project.use.baseURL ?? "").origin },
  });
  expect(first.status()).toBe(200);

  const answer = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/session");
  await page.goto(`/launch#token=${token}&to=/basket`);
  expect((await answer).status()).toBe(401);
  await expect(h1(page, "Bağlantının süresi dolmuş")).toBeVisible();
  // The token left the address bar.
  expect(page.url()).not.toContain(token);
  await expect.poll(() => ofType(messages, "auth.expired")).toHaveLength(1);
  expect(typesOf(messages)[0]).toBe("ready");
  await page.getByRole("button", { name: "Uygulamaya dön", exact: true }).click();
  await expect.poll(() => typesOf(messages).at(-1)).toBe("close.requested");
  await expectAccessible();
  await screenshot(page, "embedded-launch-expired");
});

test("the /dev/host harness frames the shop, shows the traffic and sends commands", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/dev/host");
  const log = page.getByRole("log");
  await expect(log).toContainText('"type":"ready"', { timeout: 15_000 });
  await expect(h1(page.frameLocator("iframe"), "Değerli metaller")).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(log).toContainText('"type":"back.result"');
  await expect(log).toContainText('"handled":false');
  await page.getByRole("button", { name: "Partner theme" }).click();
  await expect
    .poll(() =>
      page
        .frameLocator("iframe")
        .locator("html")
        .evaluate((html) => getComputedStyle(html).getPropertyValue("--color-primary").trim()),
    )
    .toBe("#0a7d5a");
  await expectAccessible({ exclude: ["iframe"] });
  await screenshot(page, "dev-host-harness");
});
