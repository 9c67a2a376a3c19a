import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fault, lastRequestId, resetSandbox, upstream, upstreamCalls } from "./sandbox";

const product = "/products/MNTGB00010";

/** "₺1.234,50" → 1234.5 */
function amountOf(text: string): number {
  return Number(text.replace(/[^\d,]/g, "").replace(",", "."));
}

const badge = (page: Page, count: number) =>
  page.getByRole("link", { name: new RegExp(`^Sepet, ${count} ürün$`) });

async function launch(page: Page) {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=${product}`);
  await expect(page.getByRole("button", { name: "Sepete ekle" })).toBeEnabled({ timeout: 15_000 });
}

async function addOnProductPage(page: Page) {
  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await expect(badge(page, 1)).toBeVisible();
}

/** Adds through the proxy API in the page's session (setup only). */
async function addThroughApi(page: Page, sku: string, quantity = 1) {
  const res = await page.request.post("/api/basket/items", {
    data: { sku, quantity },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.ok()).toBe(true);
}

async function openBasket(page: Page) {
  await page.getByRole("link", { name: /^Sepet, \d+ ürün$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sepetim" })).toBeVisible();
}

function line(page: Page): Locator {
  return page.getByRole("list", { name: "Sepetteki ürünler" }).getByRole("listitem").first();
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("product → add → badge → basket → quantity → remove → empty", async ({ page }, testInfo) => {
  await launch(page);
  await addOnProductPage(page);
  await openBasket(page);

  const row = line(page);
  const total = row.getByText(/Satır toplamı/);
  const before = amountOf((await total.textContent()) ?? "");
  await row.getByRole("button", { name: /^Miktarı artır/ }).click();
  await expect(row.getByRole("group", { name: /^Miktar/ })).toContainText("2");
  await expect(badge(page, 2)).toBeVisible();
  await expect
    .poll(async () => amountOf((await total.textContent()) ?? ""))
    .toBeCloseTo(before * 2, 1);
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await expect(page.getByRole("link", { name: "Ödemeye geç" })).toBeVisible();

  await testInfo.attach("basket-phone", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });

  await row.getByRole("button", { name: /^Sepetten çıkar/ }).click();
  await expect(page.getByRole("heading", { name: "Sepetiniz boş" })).toBeVisible();
  await expect(badge(page, 0)).toBeVisible();
});

test("clear asks for confirmation", async ({ page }) => {
  await launch(page);
  await addThroughApi(page, "MNTGB00010", 2);
  await page.goto("/basket");
  await expect(badge(page, 2)).toBeVisible();

  await page.getByRole("button", { name: "Sepeti boşalt" }).click();
  const dialog = page.getByRole("dialog", { name: "Sepet boşaltılsın mı?" });
  await dialog.getByRole("button", { name: "Vazgeç" }).click();
  await expect(dialog).toBeHidden();
  await expect(badge(page, 2)).toBeVisible();

  await page.getByRole("button", { name: "Sepeti boşalt" }).click();
  await dialog.getByRole("button", { name: "Boşalt" }).click();
  await expect(page.getByRole("heading", { name: "Sepetiniz boş" })).toBeVisible();
  await expect(badge(page, 0)).toBeVisible();
});

test("the change shows at once while upstream takes 1.5 s", async ({ page, request }) => {
  await launch(page);
  await fault(request, { path: "/partner/ecom/basket", latency_ms: 1500 });
  const started = Date.now();
  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await expect(badge(page, 1)).toBeVisible({ timeout: 300 });
  expect(Date.now() - started).toBeLessThan(1500);

  await expect(page.getByRole("link", { name: "Sepete git" })).toBeVisible();
  await openBasket(page);
  await expect(line(page)).toBeVisible({ timeout: 10_000 });
  await line(page)
    .getByRole("button", { name: /^Miktarı artır/ })
    .click();
  await expect(line(page).getByRole("group", { name: /^Miktar/ })).toContainText("2", {
    timeout: 300,
  });
  await expect(badge(page, 2)).toBeVisible({ timeout: 300 });
  // Let the slow calls land before the next test resets the sandbox.
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
});

test("a change without a clear answer shows the true basket with a message", async ({
  page,
  request,
}) => {
  await launch(page);
  await addThroughApi(page, "MNTGB00010", 1);
  await page.goto("/basket");
  await expect(badge(page, 1)).toBeVisible();
  await fault(request, { path: "/partner/ecom/basket", method: "PATCH", status: 500 });

  await line(page)
    .getByRole("button", { name: /^Miktarı artır/ })
    .click();
  await expect(badge(page, 2)).toBeVisible();
  // A 5xx may hide a change that was made: the shop reads the basket again and says so.
  await expect(page.getByText("Değişikliğinizi doğrulayamadık")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Sepetiniz şu an bu şekilde.")).toBeVisible();
  await expect(badge(page, 1)).toBeVisible();
  await expect(line(page).getByRole("group", { name: /^Miktar/ })).toContainText("1");
});

test("rapid taps become one upstream call with the final quantity", async ({ page, request }) => {
  await launch(page);
  await addThroughApi(page, "MNTGB00010", 1);
  await page.goto("/basket");
  await expect(badge(page, 1)).toBeVisible();
  const since = await lastRequestId(request);

  const plus = line(page).getByRole("button", { name: /^Miktarı artır/ });
  for (let i = 0; i < 5; i += 1) await plus.click({ delay: 0 });
  await expect(badge(page, 6)).toBeVisible();
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await expect.poll(() => upstreamCalls(request, "PATCH", "/partner/ecom/basket", since)).toBe(1);
  await page.waitForTimeout(800);
  expect(await upstreamCalls(request, "PATCH", "/partner/ecom/basket", since)).toBe(1);
  await page.reload();
  await expect(line(page).getByRole("group", { name: /^Miktar/ })).toContainText("6");
  await expect(badge(page, 6)).toBeVisible();
});

test("the basket outlives the visit, and an unfinished basket is offered back", async ({
  page,
  browser,
}) => {
  await launch(page);
  await addOnProductPage(page);

  // A later visit (another browser, a new launch) finds the same basket upstream.
  const later = await browser.newPage();
  await later.goto(`/dev/launch?customer=DEMO-IND-001&to=/basket`);
  await expect(line(later)).toContainText("1 Gr 999,9 Külçe Altın");
  await expect(badge(later, 1)).toBeVisible();

  // Meanwhile another channel of the partner started a newer basket for the customer
  // (Minted makes a new basket when an item is added without a cart token).
  await upstream("POST", "/partner/ecom/basket", {
    external_customer_id: "DEMO-IND-001",
    sku: "MNTSB00100",
    qty: 1,
  });
  await later.reload();
  const offer = later.getByRole("region", { name: "Yarım kalan bir sepetiniz var" });
  await expect(offer).toContainText("1 ürün");
  const items = later.getByRole("list", { name: "Sepetteki ürünler" }).getByRole("listitem");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Gümüş");

  await offer.getByRole("button", { name: "Bu sepete devam et" }).click();
  await expect(items).toHaveCount(2);
  await expect(offer).toBeHidden();
  await expect(badge(later, 2)).toBeVisible();
  await later.close();
});

test("a guest can add and see the basket", async ({ page }) => {
  await page.goto(product);
  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await expect(badge(page, 1)).toBeVisible();
  await openBasket(page);
  await expect(line(page)).toBeVisible();
  await expect(page.getByText(/Tahmini tutar/)).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the basket page is accessible (${scheme})`, async ({
    page,
    expectAccessible,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await launch(page);
    await addThroughApi(page, "MNTGB00010", 2);
    await page.goto("/basket");
    await expect(line(page)).toBeVisible();
    await expect(page.getByText("Güncelleniyor…")).toBeHidden();
    await expectAccessible();
    await testInfo.attach(`basket-${scheme}`, {
      body: await page.screenshot({ fullPage: false }),
      contentType: "image/png",
    });
  });
}
