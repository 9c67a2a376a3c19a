import type { Locator, Page } from "@playwright/test";
import { z } from "zod";
import { expect, test } from "./fixtures";
import { resetSandbox } from "./sandbox";

/**
 * Issue #7 parts 4 and 5 on a phone: the display currency changes what prices are shown in,
 * never what is charged (TRY); the price-history chart renders, switches range and line ↔
 * candles, and its summary tells high, low and change in words.
 */

const product = "/products/MNTGB00010";

const ratesSchema = z.object({
  base: z.literal("TRY"),
  rates: z.array(z.object({ currency: z.string(), rate: z.number() })),
});
const historySchema = z.object({
  period: z.string(),
  candles: z.array(z.object({ high: z.number(), low: z.number() })),
});

/** Turkish-formatted money ("$1.234,56", "₺4.285,40") → 1234.56. */
function trAmount(text: string): number {
  return Number(text.replace(/[^\d,]/g, "").replace(",", "."));
}

/** TRY → other at `rate` (TRY per unit), to the cent as a person computes it. */
const expectedCents = (amountTry: number, rate: number) =>
  Math.round(Number(((amountTry / rate) * 100).toPrecision(12))) / 100;

const currencySelect = (page: Page) => page.getByLabel("Görüntülenen para birimi");

async function launch(page: Page) {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=${product}`);
  await expect(page.getByRole("button", { name: "Sepete ekle" })).toBeEnabled({ timeout: 15_000 });
}

/** Switches to USD and returns the rate the page was given. */
async function switchToUsd(page: Page): Promise<number> {
  const ratesResponse = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/rates");
  await currencySelect(page).selectOption("USD");
  const rates = ratesSchema.parse(await (await ratesResponse).json());
  const usd = rates.rates.find((r) => r.currency === "USD");
  expect(usd, "the rates list USD").toBeDefined();
  return usd?.rate ?? 0;
}

async function shot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: "image/png" });
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("the proxy lists all five display currencies", async ({ request }) => {
  const rates = ratesSchema.parse(await (await request.get("/api/rates")).json());
  expect(rates.rates.map((r) => r.currency).sort()).toEqual(["AED", "EUR", "GBP", "TRY", "USD"]);
  for (const row of rates.rates) expect(row.rate).toBeGreaterThan(0);
});

test("the display currency changes shown prices, not the charge", async ({
  page,
  expectAccessible,
}) => {
  // Product, basket and checkout with three axe runs on a shared 2-core machine.
  test.setTimeout(150_000);
  await launch(page);
  const rate = await switchToUsd(page);

  // Product page: the USD price is the TRY price / rate, to the cent, and the TRY charge is named.
  const charged = page.getByText(/^TRY olarak tahsil edilir: ₺/);
  await expect(charged).toBeVisible();
  const livePrice: Locator = charged.locator("..");
  await expect(livePrice).toContainText(/≈ \$[\d.,]+/);
  // Both figures are read from one snapshot of the DOM (live prices tick).
  const text = (await livePrice.textContent()) ?? "";
  const usd = trAmount(/≈ \$([\d.]+,\d{2})/.exec(text)?.[1] ?? "");
  const tl = trAmount(/₺([\d.]+,\d{2})/.exec(text)?.[1] ?? "");
  expect(tl).toBeGreaterThan(0);
  expect(usd).toBe(expectedCents(tl, rate));

  // The live price strip follows the display currency too.
  const strip = page.getByRole("region", { name: "Canlı fiyatlar" });
  await expect(strip).toContainText("$");
  await expectAccessible();
  await shot(page, "product-usd");

  // The choice is remembered.
  await page.reload();
  await expect(currencySelect(page)).toHaveValue("USD");

  // Basket: the breakdown and the total to pay stay in TRY and say so.
  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await page.getByRole("link", { name: "Sepet, 1 ürün" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sepetim" })).toBeVisible();
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  const totals = page.getByRole("region", { name: "Sipariş özeti" });
  const totalRow = totals.locator("dt", { hasText: /^Toplam$/ }).locator("xpath=../dd");
  await expect(totalRow).toContainText("₺");
  const totalTry = trAmount((await totalRow.textContent()) ?? "");
  await expect(totals.getByTestId("display-total")).toHaveText(
    new RegExp(`≈ \\$${expectedCents(totalTry, rate).toFixed(2).replace(".", ",")}`),
  );
  await expect(totals).toContainText("Ödemeyi Türk lirası (TRY) olarak yaparsınız.");
  await expect(page.getByText(/^TRY olarak tahsil edilir: ₺/)).toHaveText(
    `TRY olarak tahsil edilir: ${((await totalRow.textContent()) ?? "").trim()}`,
  );
  await expectAccessible();
  await shot(page, "basket-usd");

  // Checkout review: amounts in TRY, no converted figures, and the charge currency stated.
  await page.getByRole("link", { name: "Ödemeye geç" }).click();
  await page.getByRole("button", { name: "Devam et" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Siparişinizi gözden geçirin" }),
  ).toBeVisible();
  const reviewTotals = page.getByRole("region", { name: "Ödenecek tutar" });
  await expect(reviewTotals).toContainText("₺");
  await expect(reviewTotals).not.toContainText("$");
  await expect(page.getByText(/^Ödeme Türk lirası \(TRY\) olarak alınır\./)).toBeVisible();
  await expectAccessible();
  await shot(page, "review-usd");
});

test("catalog cards show the display currency and say it is approximate", async ({
  page,
  expectAccessible,
}) => {
  test.setTimeout(60_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "27 ürün" })).toBeVisible();
  await currencySelect(page).selectOption("EUR");
  const card = page.getByRole("listitem").filter({ hasText: "Minted 1 Gr 999,9 Külçe Altın" });
  await expect(card).toContainText(/≈ €[\d.]+,\d{2}/);
  await expect(card).not.toContainText("₺");
  await expectAccessible();
  await shot(page, "catalog-eur");
});

test("back to TRY shows prices in TRY with no conversion note", async ({ page }) => {
  await launch(page);
  await switchToUsd(page);
  await expect(page.getByText(/^TRY olarak tahsil edilir/)).toBeVisible();
  await currencySelect(page).selectOption("TRY");
  await expect(page.getByText(/^TRY olarak tahsil edilir/)).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText("≈");
});

test("the rate chart renders, switches range and line ↔ candles", async ({
  page,
  expectAccessible,
}) => {
  const firstHistory = page.waitForResponse((res) => res.url().includes("/api/rate-history"));
  await launch(page);
  const chartSection = page.getByRole("region", { name: "Fiyat geçmişi" });
  await chartSection.scrollIntoViewIfNeeded();
  const week = historySchema.parse(await (await firstHistory).json());
  const summary = chartSection.getByTestId("chart-summary");
  await expect(summary).toContainText("Son 1 hafta: en yüksek");
  await expect(summary).toContainText("en düşük");
  await expect(summary).toContainText("değişim");
  const weekHigh = Math.max(...week.candles.map((c) => c.high));
  const weekLow = Math.min(...week.candles.map((c) => c.low));
  const summaryText = (await summary.textContent()) ?? "";
  expect(trAmount(/en yüksek ₺([\d.]+,\d{2})/.exec(summaryText)?.[1] ?? "")).toBe(weekHigh);
  expect(trAmount(/en düşük ₺([\d.]+,\d{2})/.exec(summaryText)?.[1] ?? "")).toBe(weekLow);
  const chart = chartSection.getByTestId("rate-chart");
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expect(chart).toHaveAttribute("data-drawn", "line");

  // A new range is a new request and a new summary.
  const monthRequest = page.waitForRequest(
    (req) => req.url().includes("/api/rate-history") && req.url().includes("period=1m"),
  );
  await chartSection.getByRole("radio", { name: "1 ay" }).check();
  await monthRequest;
  await expect(summary).toContainText("Son 1 ay: en yüksek");
  await expect(summary).not.toHaveText(summaryText);
  await expect(chart.locator("canvas").first()).toBeVisible();

  // Candles.
  await chartSection.getByRole("radio", { name: "Mum" }).check();
  await expect(chart).toHaveAttribute("data-drawn", "candles");
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expectAccessible();
  await shot(page, "chart-candles");

  await chartSection.getByRole("radio", { name: "Çizgi" }).check();
  await expect(chart).toHaveAttribute("data-drawn", "line");

  // In English the summary speaks English with English number formats.
  await page.getByRole("button", { name: "English (EN)" }).click();
  const englishSummary = page
    .getByRole("region", { name: "Price history" })
    .getByTestId("chart-summary");
  await expect(englishSummary).toContainText(/^Last 1 month: high ₺[\d,]+\.\d{2}, low ₺/);
});

for (const scheme of ["light", "dark"] as const)
  test(`product page in USD with candles (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await launch(page);
    await switchToUsd(page);
    const charged = page.getByText(/^TRY olarak tahsil edilir/);
    await expect(charged).toBeVisible();
    // The price block: the VAT-included price, the TRY charge line, per gram and buy-back.
    await charged
      .locator("..")
      .screenshot({ path: test.info().outputPath(`product-price-${scheme}.png`) });
    const chartSection = page.getByRole("region", { name: "Fiyat geçmişi" });
    await chartSection.scrollIntoViewIfNeeded();
    await chartSection.getByRole("radio", { name: "Mum" }).check();
    await expect(chartSection.getByTestId("rate-chart")).toHaveAttribute("data-drawn", "candles");
    await chartSection.screenshot({ path: test.info().outputPath(`chart-${scheme}.png`) });
  });
