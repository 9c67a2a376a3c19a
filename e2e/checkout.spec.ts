import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  advanceClock,
  fault,
  lastRequestId,
  resetSandbox,
  sandboxControl,
  upstreamCalls,
} from "./sandbox";

/**
 * Checkout to receipt on a phone, as a person does it: basket → address → review (the two
 * documents) → pay → the bank's 3-D Secure page → back in the shop on the receipt. Every test
 * starts from a fresh sandbox.
 */

const gold10g = "/products/MNTGB00010";
/** Completing a basket upstream (server/upstream/paths.ts `basketComplete`). */
const COMPLETE = { method: "PUT", path: "/partner/ecom/basket/complete" } as const;

/** "₺1.234,50" → 1234.5 */
function amountOf(text: string | null): number {
  return Number((text ?? "").replace(/[^\d,]/g, "").replace(",", "."));
}

/** Gold at a fixed price, so that totals only change when a test moves it. */
async function pinGold(request: APIRequestContext, perGram: number) {
  await sandboxControl(request).prices.pin({ GAU: { bid: perGram - 10, ask: perGram } });
}

async function priceFixTtl(request: APIRequestContext): Promise<number> {
  return (await sandboxControl(request).config.get()).pricefix_ttl;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

async function launchWithProduct(page: Page, customer = "DEMO-IND-001") {
  await page.goto(`/dev/launch?customer=${customer}&to=${gold10g}`);
  const add = page.getByRole("button", { name: "Sepete ekle" });
  await expect(add).toBeEnabled({ timeout: 15_000 });
  await add.click();
  await expect(page.getByRole("link", { name: "Sepet, 1 ürün" })).toBeVisible();
}

async function basketToAddress(page: Page) {
  await page.getByRole("link", { name: /^Sepet, \d+ ürün$/ }).click();
  await expect(h1(page, "Sepetim")).toBeVisible();
  await expect(page.getByText("Güncelleniyor…")).toBeHidden({ timeout: 10_000 });
  await page.getByRole("link", { name: "Ödemeye geç" }).click();
  await expect(h1(page, "Teslimat ve fatura adresi")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/address$/);
}

async function addressToReview(page: Page) {
  await page.getByRole("button", { name: "Devam et" }).click();
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/review$/);
}

async function acceptDocuments(page: Page) {
  await page.getByRole("checkbox", { name: /Ön bilgilendirme formunu okudum/ }).check();
  await page.getByRole("checkbox", { name: /Mesafeli satış sözleşmesini okudum/ }).check();
}

async function reviewToPay(page: Page) {
  await page.getByRole("button", { name: "Ödeme adımına geç" }).click();
  await expect(h1(page, "Ödeme")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/pay$/);
}

/** A customer with 10 g of gold in the basket, on the pay step with both documents accepted. */
async function toPayStep(page: Page) {
  await launchWithProduct(page);
  await basketToAddress(page);
  await addressToReview(page);
  await acceptDocuments(page);
  await reviewToPay(page);
}

const payButton = (page: Page): Locator => page.getByRole("button", { name: /^₺[\d.,]+ öde$/ });

/** The sandbox bank's 3-D Secure page (sandbox/routes/pay.ts). */
async function atBank(page: Page) {
  await expect(page.getByRole("heading", { name: "Ödemeyi onaylayın" })).toBeVisible({
    timeout: 15_000,
  });
}

async function approveAtBank(page: Page) {
  await atBank(page);
  await page.getByLabel("SMS doğrulama kodu").fill("123456");
  await page.getByRole("button", { name: "Onayla" }).click();
}

/** Approves the payment at the bank and lands on the receipt; answers the order code. */
async function approveAndReceipt(page: Page): Promise<string> {
  await approveAtBank(page);
  return expectReceipt(page);
}

async function bankAmount(page: Page): Promise<number> {
  const row = page.locator("dt", { hasText: "Tutar" }).locator("xpath=following-sibling::dd[1]");
  return amountOf(await row.textContent());
}

/** Back in the shop on the receipt; answers the order code. */
async function expectReceipt(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/orders\/[^/]+\/receipt$/, { timeout: 15_000 });
  const code = decodeURIComponent(/\/orders\/([^/]+)\/receipt$/.exec(page.url())?.[1] ?? "");
  await expect(h1(page, "Dekont")).toBeVisible();
  await expect(page.getByText(code).first()).toBeVisible();
  return code;
}

/** A phone screenshot in the report (and in E2E_SHOTS_DIR, when set, to look at). */
async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  const body = await page.screenshot({
    fullPage: true,
    ...(dir ? { path: `${dir}/${test.info().project.name}-${name}.png` } : {}),
  });
  await test.info().attach(name, { body, contentType: "image/png" });
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("a full purchase by card: saved addresses, documents, 3-D Secure, receipt", async ({
  page,
  expectAccessible,
}) => {
  await launchWithProduct(page);
  await basketToAddress(page);

  // Step indicator: an ordered list in a navigation, the current step marked.
  const steps = page.getByRole("navigation", { name: "Ödeme adımları" });
  await expect(steps.getByRole("listitem")).toHaveCount(3);
  await expect(steps.locator('[aria-current="step"]')).toContainText("Adres");

  // Her saved İstanbul address is preselected for delivery, billed to itself.
  await expect(page.getByRole("radio", { name: /Kadıköy/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Fatura adresim teslimat/ })).toBeChecked();
  await expectAccessible();
  await screenshot(page, "address");

  await addressToReview(page);
  await expect(page).toHaveTitle(/Siparişinizi gözden geçirin/);
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeFocused();
  await expect(steps.locator('[aria-current="step"]')).toContainText("Özet");
  await expect(page.getByText(/Külçe Altın/).first()).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^\d:\d\d$/);
  // The document opens in place (issue 17: no scroll box inside the page).
  await page.getByText("Metnin tamamını oku").first().click();
  await expect(page.getByRole("region", { name: /Ön Bilgilendirme Formu metni/ })).toBeVisible();

  // Continuing without the documents is refused at the boxes.
  await page.getByRole("button", { name: "Ödeme adımına geç" }).click();
  await expect(
    page.getByRole("checkbox", { name: /Ön bilgilendirme formunu okudum/ }),
  ).toBeFocused();
  await expect(page.getByText("Devam etmek için iki belgeyi de onaylayın.")).toBeVisible();
  await acceptDocuments(page);
  await expectAccessible();
  await screenshot(page, "review");

  await reviewToPay(page);
  await expect(page).toHaveTitle(/Ödeme/);
  const total = amountOf(await payButton(page).textContent());
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole("radio", { name: /Kredi \/ banka kartı/ })).toBeChecked();
  await expectAccessible();
  await screenshot(page, "pay");

  await payButton(page).click();
  await atBank(page);
  expect(await bankAmount(page)).toBeCloseTo(total, 2);
  const code = await approveAndReceipt(page);
  expect(code).toMatch(/^MC_/);
  await screenshot(page, "receipt");
});

test("consent is the proxy's record: ticks survive reloads, a changed document is ticked again, the receipt prints the proxy's time", async ({
  page,
  request,
  expectAccessible,
}) => {
  test.slow(); // three reloads and the bank
  await launchWithProduct(page);
  await basketToAddress(page);
  await addressToReview(page);
  const preInformation = page.getByRole("checkbox", { name: /Ön bilgilendirme formunu okudum/ });
  const distanceSales = page.getByRole("checkbox", { name: /Mesafeli satış sözleşmesini okudum/ });
  const recorded = new Map<string, string>();
  /** Ticks one box and notes the time the proxy recorded for it (its own clock). */
  const tick = async (box: Locator) => {
    const answer = page.waitForResponse(
      (r) => r.url().endsWith("/api/checkout/legal/acceptance") && r.request().method() === "PUT",
    );
    await box.check();
    const res = await answer;
    expect(res.status()).toBe(200);
    const sent: unknown = res.request().postDataJSON();
    expect(JSON.stringify(sent)).not.toContain("acceptedAt");
    const { acceptances } = (await res.json()) as {
      acceptances: { type: string; acceptedAt: string }[];
    };
    for (const a of acceptances) recorded.set(a.type, a.acceptedAt);
  };
  await tick(preInformation);
  await tick(distanceSales);

  // A reload reads the ticks back from the proxy.
  await page.reload();
  await expect(h1(page, "Siparişinizi gözden geçirin")).toBeVisible();
  await expect(preInformation).toBeChecked();
  await expect(distanceSales).toBeChecked();

  // Upstream publishes a new version: the old acceptance no longer counts, and the page says so.
  await sandboxControl(request).config.set({ legal_version: "2026.2" });
  await page.reload();
  await expect(preInformation).not.toBeChecked();
  await expect(distanceSales).not.toBeChecked();
  await expect(
    page.getByText("Bu belge, onayladığınız 2026.1 sürümünden bu yana değişti.", { exact: false }),
  ).toHaveCount(2);
  await expect(preInformation).toHaveAccessibleDescription(/2026\.1 sürümünden bu yana değişti/);
  await expectAccessible();
  recorded.clear();
  await tick(preInformation);
  await tick(distanceSales);
  await expect(page.getByText(/sürümünden bu yana değişti/)).toHaveCount(0);

  // The pay step, reloaded, still finds the acceptance (it is not the tab's memory).
  await reviewToPay(page);
  await page.reload();
  await expect(h1(page, "Ödeme")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/pay$/);
  const completion = page.waitForRequest(
    (r) => r.url().endsWith("/api/checkout/complete") && r.method() === "POST",
  );
  await payButton(page).click();
  expect(JSON.stringify((await completion).postDataJSON())).not.toMatch(/acceptedAt|version/);
  await approveAndReceipt(page);

  const rows = page.getByRole("region", { name: "Yasal onaylar" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  for (const [i, type] of ["pre_information", "distance_sales"].entries()) {
    await expect(rows.nth(i)).toContainText("Sürüm 2026.2");
    await expect(rows.nth(i).locator("time")).toHaveAttribute(
      "datetime",
      recorded.get(type) ?? "missing",
    );
  }
});

test("3 card instalments: the total shown with the bank's charge is what the bank and the receipt charge", async ({
  page,
  request,
  expectAccessible,
}) => {
  await pinGold(request, 4200);
  await toPayStep(page);
  const single = amountOf(await payButton(page).textContent());
  expect(single).toBeGreaterThan(0);

  // Each option tells what it costs; 3 instalments add the bank's charge.
  const three = page.getByRole("radio", { name: /^3 taksit/ });
  const label = page.locator("label").filter({ has: three });
  await expect(label).toContainText(/3 × ₺[\d.,]+ \(toplam ₺[\d.,]+\)/);
  const optionTotal = amountOf(
    /toplam (₺[\d.,]+)/.exec((await label.textContent()) ?? "")?.[1] ?? "",
  );
  await three.check();
  await expect(payButton(page)).toHaveText(/^₺[\d.,]+ öde$/);
  const shown = amountOf(await payButton(page).textContent());
  expect(shown).toBe(optionTotal);
  expect(shown).toBeGreaterThan(single);
  await expect(page.getByText(/taksit farkı \(₺[\d.,]+\) dahil/)).toBeVisible();
  await expect(page.getByText(/Taksitli ödemede bankanızın vade farkı/)).toBeHidden();
  await expectAccessible();
  await screenshot(page, "pay-installments");

  await payButton(page).click();
  await atBank(page);
  expect(await bankAmount(page)).toBe(shown);
  await approveAndReceipt(page);
  const totals = page.getByRole("region", { name: "Tutar özeti" });
  const paid = totals
    .locator("dt", { hasText: "Ödenen tutar" })
    .locator("xpath=following-sibling::dd[1]");
  expect(amountOf(await paid.textContent())).toBe(shown);
});

test("a corporate invoice: the company's VKN address, paid from the wallet", async ({
  page,
  expectAccessible,
}) => {
  await launchWithProduct(page, "DEMO-CORP-001");
  await basketToAddress(page);
  await expect(page.getByRole("radio", { name: /Anadolu Kıymetli Madenler/ })).toBeChecked();
  await addressToReview(page);

  const billing = page
    .getByRole("region", { name: "Fatura adresi" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "Fatura adresi" }) }));
  await expect(billing.getByText("Anadolu Kıymetli Madenler A.Ş.")).toBeVisible();
  await expect(billing.getByText("********30")).toBeVisible();
  await expect(billing.getByText(/Kozyatağı/)).toBeVisible();
  await acceptDocuments(page);
  await reviewToPay(page);

  await page.getByRole("radio", { name: /Cüzdan bakiyesi/ }).check();
  await expect(page.getByRole("group", { name: "Taksit" })).toBeHidden();
  await expectAccessible();
  await payButton(page).click();
  await expectReceipt(page);
  const receipt = page.getByRole("main");
  await expect(receipt.getByText("Anadolu Kıymetli Madenler A.Ş.").first()).toBeVisible();
  await expect(receipt.getByText("********30").first()).toBeVisible();
});

test("a new address with an invalid TCKN: the message at the field, nothing typed lost", async ({
  page,
  expectAccessible,
}) => {
  await launchWithProduct(page);
  await basketToAddress(page);
  await page.getByRole("button", { name: "Yeni teslimat adresi ekle" }).click();
  const form = page.getByRole("region", { name: "Yeni teslimat adresi" });
  await expect(form.getByRole("heading", { name: "Yeni teslimat adresi" })).toBeFocused();
  await form.getByLabel("Ad soyad").fill("Mehmet Kaya");
  await form.getByLabel("Cep telefonu").fill("0532 444 55 66");
  await form.getByLabel("İl", { exact: true }).selectOption("Ankara");
  await form.getByLabel("İlçe").fill("Çankaya");
  await form.getByLabel("Mahalle").fill("Kızılay Mah.");
  await form.getByLabel("Posta kodu").fill("06420");
  await form.getByLabel("Açık adres").fill("Atatürk Blv. No: 5 D: 3");
  await form.getByLabel("T.C. kimlik numarası").fill("12345678901");
  await form.getByRole("button", { name: "Adresi kaydet ve seç" }).click();
  await expect(form.getByLabel("T.C. kimlik numarası")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/Geçerli bir T\.C\. kimlik numarası/)).toBeVisible();
  await expectAccessible();
  await screenshot(page, "new-address-error");

  // A reload keeps what was typed, and the form open.
  await page.reload();
  const again = page.getByRole("region", { name: "Yeni teslimat adresi" });
  await expect(again.getByLabel("Ad soyad")).toHaveValue("Mehmet Kaya");
  await expect(again.getByLabel("Açık adres")).toHaveValue("Atatürk Blv. No: 5 D: 3");
  await again.getByLabel("T.C. kimlik numarası").fill("10000000146");
  await again.getByRole("button", { name: "Adresi kaydet ve seç" }).click();
  await expect(page.getByRole("radio", { name: /Mehmet Kaya/ })).toBeChecked();
  await addressToReview(page);
  const shipping = page.locator("section", {
    has: page.getByRole("heading", { name: "Teslimat adresi" }),
  });
  await expect(shipping.getByText("Mehmet Kaya")).toBeVisible();
});

test("price expiry: Pay after the fix ran out shows old and new totals, and charges the new one", async ({
  page,
  request,
}) => {
  await pinGold(request, 5_000);
  await toPayStep(page);
  const before = amountOf(await payButton(page).textContent());

  // The market moves and the fix runs out upstream while the customer hesitates.
  await pinGold(request, 5_200);
  await advanceClock(request, (await priceFixTtl(request)) + 5);
  await payButton(page).click();

  const change = page
    .getByRole("region", { name: "Fiyat güncellendi" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "Fiyat güncellendi" }) }));
  await expect(change.getByRole("heading", { name: "Fiyat güncellendi" })).toBeFocused();
  const oldTotal = amountOf(
    await change
      .locator("dt", { hasText: "Önceki tutar" })
      .locator("xpath=following-sibling::dd[1]")
      .textContent(),
  );
  const newTotal = amountOf(
    await change
      .locator("dt", { hasText: "Yeni tutar" })
      .locator("xpath=following-sibling::dd[1]")
      .textContent(),
  );
  expect(oldTotal).toBeCloseTo(before, 2);
  expect(newTotal).toBeGreaterThan(oldTotal);
  await screenshot(page, "price-changed");

  // No paying at the old price: the Pay button asks for the confirmation first.
  await payButton(page).click();
  await expect(page.getByText("Fiyat değişti: önce yeni tutarı onaylayın.")).toBeVisible();
  await change.getByRole("button", { name: /Yeni fiyatı onayla/ }).click();
  await expect(change).toBeHidden();
  expect(amountOf(await payButton(page).textContent())).toBeCloseTo(newTotal, 2);

  await payButton(page).click();
  await atBank(page);
  expect(await bankAmount(page)).toBeCloseTo(newTotal, 2);
  await approveAndReceipt(page);
});

test("price expiry while reading: the countdown runs out, re-quotes and asks to confirm", async ({
  page,
  request,
}) => {
  const ttl = await priceFixTtl(request);
  await pinGold(request, 5_000);
  await page.clock.install();
  await launchWithProduct(page);
  await basketToAddress(page);
  await addressToReview(page);
  const timer = page.getByRole("timer");
  await expect(timer).toHaveText(/^[34]:\d\d$/);

  await pinGold(request, 4_900);
  await advanceClock(request, ttl + 5);
  await page.clock.runFor((ttl + 5) * 1000);
  const heading = page.getByRole("heading", { name: "Fiyat güncellendi" });
  await expect(heading).toBeVisible();
  await expect(page.getByText(/Yeni tutar ₺[\d.,]+ daha düşük\./)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Fiyat değişti" })).toBeAttached();

  await acceptDocuments(page);
  await page.getByRole("button", { name: "Ödeme adımına geç" }).click();
  await expect(page.getByText("Fiyat değişti: önce yeni tutarı onaylayın.")).toBeVisible();
  await page.getByRole("button", { name: /Yeni fiyatı onayla/ }).click();
  await reviewToPay(page);
  await expect(timer).toHaveText(/^[34]:\d\d$/);
});

test("3-D Secure decline: back on the pay step with the bank's reason, then a new attempt succeeds", async ({
  page,
  request,
}) => {
  await pinGold(request, 5_000);
  await toPayStep(page);
  await payButton(page).click();
  await atBank(page);
  await page.getByRole("button", { name: "Reddet" }).click();

  await expect(page).toHaveURL(/\/checkout\/pay$/, { timeout: 15_000 });
  const alert = page.getByRole("alert").filter({ hasText: "Bankanız ödemeyi onaylamadı" });
  await expect(alert).toContainText("Yetersiz bakiye");
  await expect(page.getByRole("link", { name: "Sepet, 1 ürün" })).toBeVisible();
  await screenshot(page, "declined");

  const since = await lastRequestId(request);
  await payButton(page).click();
  await approveAndReceipt(page);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
});

test("a double tap on Pay completes the basket once", async ({ page, request }) => {
  await toPayStep(page);
  const since = await lastRequestId(request);

  // Two clicks in one task (before React re-renders the button as busy), then a real double tap.
  await payButton(page).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await payButton(page)
    .dblclick({ timeout: 1_000 })
    .catch(() => undefined);
  await atBank(page);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
});

test("a reload while the completion is in flight still makes one order", async ({
  page,
  request,
}) => {
  await toPayStep(page);
  await fault(request, { method: "PUT", path: COMPLETE.path, latency_ms: 4_000, count: 1 });
  const since = await lastRequestId(request);

  await payButton(page).click();
  const busy = page.getByRole("button", { name: "Ödeme işleniyor…" });
  await expect(busy).toBeDisabled();
  await expect(busy).toHaveAttribute("aria-busy", "true");
  await page.reload();

  // The page resumes the same attempt (same key): the proxy answers with the first outcome.
  await approveAndReceipt(page);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
});

test("a response lost on the way to the phone: the same key is sent again, one order", async ({
  page,
  request,
}) => {
  await toPayStep(page);
  const since = await lastRequestId(request);

  // The proxy completes the basket, but its answer never reaches the page (a dead mobile link).
  const keys: (string | undefined)[] = [];
  await page.route("**/api/checkout/complete", async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length === 1) {
      await route.fetch();
      await route.abort("connectionreset");
    } else await route.continue();
  });
  await payButton(page).click();
  await approveAndReceipt(page);
  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
});

test("a cut answer: the proxy reads the order back and the shop goes on to the bank", async ({
  page,
  request,
}) => {
  await toPayStep(page);
  // Minted completes the basket, but its answer reaches the proxy cut in half.
  await fault(request, { method: "PUT", path: COMPLETE.path, malformed: true, count: 1 });
  const since = await lastRequestId(request);

  await payButton(page).click();
  await approveAndReceipt(page);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
});

test("a completion Minted never ran: nothing charged, the same payment is sent again, one order", async ({
  page,
  request,
}) => {
  await toPayStep(page);
  await fault(request, { method: "PUT", path: COMPLETE.path, status: 503, count: 1 });
  const since = await lastRequestId(request);

  // The proxy knows Minted did not complete it (and kept nothing): the shop's own retry, with
  // the same key, completes it.
  await payButton(page).click();
  await approveAndReceipt(page);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(2);
});

test("Minted completed it but its answer was lost: the customer ends on the receipt of one order", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await toPayStep(page);
  // The completion runs at Minted, then the connection drops before its answer leaves.
  await fault(request, { method: "PUT", path: COMPLETE.path, after: true, drop: true, count: 1 });
  const since = await lastRequestId(request);
  const answers: number[] = [];
  const sent: (string | null)[] = [];
  page.on("response", (res) => {
    if (!res.url().endsWith("/api/checkout/complete")) return;
    answers.push(res.status());
    sent.push(res.request().postData());
  });

  await payButton(page).click();
  const code = await approveAndReceipt(page);
  await screenshot(page, "lost-answer-receipt");
  // The proxy found the order at Minted and answered it: never a failure for a charged payment.
  expect(answers).toEqual([200]);
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
  // The same payment sent again under a new key (another tab, a lost attempt) leads to this
  // order, not to "your basket is empty", and makes no second one.
  const again = await page.request.post("/api/checkout/complete", {
    data: JSON.parse(sent[0] ?? "null") as unknown,
    headers: {
      origin: new URL(page.url()).origin,
      "idempotency-key": `e2e-new-${String(Date.now())}`,
    },
  });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ orderCode: code });
  expect(await upstreamCalls(request, COMPLETE.method, COMPLETE.path, since)).toBe(1);
});

test("Minted cannot tell yet: we are checking, focus on the message, no Pay button, Check again ends on the receipt", async ({
  page,
  request,
  expectAccessible,
}) => {
  test.setTimeout(90_000);
  await toPayStep(page);
  // The completion runs, its answer is lost, and Minted cannot be asked about it for now.
  await fault(request, { method: "PUT", path: COMPLETE.path, after: true, drop: true, count: 1 });
  await fault(request, { method: "POST", path: "/partner/ecom/getorder", status: 503, count: 50 });
  await payButton(page).click();

  const title = page.getByText("Ödemenizi kontrol ediyoruz");
  await expect(title).toBeVisible({ timeout: 30_000 });
  await expect(title).toBeFocused();
  // "Do not pay again": no Pay button beside the message, Check again is the way on.
  await expect(payButton(page)).toBeHidden();
  const again = page.getByRole("button", { name: "Yeniden kontrol et" });
  expect((await again.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  await expectAccessible();
  await screenshot(page, "checking");

  await sandboxControl(request).faults.clear();
  await again.click();
  await approveAndReceipt(page);
});

test("Back from the receipt never reaches the pay step", async ({ page }) => {
  await toPayStep(page);
  await payButton(page).click();
  const code = await approveAndReceipt(page);

  for (let i = 0; i < 3; i++) {
    await page.goBack();
    await page.waitForLoadState();
    await expect(page).not.toHaveURL(/\/checkout\/pay/);
    await expect(payButton(page)).toHaveCount(0);
    if (!page.url().includes("/checkout") && !page.url().includes("/pay/")) break;
    await expect(page).toHaveURL(new RegExp(`/orders/${code}/receipt$`), { timeout: 15_000 });
  }
});

test("the return page asks the proxy while the bank decides, and can go back to the bank", async ({
  page,
  expectAccessible,
}) => {
  await toPayStep(page);
  await payButton(page).click();
  await atBank(page);
  const order =
    (await page
      .locator("dt", { hasText: "Sipariş no" })
      .locator("xpath=following-sibling::dd[1]")
      .textContent()) ?? "";

  // A forged "success" in the query string changes nothing: the order is still waiting.
  await page.goto(`/checkout/return?order=${order}&status=success`);
  await expect(h1(page, "Ödemeniz onaylanıyor")).toBeVisible();
  await expect(page.getByText(`Sipariş numarası: ${order}`)).toBeVisible();
  await expectAccessible();
  await screenshot(page, "return-pending");

  await page.getByRole("button", { name: "Banka sayfasına dön" }).click();
  await approveAndReceipt(page);
});

test("an empty basket gets a friendly state, not a form, for a guest and for a customer", async ({
  page,
  expectAccessible,
}) => {
  // A guest with something to buy gets the identity step (e2e/guest-checkout.spec.ts).
  await page.goto("/checkout");
  await expect(h1(page, "Ödeme")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "Ödenecek ürün yok" })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expectAccessible();

  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/checkout/review");
  await expect(page.getByRole("heading", { name: "Ödenecek ürün yok" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole("link", { name: "Ürünlere göz at" })).toBeVisible();
});
