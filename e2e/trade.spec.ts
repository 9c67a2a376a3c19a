import type { Page } from "@playwright/test";
import { z } from "zod";
import { expect, test } from "./fixtures";
import { lastRequestId, resetSandbox, upstreamCalls } from "./sandbox";

/**
 * Issue 17, points 2 and 3, as a customer on a phone: a trade form that knows what they hold
 * (an oversell refused as they type, "sell all", a button that says what happens, where the
 * money goes) and a wallet whose total includes the TL balance.
 */

const CUSTOMER = "DEMO-IND-001";

async function launch(page: Page, to: string) {
  await page.goto(`/dev/launch?customer=${CUSTOMER}&to=${encodeURIComponent(to)}`);
  await page.waitForURL((url) => url.pathname === to.split("?")[0]);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
}

const walletSchema = z.object({
  cash: z.number(),
  totalValue: z.number(),
  metals: z.array(z.object({ metal: z.string(), digitalGrams: z.number() })),
});

async function wallet(page: Page) {
  const res = await page.request.get("/api/wallet");
  expect(res.ok()).toBe(true);
  return walletSchema.parse(await res.json());
}

/** 1234.5 → "1.234,50" (TRY in Turkish, without the symbol). */
const tr2 = (n: number) =>
  new Intl.NumberFormat("tr-TR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("an oversell is refused as it is typed, before any price is asked; 'sell all' sells the holding exactly", async ({
  page,
  request,
}) => {
  await launch(page, "/wallet/trade?metal=gold&side=sell");
  const form = page.getByRole("form", { name: "Fiyat iste" });
  // The seeded customer holds 12,5 g of digital gold and ₺250.000 in the TL wallet.
  await expect(form).toContainText("12,5 g");
  await expect(form).toContainText("₺250.000,00");

  const since = await lastRequestId(request);
  await page.getByRole("radio", { name: "Tutar (TRY)" }).check();
  await page.getByRole("textbox", { name: "Tutar (TRY)" }).fill("100.000");
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("Elinizde 12,5 g var; bundan fazlasını satamazsınız.");
  await page.getByRole("button", { name: "Fiyat al" }).click();
  await expect(page.getByRole("region", { name: /satış fiyatı$/ })).toHaveCount(0);
  expect(await upstreamCalls(request, "POST", "/partner/pricefix", since)).toBe(0);
  expect(await upstreamCalls(request, "POST", "/partner/order/digital/sell", since)).toBe(0);

  await refusal.getByRole("button", { name: "Tümünü sat (12,5 g)" }).click();
  await expect(page.getByLabel("Miktar (gram)")).toHaveValue("12,5");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await page.getByRole("button", { name: "Fiyat al" }).click();

  const quote = page.getByRole("region", { name: "Dijital Altın satış fiyatı" });
  await expect(quote).toContainText("Paranın yatacağı yer");
  await expect(quote).toContainText("TL cüzdan bakiyeniz");
  const confirm = quote.getByRole("button", { name: /^12,5 g sat, ₺[\d.]+,\d\d al$/ });
  await confirm.click();
  await expect(page.getByRole("heading", { name: "12,5 g Altın sattınız" })).toBeVisible();
  const gold = (await wallet(page)).metals.find((m) => m.metal === "gold");
  expect(gold?.digitalGrams).toBe(0);
});

test("a buy says where the money comes from, and the result shows the new TL balance", async ({
  page,
}) => {
  await launch(page, "/wallet/trade?metal=gold&side=buy");
  await page.getByRole("button", { name: "₺5.000" }).click();
  await expect(page.getByRole("textbox", { name: "Tutar (TRY)" })).toHaveValue("5000");
  await expect(
    page.getByText(/^Şu anki fiyatla yaklaşık [\d,]+ g için ₺5\.000,00 ödersiniz\.$/),
  ).toBeVisible();
  await page.getByRole("button", { name: "Fiyat al" }).click();

  const quote = page.getByRole("region", { name: "Dijital Altın alış fiyatı" });
  await expect(quote).toContainText("Ödeme kaynağı");
  await expect(quote).toContainText("TL cüzdan bakiyeniz");
  await expect(quote).toContainText(`₺${tr2(245_000)}`);
  await quote.getByRole("button", { name: /^[\d,]+ g al, ₺5\.000,00 öde$/ }).click();

  const result = page.getByRole("region", { name: /Altın aldınız$/ });
  await expect(result).toContainText("TL cüzdan bakiyeniz");
  await expect(result).toContainText(`Yeni TL bakiyeniz₺${tr2(245_000)}`);
  expect((await wallet(page)).cash).toBe(245_000);

  // The wallet's total counts the TL balance.
  await page.getByRole("link", { name: "Cüzdana dön" }).click();
  const balances = page.getByRole("region", { name: "Bakiyeler" });
  const figure = async (term: string) =>
    Number(
      (
        await balances
          .getByRole("term")
          .filter({ hasText: term })
          .locator("xpath=following-sibling::dd[1]")
          .innerText()
      )
        .replace(/[₺.]/g, "")
        .replace(",", "."),
    );
  await expect(balances.getByText("Toplam değer (TL dahil)")).toBeVisible();
  const total = Number(
    (
      await balances
        .getByText("Toplam değer (TL dahil)")
        .locator("xpath=following-sibling::p[1]")
        .innerText()
    )
      .replace(/[₺.]/g, "")
      .replace(",", "."),
  );
  const cash = await figure("TL bakiyesi");
  expect(cash).toBe(245_000);
  expect(Math.round(total * 100)).toBe(Math.round(((await figure("Metaller")) + cash) * 100));
  // The buy gives gold an average cost from this order.
  await expect(balances.getByRole("term").filter({ hasText: "Ortalama maliyet" })).toHaveCount(1);
});

test("the English sell button says what happens", async ({ page }) => {
  await launch(page, "/wallet/trade?metal=gold&side=sell&lang=en");
  await expect(page.getByRole("heading", { level: 1, name: "Buy / sell digital" })).toBeVisible();
  await page.getByLabel("Quantity (grams)").fill("2.5");
  await expect(
    page.getByText(/^At the current price: about 2\.5 g sold for ₺[\d,]+\.\d\d\.$/),
  ).toBeVisible();
  await page.getByRole("button", { name: "Get price" }).click();
  const quote = page.getByRole("region", { name: "Price to sell digital Gold" });
  await expect(quote).toContainText("Paid into");
  await expect(
    quote.getByRole("button", { name: /^Sell 2\.5 g for ₺[\d,]+\.\d\d$/ }),
  ).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the trade and wallet pages are accessible (${colorScheme})`, async ({
    page,
    expectAccessible,
  }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await launch(page, "/wallet/trade?metal=gold&side=sell");
    await page.getByLabel("Miktar (gram)").fill("20");
    await expect(page.getByRole("form", { name: "Fiyat iste" }).getByRole("alert")).toBeVisible();
    await expectAccessible();
    await page.goto("/wallet");
    await expect(page.getByRole("region", { name: "Bakiyeler" })).toBeVisible();
    await expectAccessible();
  });
}

test("a guest's wallet page says where the wallet is and offers the shop and receipt lookup", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/wallet");
  await expect(
    page.getByRole("heading", { name: "Cüzdanınız iş ortağınızın uygulamasında" }),
  ).toBeVisible({ timeout: 15_000 });
  await expectAccessible();
  await page.getByRole("link", { name: "Sipariş dekontu bul" }).click();
  await expect(page).toHaveURL(/\/receipt-lookup$/);
});
