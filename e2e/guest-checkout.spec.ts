import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { resetSandbox, upstreamCalls } from "./sandbox";

/**
 * The standalone shop, as a visitor without an account buys on a phone and on a desktop:
 * catalog → product → basket → identity (name, TCKN, e-mail, phone) → a new address → the two
 * documents → card through the bank's 3-D Secure page → receipt; the order then stays on
 * /orders in the same session, and a fresh browser finds the receipt by code and e-mail. A
 * company checks out as a company (Create Business Customer) and is invoiced as one.
 */

/** Completing a basket upstream (server/upstream/paths.ts `basketComplete`). */
const COMPLETE = { method: "PUT", path: "/partner/ecom/basket/complete" } as const;
const EMAIL = "deniz.aksoy@example.com";
const INVALID_TCKN = "12345678901";
const TCKN = "10000000146";
const VKN = "4610427530";
const INVALID_VKN = "4610427531";

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** Opens a page and waits for its heading (a first load fetches its chunks). */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeAttached({ timeout: 15_000 });
}

/** A screenshot in the report (and in E2E_SHOTS_DIR, when set, to look at). */
async function screenshot(page: Page, name: string, fullPage = true) {
  const dir = process.env.E2E_SHOTS_DIR;
  const body = await page.screenshot({
    fullPage,
    ...(dir ? { path: `${dir}/${test.info().project.name}-${name}.png` } : {}),
  });
  await test.info().attach(name, { body, contentType: "image/png" });
}

/** From the badge to the basket (the add reached the proxy), then on to checkout. */
async function toCheckout(page: Page) {
  await page.getByRole("link", { name: "Sepet, 1 ürün" }).click();
  await expect(h1(page, "Sepetim")).toBeVisible();
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await page.getByRole("link", { name: "Ödemeye geç" }).click();
  await expect(h1(page, "Kimlik ve iletişim bilgileriniz")).toBeVisible({ timeout: 10_000 });
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("a guest buys by card on the web, then finds the order on /orders and by code + e-mail", async ({
  page,
  browser,
  request,
  expectAccessible,
}) => {
  // A whole purchase with two browsers, on a machine that may be busy.
  test.setTimeout(180_000);
  // Browse: the catalog, a product, into the basket (a guest session starts here).
  await openPage(page, "/");
  await screenshot(page, "header", false);
  await page.getByRole("link", { name: "Minted 5 Gr 999,9 Külçe Altın" }).click();
  await expect(h1(page, "Minted 5 Gr 999,9 Külçe Altın")).toBeVisible();
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await toCheckout(page);

  // Identity: the step's heading has the focus; nothing goes into the URL.
  const title = h1(page, "Kimlik ve iletişim bilgileriniz");
  await expect(title).toBeFocused();
  await expect(page).toHaveURL(/\/checkout\/identity$/);
  await expect(page.getByText(/6698 sayılı KVKK/)).toBeVisible();
  const tckn = page.getByLabel("T.C. kimlik numarası");
  await page.getByLabel("Ad", { exact: true }).fill("Deniz");
  await page.getByLabel("Soyad").fill("Aksoy");
  await tckn.fill(INVALID_TCKN);
  await page.getByLabel("E-posta adresi").fill(EMAIL);
  await page.getByLabel("Cep telefonu").fill("05321234567");
  await page.getByLabel("Cep telefonu").blur();
  await expect(page.getByLabel("Cep telefonu")).toHaveValue("+90 532 123 45 67");
  // Typed, then masked: only the last two digits show.
  await expect(page.getByTestId("tckn-mask")).toHaveText("•••••••••01");

  const submit = page.getByRole("button", { name: "Adres adımına geç" });
  await submit.click();
  await expect(tckn).toBeFocused();
  await expect(tckn).toHaveAttribute("aria-invalid", "true");
  await expect(tckn).toHaveAccessibleDescription(/Geçerli bir T\.C\. kimlik numarası girin\./);
  await expect(page).toHaveURL(/\/checkout\/identity$/);
  expect(page.url()).not.toContain(INVALID_TCKN);
  // Nothing typed is lost.
  await expect(page.getByLabel("Ad", { exact: true })).toHaveValue("Deniz");
  await expect(page.getByLabel("Soyad")).toHaveValue("Aksoy");
  await expect(page.getByLabel("E-posta adresi")).toHaveValue(EMAIL);
  await expect(tckn).toHaveValue(INVALID_TCKN);
  await expectAccessible();
  await page.getByRole("heading", { level: 1 }).focus();
  await screenshot(page, "identity-error");

  // A reload keeps name, e-mail and phone; the identity number is typed again (never stored).
  await page.reload();
  await expect(h1(page, "Kimlik ve iletişim bilgileriniz")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel("Ad", { exact: true })).toHaveValue("Deniz");
  await expect(page.getByLabel("E-posta adresi")).toHaveValue(EMAIL);
  await expect(page.getByLabel("Cep telefonu")).toHaveValue("+90 532 123 45 67");
  await expect(tckn).toHaveValue("");
  const stored = await page.evaluate(() =>
    [sessionStorage, localStorage]
      .flatMap((store) => Object.keys(store).map((key) => store.getItem(key) ?? ""))
      .join("\n"),
  );
  expect(stored).not.toContain(INVALID_TCKN);
  await tckn.fill(TCKN);
  await expectAccessible();
  await submit.click();

  // The address step: no saved address yet, so the new one is open, name and phone carried over.
  await expect(h1(page, "Teslimat ve fatura adresi")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/address$/);
  const form = page.getByRole("region", { name: "Yeni teslimat adresi" });
  await expect(form.getByLabel("Ad soyad")).toHaveValue("Deniz Aksoy");
  await expect(form.getByLabel("Cep telefonu")).toHaveValue("+90 532 123 45 67");
  await form.getByLabel("İl", { exact: true }).selectOption("Ankara");
  await form.getByLabel("İlçe").fill("Çankaya");
  await form.getByLabel("Mahalle").fill("Kızılay Mah.");
  await form.getByLabel("Posta kodu").fill("06420");
  await form.getByLabel("Açık adres").fill("Atatürk Blv. No: 5 D: 3");
  // The TCKN given on the identity step is not asked again (issue 17).
  await expect(form.getByLabel("T.C. kimlik numarası")).toHaveCount(0);
  await form.getByRole("button", { name: "Adresi kaydet ve seç" }).click();
  await expect(page.getByRole("radio", { name: /Deniz Aksoy/ })).toBeChecked();
  await page.getByRole("button", { name: "Devam et" }).click();

  // Review: both documents accepted.
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeVisible();
  await page.getByRole("checkbox", { name: /Ön bilgilendirme formunu okudum/ }).check();
  await page.getByRole("checkbox", { name: /Mesafeli satış sözleşmesini okudum/ }).check();
  await page.getByRole("button", { name: "Ödeme adımına geç" }).click();

  // Pay by card, through the bank's 3-D Secure page, back on the receipt.
  await expect(h1(page, "Ödeme")).toBeVisible();
  await expect(page.getByRole("radio", { name: /Kredi \/ banka kartı/ })).toBeChecked();
  await page.getByRole("button", { name: /^₺[\d.,]+ öde$/ }).click();
  await expect(page.getByRole("heading", { name: "Ödemeyi onaylayın" })).toBeVisible({
    timeout: 15_000,
  });
  await page.getByLabel("SMS doğrulama kodu").fill("123456");
  await page.getByRole("button", { name: "Onayla" }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+\/receipt$/, { timeout: 15_000 });
  const code = decodeURIComponent(/\/orders\/([^/]+)\/receipt$/.exec(page.url())?.[1] ?? "");
  expect(code).toMatch(/^MC_/);
  await expect(h1(page, "Dekont")).toBeVisible();
  await expect(page.getByText(code).first()).toBeVisible();
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path)).toBe(1);

  // The same session lists the order.
  await openPage(page, "/orders");
  await expect(h1(page, "Siparişlerim")).toBeVisible();
  await expect(page.getByRole("link", { name: code })).toBeVisible();

  // Another browser (no session) finds the receipt by code and e-mail.
  const fresh = await browser.newContext({ locale: "tr-TR", timezoneId: "Europe/Istanbul" });
  try {
    const other = await fresh.newPage();
    await openPage(other, "/receipt-lookup");
    await other.getByLabel("Sipariş kodu").fill(code);
    await other.getByLabel("E-posta adresi").fill(EMAIL.toUpperCase());
    await other.getByRole("button", { name: "Siparişi bul" }).click();
    const found = other.getByRole("region", { name: `Sipariş ${code}` });
    await expect(found).toContainText("Ödeme onaylandı");
  } finally {
    await fresh.close();
  }
  // Still exactly one completion upstream.
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path)).toBe(1);
});

test("identity: a session already bound elsewhere carries on to the address step", async ({
  page,
}) => {
  await openPage(page, "/products/MNTGB00010");
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await toCheckout(page);

  // Another tab of the same session finishes the identity first.
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/session/identity", {
    data: {
      firstname: "Deniz",
      lastname: "Aksoy",
      identityNumber: TCKN,
      email: EMAIL,
      phone: "+905321234567",
    },
    headers: { origin },
  });
  expect(res.ok()).toBe(true);

  await page.getByLabel("Ad", { exact: true }).fill("Deniz");
  await page.getByLabel("Soyad").fill("Aksoy");
  await page.getByLabel("T.C. kimlik numarası").fill(TCKN);
  await page.getByLabel("E-posta adresi").fill(EMAIL);
  await page.getByLabel("Cep telefonu").fill("0532 123 45 67");
  await page.getByRole("button", { name: "Adres adımına geç" }).click();
  await expect(page.getByText(/Bu oturum zaten bir müşteriye bağlı/)).toBeVisible();
  await expect(h1(page, "Teslimat ve fatura adresi")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/address$/);
});

test("a company checks out as a company: its VKN and tax office reach the invoice address", async ({
  page,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  await openPage(page, "/products/MNTGB00010");
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await toCheckout(page);

  // Corporate: the company's fields replace the person's.
  await page.getByRole("radio", { name: /Kurumsal/ }).check();
  await expect(page.getByLabel("T.C. kimlik numarası")).toHaveCount(0);
  const vkn = page.getByLabel("Vergi kimlik numarası");
  await page.getByLabel("Şirket unvanı").fill("Anadolu Kuyumculuk A.Ş.");
  await vkn.fill(INVALID_VKN);
  await page.getByLabel("Vergi dairesi").fill("Kozyatağı");
  await page.getByLabel("E-posta adresi").fill("muhasebe@example.com");
  await page.getByLabel("Cep telefonu").fill("05321234567");
  const submit = page.getByRole("button", { name: "Adres adımına geç" });
  await submit.click();
  await expect(vkn).toBeFocused();
  await expect(vkn).toHaveAttribute("aria-invalid", "true");
  await expect(vkn).toHaveAccessibleDescription(/Geçerli bir vergi kimlik numarası girin\./);
  await expectAccessible();
  await screenshot(page, "identity-company-error");

  // A reload keeps the account type and what was typed.
  await page.reload();
  await expect(h1(page, "Kimlik ve iletişim bilgileriniz")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("radio", { name: /Kurumsal/ })).toBeChecked();
  await expect(page.getByLabel("Şirket unvanı")).toHaveValue("Anadolu Kuyumculuk A.Ş.");
  await expect(page.getByLabel("Vergi dairesi")).toHaveValue("Kozyatağı");
  await vkn.fill(VKN);
  await submit.click();

  // The address step does not ask the company again: a corporate invoice, prefilled.
  await expect(h1(page, "Teslimat ve fatura adresi")).toBeVisible();
  const form = page.getByRole("region", { name: "Yeni teslimat adresi" });
  await expect(form.getByRole("radio", { name: "Kurumsal" })).toBeChecked();
  await expect(form.getByLabel("Şirket unvanı")).toHaveValue("Anadolu Kuyumculuk A.Ş.");
  await expect(form.getByLabel("Vergi dairesi")).toHaveValue("Kozyatağı");
  await expect(form.getByLabel("Vergi kimlik numarası")).toHaveValue(VKN);
  await expect(form.getByLabel("Cep telefonu")).toHaveValue("+90 532 123 45 67");
  await form.getByLabel("Ad soyad").fill("Deniz Aksoy");
  await form.getByLabel("İl", { exact: true }).selectOption("İstanbul");
  await form.getByLabel("İlçe").fill("Ataşehir");
  await form.getByLabel("Mahalle").fill("Barbaros Mah.");
  await form.getByLabel("Posta kodu").fill("34746");
  await form.getByLabel("Açık adres").fill("Kardelen Sok. No: 2 Kat: 4");
  await form.getByRole("button", { name: "Adresi kaydet ve seç" }).click();
  await expect(page.getByRole("radio", { name: /Anadolu Kuyumculuk/ })).toBeChecked();
  await page.getByRole("button", { name: "Devam et" }).click();

  // Review: billed to the company, with its tax office and VKN (masked).
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeVisible();
  const billing = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Fatura adresi" }) });
  await expect(billing).toContainText("Anadolu Kuyumculuk A.Ş.");
  await expect(billing).toContainText("Kurumsal fatura");
  await expect(billing).toContainText("Kozyatağı V.D.");
  await expect(billing).toContainText(/VKN \*+30$/);
  await screenshot(page, "review-company");
});
