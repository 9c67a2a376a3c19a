import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, mainNav, test } from "./fixtures";
import { purchaseThroughApi } from "./purchase";
import { advanceClock, resetSandbox } from "./sandbox";

async function launch(page: Page, customer: string, to: string) {
  await page.goto(`/dev/launch?customer=${customer}&to=${encodeURIComponent(to)}`);
  await page.waitForURL((url) => url.pathname === to.split("?")[0]);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
}

/** Two lines: two 1 g gold bars and a 50 g silver bar, paid from the wallet. */
const twoLines = [
  { sku: "MNTGB00010", quantity: 2 },
  { sku: "MNTSB00050", quantity: 1 },
];

const orderLink = (page: Page, code: string) => page.getByRole("link", { name: code });

async function pdfText(path: string): Promise<string> {
  const data = new Uint8Array(await readFile(path));
  expect(Buffer.from(data.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  const pdf = await getDocument({ data, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n");
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("after a purchase the order is in the list; filters live in the URL and Back restores them", async ({
  page,
  expectAccessible,
}) => {
  await launch(page, "DEMO-IND-001", "/orders");
  await expect(page.getByRole("heading", { name: "Henüz siparişiniz yok" })).toBeVisible();

  const code = await purchaseThroughApi(page, { paymentType: "wallet", items: twoLines });
  await page.goto("/orders");
  const row = page.getByRole("listitem").filter({ has: orderLink(page, code) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Ödeme onaylandı");
  await expect(row).toContainText(/\d+ × .+, \+1 ürün daha/);
  await expect(row).toContainText(/₺[\d.]+,\d\d/);
  await expect(page.getByRole("heading", { name: "1 sipariş" })).toBeVisible();
  await expectAccessible();

  // Status filter: the URL follows the chips, Back walks the filters back.
  const shipped = page.getByRole("checkbox", { name: "Kargoda" });
  const inProgress = page.getByRole("checkbox", { name: "Hazırlanıyor" });
  // The chips follow the URL, so they turn on once the navigation lands: click, then wait for
  // that (check() asserts the state right after the click and races the navigation).
  await shipped.click();
  await expect(page).toHaveURL(/\/orders\?status=shipped$/);
  await expect(shipped).toBeChecked();
  await expect(page.getByRole("heading", { name: "Filtrelere uyan sipariş yok" })).toBeVisible();
  await inProgress.click();
  await expect(page).toHaveURL(/\/orders\?status=in_progress,shipped$/);
  await expect(inProgress).toBeChecked();
  await expect(orderLink(page, code)).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/orders\?status=shipped$/);
  await expect(shipped).toBeChecked();
  await expect(inProgress).not.toBeChecked();
  await expect(page.getByRole("heading", { name: "Filtrelere uyan sipariş yok" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(shipped).not.toBeChecked();
  await expect(orderLink(page, code)).toBeVisible();

  // Date range: from the day after the order, nothing; "clear filters" brings it back.
  const detail = (await (await page.request.get(`/api/orders/${code}`)).json()) as {
    orderedAt: string;
  };
  const nextDay = new Date(Date.parse(detail.orderedAt) + 27 * 3_600_000)
    .toLocaleDateString("sv-SE", { timeZone: "Europe/Istanbul" })
    .slice(0, 10);
  await page.getByLabel("Başlangıç").fill(nextDay);
  await expect(page).toHaveURL(new RegExp(`/orders\\?from=${nextDay}$`));
  await expect(page.getByRole("heading", { name: "Filtrelere uyan sipariş yok" })).toBeVisible();
  await page.getByRole("link", { name: "Filtreleri temizle" }).first().click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByLabel("Başlangıç")).toHaveValue("");

  // A hand-edited link with nonsense in it is ignored, not an error.
  await page.goto("/orders?status=lost,<x>&from=2026-02-30&to=soon&page=-2");
  await expect(orderLink(page, code)).toBeVisible();
  await expect(shipped).not.toBeChecked();

  await orderLink(page, code).click();
  await expect(page.getByRole("heading", { level: 1, name: `Sipariş ${code}` })).toBeVisible();
});

test("the order page follows the order as the sandbox clock moves, without a reload", async ({
  page,
  request,
  expectAccessible,
}) => {
  // The page's own timers run on a clock the test can move (its refresh interval).
  await page.clock.install();
  await launch(page, "DEMO-IND-001", "/");
  const code = await purchaseThroughApi(page, { paymentType: "wallet" });
  await page.goto(`/orders/${code}`);
  const timeline = page.getByRole("region", { name: "Sipariş durumu" });
  const step = (name: string) =>
    timeline.getByRole("listitem").filter({ hasText: new RegExp(`^${name}`) });
  await expect(step("Ödeme onaylandı")).toHaveAttribute("aria-current", "step");
  await expect(step("Oluşturuldu")).toContainText(/\d{4}/);
  await expect(page.getByText("takip numarası burada görünür")).toBeVisible();
  await expectAccessible();
  await page.evaluate(() => {
    document.body.dataset.sameDocument = "yes";
  });

  await advanceClock(request, 5 * 60 + 5);
  await page.clock.fastForward("00:31");
  await expect(step("Hazırlanıyor")).toHaveAttribute("aria-current", "step");
  await expect(step("Ödeme onaylandı")).not.toHaveAttribute("aria-current", "step");
  await expect(page.getByRole("status").filter({ hasText: "güncellendi" })).toHaveText(
    "Sipariş durumu güncellendi: Hazırlanıyor",
  );

  await advanceClock(request, 3 * 3600);
  await page.clock.fastForward("00:31");
  await expect(step("Kargoya verildi")).toHaveAttribute("aria-current", "step");
  const delivery = page.getByRole("region", { name: "Kargo" }).first();
  await expect(delivery).toContainText(/YK\d{10}/);
  await expect(delivery).toContainText("Tahmini teslim");
  const track = page.getByRole("link", { name: /Kargoyu takip et/ }).first();
  await expect(track).toHaveAttribute("rel", "noopener noreferrer");
  await expect(track).toHaveAttribute("target", "_blank");
  await expect(track).toHaveAttribute("href", /^https:\/\/.+YK\d{10}$/);

  // Final: one last refresh, then the page stops asking.
  await advanceClock(request, 49 * 3600);
  await page.clock.fastForward("02:01");
  await expect(step("Tamamlandı")).toHaveAttribute("aria-current", "step");
  let asked = 0;
  page.on("request", (req) => {
    if (new URL(req.url()).pathname === `/api/orders/${code}`) asked++;
  });
  await page.clock.fastForward("10:00");
  await page.waitForTimeout(300);
  expect(asked).toBe(0);
  await expect(page.locator("body")).toHaveAttribute("data-same-document", "yes");
});

test("the invoice prints as an A4 sheet and downloads a real PDF", async ({
  page,
  expectAccessible,
}, testInfo) => {
  await launch(page, "DEMO-IND-001", "/");
  const code = await purchaseThroughApi(page, { paymentType: "wallet", items: twoLines });
  await page.goto(`/orders/${code}`);
  await page.getByRole("link", { name: "Faturayı görüntüle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fatura bilgileri" })).toBeVisible();

  // Named for what it is: Minted gives no invoice number or ETTN, so no e-Archive title.
  // (\u2011: a non-breaking hyphen keeps "e‑Arşiv" on one line.)
  const sheet = page.getByRole("article", { name: `Fatura bilgileri, sipariş ${code}` });
  await expect(sheet).toContainText(
    "Sipariş kaydından hazırlanmıştır; e\u2011Arşiv fatura yerine geçmez.",
  );
  await expect(sheet).not.toContainText("Fatura no");
  await expect(sheet).toContainText(code);
  await expect(sheet).toContainText("Ayşe Yılmaz");
  await expect(sheet).toContainText("TCKN: 10000000146");
  // No INVOICE_SELLER_* in the test shop: the sample seller, said to be one.
  await expect(sheet).toContainText("Minted Kıymetli Madenler");
  await expect(sheet).toContainText("Örnek satıcı bilgisi (deneme ortamı)");
  await expect(sheet).toContainText(/Yalnız .+ TL/);
  await expect(sheet).toContainText("995 ve üzeri milyem yatırımlık altın KDV'den istisnadır");
  await expectAccessible();

  // Paper: the sheet alone, as a bordered table, black on white.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Yazdır" })).toBeHidden();
  await expect(page.getByRole("button", { name: "PDF indir" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Siparişe dön" })).toBeHidden();
  const table = sheet.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "KDV oranı" })).toBeVisible();
  // Minted's invoice lines are the products; the services charged on top are the order's fees,
  // named as on the receipt, with what was paid.
  await expect(table.getByRole("row").filter({ hasText: "Külçe Altın" })).toHaveCount(1);
  const fees = sheet.getByRole("region", { name: "Siparişin diğer tutarları" });
  await expect(fees).toContainText("Sigorta");
  await expect(fees).toContainText("Pazar komisyonu");
  await expect(fees).toContainText("Ödenen toplam");
  await expect(sheet).toHaveCSS("background-color", "rgb(255, 255, 255)");
  await expect(sheet).toHaveCSS("color", "rgb(0, 0, 0)");
  await testInfo.attach("invoice-print", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await page.emulateMedia({ media: "screen" });
  const viewport = testInfo.project.use.viewport;
  if (viewport) await page.setViewportSize(viewport);

  // Download: a short-lived link opened in place; the file comes, the page stays.
  const url = page.url();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "PDF indir" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`fatura-${code}.pdf`);
  const text = await pdfText(await download.path());
  expect(text).toContain(code);
  expect(text).toContain("Ayşe Yılmaz");
  expect(text).toContain("FATURA BİLGİLERİ");
  await expect(page.getByText("PDF indiriliyor.")).toBeVisible();
  expect(page.url()).toBe(url);
});

test("a guest finds a receipt by code and e-mail; a wrong e-mail gets the generic answer", async ({
  page,
  context,
  expectAccessible,
}) => {
  await launch(page, "DEMO-IND-001", "/");
  const code = await purchaseThroughApi(page, { paymentType: "wallet" });
  await context.clearCookies();

  await page.goto("/orders");
  await expect(page.getByRole("heading", { name: "Henüz siparişiniz yok" })).toBeVisible();
  await expect(page.getByText("Bu ziyarette verilmiş bir sipariş yok.")).toBeVisible();
  await page.getByRole("link", { name: "Sipariş kodu ile sorgula" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sipariş sorgula" })).toBeVisible();

  const codeField = page.getByLabel("Sipariş kodu");
  const emailField = page.getByLabel("E-posta adresi");
  const submit = page.getByRole("button", { name: "Siparişi bul" });
  await submit.click();
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(codeField).toHaveAccessibleDescription(/Sipariş kodunu girin\./);
  await expect(emailField).toHaveAccessibleDescription("E-posta adresinizi girin.");
  await emailField.fill("not-an-email");
  await expect(emailField).toHaveAccessibleDescription(/Geçerli bir e-posta adresi girin/);

  await codeField.fill(code);
  await emailField.fill("someone.else@example.com");
  await submit.click();
  await expect(page.getByRole("alert")).toHaveText(
    "Bu sipariş kodu ve e-posta adresiyle eşleşen bir sipariş bulamadık. Bilgileri kontrol edip tekrar deneyin.",
  );
  await expect(codeField).toHaveValue(code);
  await expect(emailField).toHaveValue("someone.else@example.com");
  await expectAccessible();

  await emailField.fill("Ayse.Yilmaz@example.com");
  await submit.click();
  const found = page.getByRole("heading", { name: `Sipariş ${code}` });
  await expect(found).toBeFocused();
  const result = page.getByRole("region", { name: `Sipariş ${code}` });
  await expect(result).toContainText("Ödeme onaylandı");
  await expect(result).toContainText("Cüzdan bakiyesi");
  await expect(result).toContainText("Ödenen tutar");
  await expect(page.getByRole("alert")).toBeHidden();
  await expectAccessible();
});

test("another customer's order is not found, through the API and on the page", async ({
  page,
  context,
}) => {
  await launch(page, "DEMO-IND-001", "/");
  const code = await purchaseThroughApi(page, { paymentType: "wallet" });
  await context.clearCookies();
  await launch(page, "DEMO-CORP-001", "/orders");

  for (const path of [`/api/orders/${code}`, `/api/orders/${code}/invoice`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe("not_found");
  }
  await page.goto(`/orders/${code}`);
  await expect(page.getByRole("heading", { name: "Sipariş bulunamadı" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Siparişlerime git" })).toBeVisible();
});
