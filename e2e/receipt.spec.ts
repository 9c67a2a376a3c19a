import type { Page } from "@playwright/test";
import { z } from "zod";
import { expect, test } from "./fixtures";
import { purchaseDetails, purchaseThroughApi } from "./purchase";
import { resetSandbox } from "./sandbox";

/** "₺4.430,93" as the shop writes it. */
const money = (amount: number) =>
  new Intl.NumberFormat("tr-TR", {
    style: "currency",
    currency: "TRY",
    currencyDisplay: "narrowSymbol",
  }).format(amount);

/** What the proxy says about the receipt, to check the page shows all of it. */
const receiptSchema = z.object({
  items: z.array(z.object({ name: z.string(), quantity: z.number(), total: z.number() })),
  fees: z.array(
    z.object({ label: z.string(), amount: z.number(), included: z.boolean().optional() }),
  ),
  totals: z.object({ subtotal: z.number(), vat: z.number(), total: z.number() }),
  paidAmount: z.number(),
});

async function launch(page: Page, customer: string) {
  await page.goto(`/dev/launch?customer=${customer}&to=/`);
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Değerli metaller" })).toBeVisible({
    timeout: 15_000,
  });
}

async function openReceipt(page: Page, code: string) {
  await page.goto(`/orders/${code}/receipt`);
  await expect(page.getByRole("heading", { level: 1, name: "Dekont" })).toBeVisible();
}

const sheet = (page: Page, code: string) =>
  page.getByRole("article", { name: `${code} numaralı siparişin dekontu` });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("the receipt of a wallet purchase shows everything a bank receipt would, and prints", async ({
  page,
  context,
  expectAccessible,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await launch(page, "DEMO-IND-001");
  const code = await purchaseThroughApi(page, { paymentType: "wallet" });
  const api = receiptSchema.parse(
    await (await page.request.get(`/api/orders/${code}/receipt`)).json(),
  );

  await openReceipt(page, code);
  await expect(page).toHaveTitle("Dekont · Minted");
  const receipt = sheet(page, code);
  await expect(receipt.getByRole("status")).toContainText("Ödemeniz alındı");
  await expect(receipt.getByText(money(api.paidAmount)).first()).toBeVisible();

  // Order code (copyable), status, date.
  await expect(receipt.getByText(code, { exact: true })).toBeVisible();
  await receipt.getByRole("button", { name: "Sipariş kodunu kopyala" }).click();
  await expect(page.getByText("Sipariş kodu kopyalandı")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await expect(receipt.getByText("Ödeme onaylandı")).toBeVisible();
  await expect(receipt.locator("time").first()).toHaveText(/\d{1,2} \p{L}+ \d{4}/u);

  // Items: name, quantity, weight, unit price, VAT, line total.
  const items = receipt.getByRole("region", { name: "Ürünler" });
  for (const item of api.items) {
    const line = items.getByRole("listitem").filter({ hasText: item.name });
    await expect(line).toContainText(`${String(item.quantity)} adet`);
    await expect(line).toContainText("1 g");
    await expect(line).toContainText("Birim fiyat (KDV dahil)");
    await expect(line).toContainText(/İçindeki KDV \(%\d+\)/);
    await expect(line).toContainText(`Satır toplamı ${money(item.total)}`);
  }

  // Every fee line and the totals.
  const totals = receipt.getByRole("region", { name: "Tutar özeti" });
  expect(api.fees.length).toBeGreaterThan(0);
  // What is added on top is listed; what Minted priced into the items is in the item prices.
  for (const fee of api.fees)
    if (fee.included) await expect(totals).not.toContainText(fee.label);
    else await expect(totals).toContainText(`${fee.label}${money(fee.amount)}`);
  const itemsWithVat = Math.round((api.totals.subtotal + api.totals.vat) * 100) / 100;
  await expect(totals).toContainText(`Ürünler (KDV dahil)${money(itemsWithVat)}`);
  await expect(totals).toContainText(`içindeki KDV${money(api.totals.vat)}`);
  await expect(totals).toContainText(`Sipariş toplamı${money(api.totals.total)}`);
  await expect(totals).toContainText(`Ödenen tutar${money(api.paidAmount)}`);

  // Payment method, addresses, legal acceptances.
  const payment = receipt.getByRole("region", { name: "Ödeme" });
  await expect(payment).toContainText("Ödeme yöntemiCüzdan bakiyesi");
  await expect(payment).toContainText("Ödeme durumuÖdendi");
  const addresses = receipt.getByRole("region", { name: "Adresler" });
  await expect(addresses.getByRole("heading", { name: "Teslimat adresi" })).toBeVisible();
  await expect(addresses).toContainText("Ayşe Yılmaz");
  await expect(addresses).toContainText("34710 Kadıköy / İstanbul");
  await expect(addresses).toContainText("06420 Çankaya / Ankara");
  await expect(addresses).toContainText("+90 532 111 22 33");
  await expect(addresses).toContainText("TCKN *********46");
  await expect(addresses).not.toContainText("10000000146");
  const legal = receipt.getByRole("region", { name: "Yasal onaylar" });
  const rows = legal.getByRole("listitem");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Ön bilgilendirme formu");
  await expect(rows.nth(1)).toContainText("Mesafeli satış sözleşmesi");
  for (const row of [rows.nth(0), rows.nth(1)]) {
    await expect(row).toContainText(/Sürüm \d{4}\.\d+/);
    await expect(row).toContainText(/Onay: .+ GMT\+3/);
  }

  await expect(page.getByRole("button", { name: "Yazdır" })).toBeVisible();
  await expectAccessible();

  // On paper: no shop chrome or buttons, the issuer named, black on white.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Ana menü" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Canlı fiyatlar" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Yazdır" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Alışverişe devam et" })).toBeHidden();
  await expect(page.getByText(/^Yazdırılma: /)).toBeVisible();
  const ink = await receipt.evaluate((el) => [
    getComputedStyle(el).color,
    getComputedStyle(document.documentElement).backgroundColor,
  ]);
  expect(ink).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
  await testInfo.attach("receipt-print", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "Alışverişe devam et" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Değerli metaller" })).toBeFocused();
});

test("a card payment waiting for the bank refreshes itself into the paid receipt", async ({
  page,
}) => {
  await launch(page, "DEMO-IND-001");
  const purchase = await purchaseDetails(page, { paymentType: "card", installments: 3 });
  expect(purchase.redirectUrl).not.toBeNull();

  await openReceipt(page, purchase.orderCode);
  const receipt = sheet(page, purchase.orderCode);
  await expect(receipt.getByRole("status")).toContainText("Ödemeniz onaylanıyor");
  await expect(receipt).toContainText("Ödenecek tutar");
  await expect(receipt.getByRole("region", { name: "Ödeme" })).toContainText(
    "Ödeme durumuOnay bekleniyor",
  );

  // The customer approves on the bank's page (another tab, say); this page notices by itself.
  const approved = await page.request.get(
    `${String(purchase.redirectUrl)}/callback/success?code=123456`,
    { maxRedirects: 0 },
  );
  expect(approved.status()).toBe(302);
  await expect(receipt.getByRole("status")).toContainText("Ödemeniz alındı", { timeout: 15_000 });
  const payment = receipt.getByRole("region", { name: "Ödeme" });
  await expect(payment).toContainText("Ödeme yöntemiKredi / banka kartı");
  await expect(payment).toContainText("Visa");
  await expect(payment).toContainText("4321");
  await expect(payment).toContainText("Taksit3 taksit");
  await expect(payment).toContainText("Ödeme durumuÖdendi");
});

test("another customer's order code is a friendly not-found, not an error", async ({
  page,
  context,
  expectAccessible,
}) => {
  await launch(page, "DEMO-IND-001");
  const code = await purchaseThroughApi(page, { paymentType: "wallet" });

  // Another customer in a browser of their own (over a signed-in session the standalone shop
  // would first ask whether to switch customers: e2e/sessions.spec.ts).
  await context.clearCookies();
  await launch(page, "DEMO-CORP-001");
  await openReceipt(page, code);
  await expect(page.getByRole("heading", { name: "Dekont bulunamadı" })).toBeVisible();
  await expect(page.getByText("Bu koda ait bir siparişiniz yok.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Siparişlerim" })).toHaveAttribute("href", "/orders");
  await expect(page.getByText(code)).toHaveCount(0);
  await expectAccessible();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the receipt is accessible (${colorScheme})`, async ({
    page,
    expectAccessible,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await launch(page, "DEMO-IND-001");
    const code = await purchaseThroughApi(page, { paymentType: "wallet" });
    await openReceipt(page, code);
    await expect(sheet(page, code).getByRole("status")).toContainText("Ödemeniz alındı");
    await expectAccessible();
    await testInfo.attach(`receipt-${colorScheme}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  });
}
