import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, mainNav, test } from "./fixtures";
import { advanceClock, resetSandbox, sandboxControl } from "./sandbox";

/**
 * Checkout in focus mode, on a phone (issue 17): no tab bar or live price strip inside checkout;
 * every step ends with a sticky footer (total, countdown, the step's button) that stays in sight
 * at every scroll position; the legal documents open in place; a guest is asked the TCKN once
 * and is not offered the wallet; a declined card says the bank's reason and nothing else.
 */

const gold10g = "/products/MNTGB00010";
const TCKN = "10000000146";
const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const footer = (page: Page) => page.getByTestId("checkout-footer");
const payButton = (page: Page): Locator => page.getByRole("button", { name: /^₺[\d.,]+ öde$/ });

async function pinGold(request: APIRequestContext, perGram: number) {
  await sandboxControl(request).prices.pin({ GAU: { bid: perGram - 10, ask: perGram } });
}

/** No tab bar, no live price strip: only the step and its footer. */
async function expectFocusMode(page: Page) {
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole("region", { name: "Canlı fiyatlar" })).toHaveCount(0);
  await expect(footer(page)).toBeVisible();
  const button = footer(page).getByRole("button");
  const box = await button.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
}

/** The footer (and its countdown, when `timer`) is inside the viewport at the top, middle and bottom. */
async function expectFooterAtEveryScroll(page: Page, timer = true) {
  for (const at of [0, 0.5, 1]) {
    await page.evaluate((f) => {
      const max = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo(0, Math.round(max * f));
    }, at);
    await expect(footer(page)).toBeInViewport({ ratio: 1 });
    if (timer) await expect(footer(page).getByRole("timer")).toBeInViewport();
  }
}

/** axe in light and dark. */
async function expectAccessibleBoth(page: Page, expectAccessible: () => Promise<void>) {
  await expectAccessible();
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible();
  await page.emulateMedia({ colorScheme: "light" });
}

async function launchToAddress(page: Page) {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=${gold10g}`);
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await page.getByRole("link", { name: /^Sepet, \d+ ürün$/ }).click();
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await page.getByRole("link", { name: "Ödemeye geç" }).click();
  await expect(h1(page, "Teslimat ve fatura adresi")).toBeVisible({ timeout: 15_000 });
}

async function acceptDocuments(page: Page) {
  await page.getByRole("checkbox", { name: /Ön bilgilendirme formunu okudum/ }).check();
  await page.getByRole("checkbox", { name: /Mesafeli satış sözleşmesini okudum/ }).check();
}

test.beforeEach(async ({ request }) => {
  // Whole checkouts with axe in two colour schemes per step, on a machine that may be busy.
  test.setTimeout(120_000);
  await resetSandbox(request);
});

test("focus mode: no tab bar or price strip, a sticky footer with the countdown, documents open in place", async ({
  page,
  request,
  expectAccessible,
}) => {
  await pinGold(request, 5_000);
  await launchToAddress(page);
  await expectFocusMode(page);
  await expectFooterAtEveryScroll(page);
  await expectAccessibleBoth(page, expectAccessible);

  await footer(page).getByRole("button", { name: "Devam et" }).click();
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeVisible();
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeFocused();
  await expectFocusMode(page);
  // One countdown on the page, in the footer.
  await expect(page.getByRole("timer")).toHaveCount(1);

  // The documents: closed, then open in place; the page is the only thing that scrolls.
  const text = page.getByRole("region", { name: /Ön Bilgilendirme Formu metni/ });
  await expect(text).toBeHidden();
  await page.getByText("Metnin tamamını oku").first().click();
  await expect(text).toBeVisible();
  const nested = await text.evaluate((el) => {
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      const { overflowY } = getComputedStyle(node);
      if ((overflowY === "auto" || overflowY === "scroll") && node.scrollHeight > node.clientHeight)
        return true;
    }
    return false;
  });
  expect(nested).toBe(false);
  await expectFooterAtEveryScroll(page);
  await expectAccessibleBoth(page, expectAccessible);

  await acceptDocuments(page);
  await footer(page).getByRole("button", { name: "Ödeme adımına geç" }).click();
  await expect(h1(page, "Ödeme")).toBeVisible();
  await expectFocusMode(page);
  await expect(footer(page).getByRole("button", { name: /^₺[\d.,]+ öde$/ })).toBeVisible();
  // A signed-in customer with a wallet is offered it.
  await expect(page.getByRole("radio", { name: /Cüzdan bakiyesi/ })).toBeVisible();
  await expectFooterAtEveryScroll(page);
  await expectAccessibleBoth(page, expectAccessible);
});

test("a guest: the identity step in the indicator, the TCKN asked once, no wallet offered", async ({
  page,
  expectAccessible,
}) => {
  await page.goto(gold10g);
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await page.getByRole("link", { name: "Sepet, 1 ürün" }).click();
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await page.getByRole("link", { name: "Ödemeye geç" }).click();
  await expect(h1(page, "Kimlik ve iletişim bilgileriniz")).toBeVisible({ timeout: 10_000 });

  // Identity is step 1 of 4, and the current one.
  const steps = page.getByRole("navigation", { name: "Ödeme adımları" });
  await expect(steps.getByRole("listitem")).toHaveCount(4);
  await expect(steps.locator("[aria-current=step]")).toContainText("Adım 1/4");
  await expectFocusMode(page);
  await expectFooterAtEveryScroll(page, false);
  await expectAccessibleBoth(page, expectAccessible);

  await page.getByLabel("Ad", { exact: true }).fill("Deniz");
  await page.getByLabel("Soyad").fill("Aksoy");
  await page.getByLabel("T.C. kimlik numarası").fill(TCKN);
  await page.getByLabel("E-posta adresi").fill("deniz.aksoy@example.com");
  await page.getByLabel("Cep telefonu").fill("05321234567");
  await footer(page).getByRole("button", { name: "Adres adımına geç" }).click();

  // The address: no second TCKN field; the invoice takes the one given.
  await expect(h1(page, "Teslimat ve fatura adresi")).toBeVisible();
  await expect(steps.locator("[aria-current=step]")).toContainText("Adım 2/4");
  const form = page.getByRole("region", { name: "Yeni teslimat adresi" });
  await expect(form.getByLabel("Ad soyad")).toHaveValue("Deniz Aksoy");
  await expect(page.getByLabel("T.C. kimlik numarası")).toHaveCount(0);
  await expectAccessibleBoth(page, expectAccessible);
  await form.getByLabel("İl", { exact: true }).selectOption("Ankara");
  await form.getByLabel("İlçe").fill("Çankaya");
  await form.getByLabel("Mahalle").fill("Kızılay Mah.");
  await form.getByLabel("Posta kodu").fill("06420");
  await form.getByLabel("Açık adres").fill("Atatürk Blv. No: 5 D: 3");
  await form.getByRole("button", { name: "Adresi kaydet ve seç" }).click();
  await expect(page.getByRole("radio", { name: /Deniz Aksoy/ })).toBeChecked();
  await footer(page).getByRole("button", { name: "Devam et" }).click();

  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeVisible();
  await acceptDocuments(page);
  await footer(page).getByRole("button", { name: "Ödeme adımına geç" }).click();

  // Pay: the card only, no wallet; a wallet payment asked directly is refused.
  await expect(h1(page, "Ödeme")).toBeVisible();
  await expect(page.getByRole("radio", { name: /Kredi \/ banka kartı/ })).toBeChecked();
  await expect(page.getByText("Cüzdan bakiyesi")).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const quote = await page.request.get("/api/checkout/quote");
  const { quoteId } = (await quote.json()) as { quoteId: string };
  const res = await page.request.post("/api/checkout/complete", {
    data: {
      quoteId,
      paymentType: "wallet",
      legalAcceptances: [{ type: "pre_information" }, { type: "distance_sales" }],
    },
    headers: { origin, "idempotency-key": crypto.randomUUID() },
  });
  expect(res.status()).toBe(422);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  expect(JSON.stringify(await res.json())).toContain("paymentType");
  await expectAccessibleBoth(page, expectAccessible);
});

test("a declined card shows the bank's reason only, also after 15 s and past the price fix", async ({
  page,
  request,
  expectAccessible,
}) => {
  const ttl = (await sandboxControl(request).config.get()).pricefix_ttl;
  await pinGold(request, 5_000);
  await page.clock.install();
  await launchToAddress(page);
  await footer(page).getByRole("button", { name: "Devam et" }).click();
  await acceptDocuments(page);
  await footer(page).getByRole("button", { name: "Ödeme adımına geç" }).click();
  await expect(h1(page, "Ödeme")).toBeVisible();
  await payButton(page).click();
  await expect(page.getByRole("heading", { name: "Ödemeyi onaylayın" })).toBeVisible({
    timeout: 15_000,
  });
  // The market moves while the customer is at the bank; the bank then declines.
  await pinGold(request, 5_050);
  await page.getByRole("button", { name: "Reddet" }).click();
  await expect(page).toHaveURL(/\/checkout\/pay$/, { timeout: 15_000 });

  const onlyTheBank = async () => {
    await expect(page.getByRole("alert")).toHaveCount(1);
    await expect(page.getByRole("alert")).toContainText("Yetersiz bakiye");
    await expect(page.getByText(/süresi doldu/)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Fiyat güncellendi" })).toHaveCount(0);
    await expect(payButton(page)).toBeEnabled();
  };
  await onlyTheBank();
  await expectAccessibleBoth(page, expectAccessible);

  await advanceClock(request, 16);
  await page.clock.runFor(16_000);
  await onlyTheBank();

  await advanceClock(request, ttl);
  await page.clock.runFor(ttl * 1000);
  await expect(footer(page).getByRole("timer")).toBeVisible({ timeout: 10_000 });
  await onlyTheBank();
  await expectFooterAtEveryScroll(page);
});
