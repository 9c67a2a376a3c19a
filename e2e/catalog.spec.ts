import { expect, openPage, freshSandboxTest as test } from "./fixtures";
import { advanceClock } from "./sandbox";

test.describe("catalog", () => {
  test("shows product cards with live prices, stock and metal", async ({ page }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openPage(page, "/");
    await expect(page.getByRole("heading", { level: 2, name: "27 ürün" })).toBeVisible();
    const card = page.getByRole("listitem").filter({ hasText: "Minted 1 Gr 999,9 Külçe Altın" });
    await expect(card).toContainText("Altın · Külçe");
    await expect(card).toContainText("1 g");
    await expect(card).toContainText("999,9 saflık");
    await expect(card).toContainText(/₺\d{1,3}(\.\d{3})*,\d{2}/);
    await expect(card).toContainText("Stokta");
    await expect(card.locator("img")).toHaveAttribute("width", "800");
    await testInfo.attach("catalog-phone", {
      body: await page.screenshot({ fullPage: false }),
      contentType: "image/png",
    });
  });

  test("filter and sort live in the URL and Back restores them", async ({ page }) => {
    await openPage(page, "/");
    const metals = page.getByRole("group", { name: "Metal" });
    await metals.getByRole("link", { name: "Gümüş" }).click();
    await expect(page).toHaveURL(/\/\?metal=silver$/);
    await expect(metals.getByRole("link", { name: "Gümüş" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await expect(page.getByRole("heading", { level: 2, name: "7 ürün" })).toBeVisible();

    await page.getByLabel("Sırala").selectOption("price_desc");
    await expect(page).toHaveURL(/metal=silver&sort=price_desc/);
    const names = page.getByRole("main").getByRole("heading", { level: 3 });
    await expect(names.first()).toHaveText("Minted 1 Kg 999,0 Külçe Gümüş");

    await page.getByLabel("Sırala").selectOption("weight_asc");
    await expect(page).toHaveURL(/sort=weight_asc/);
    await expect(names.first()).toHaveText("Gümüş - Dijital saklama");

    await page.goBack();
    await expect(page).toHaveURL(/sort=price_desc/);
    await expect(page.getByLabel("Sırala")).toHaveValue("price_desc");
    await expect(names.first()).toHaveText("Minted 1 Kg 999,0 Külçe Gümüş");
    await page.goBack();
    await expect(page).toHaveURL(/\/\?metal=silver$/);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 2, name: "27 ürün" })).toBeVisible();

    // A shared link opens in the same state.
    await openPage(page, "/?type=coin&sort=weight_desc");
    await expect(
      page.getByRole("group", { name: "Ürün türü" }).getByRole("link", { name: "Sikke" }),
    ).toHaveAttribute("aria-current", "true");
    await expect(page.getByLabel("Sırala")).toHaveValue("weight_desc");
  });

  test("pages through the catalog", async ({ page }) => {
    // Page links are for wider screens (and crawlers); phones load more (finding.spec.ts).
    await page.setViewportSize({ width: 1024, height: 800 });
    await openPage(page, "/");
    const pages = page.getByRole("navigation", { name: "Sayfalar" });
    await expect(pages.getByRole("link", { name: "Sayfa 1" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await pages.getByRole("link", { name: "Sonraki" }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(pages.getByRole("link", { name: "Sayfa 2" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await pages.getByRole("link", { name: "Sayfa 3" }).click();
    await expect(page).toHaveURL(/\?page=3$/);
    await expect(page.getByRole("main").getByRole("heading", { level: 3 })).toHaveCount(3);
    await page.goBack();
    await expect(pages.getByRole("link", { name: "Sayfa 2" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("shows an empty state for a filter with no results", async ({ page }) => {
    await openPage(page, "/?metal=platinum&type=coin");
    await expect(page.getByRole("heading", { name: "Bu filtreye uyan ürün yok" })).toBeVisible();
    await page.getByRole("link", { name: "Filtreleri temizle" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 2, name: "27 ürün" })).toBeVisible();
  });

  test("live price strip shows numbers and updates", async ({ page, request }) => {
    await openPage(page, "/");
    const strip = page.getByRole("region", { name: "Canlı fiyatlar" });
    await expect(strip).toHaveAttribute("aria-busy", "false");
    const gold = strip.getByRole("listitem").filter({ hasText: "Altın" });
    await expect(gold).toContainText(/₺\d\.\d{3},\d{2}/);
    await expect(gold).toContainText(/alırken ₺[\d.,]+, satarken ₺[\d.,]+, günlük değişim/);
    const before = await gold.innerText();
    await expect(async () => {
      await advanceClock(request, 30);
      expect(await gold.innerText()).not.toBe(before);
    }).toPass({ timeout: 20_000, intervals: [1_000, 2_000, 3_000] });
  });
});

test.describe("product page", () => {
  test("card opens the product page with details, live price and add to basket", async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openPage(page, "/");
    await page.getByRole("link", { name: "Minted 5 Gr 999,9 Külçe Altın" }).click();
    await expect(page).toHaveURL(/\/products\/MNTGB00050$/);
    const heading = page.getByRole("heading", { level: 1, name: "Minted 5 Gr 999,9 Külçe Altın" });
    await expect(heading).toBeFocused();
    const details = page.getByRole("main").locator("dl");
    await expect(details).toContainText("Ağırlık5 g");
    await expect(details).toContainText("Saflık999,9");
    await expect(details).toContainText(/Barkod\d{13}/);
    await expect(details).toContainText("Ürün koduMNTGB00050");
    await expect(page.getByText(/Az önce güncellendi|\d+ sn önce güncellendi/)).toBeVisible();

    const quantity = page.getByRole("spinbutton", { name: "Adet" });
    await expect(quantity).toHaveValue("1");
    await page.getByRole("button", { name: "Adedi artır" }).click();
    await expect(quantity).toHaveValue("2");
    const increase = page.getByRole("button", { name: "Adedi artır" });
    const box = await increase.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThanOrEqual(48);
    for (let n = 0; n < 12; n += 1) await increase.click({ force: true });
    await expect(quantity).toHaveValue("10");
    await expect(increase).toBeDisabled();

    await page.getByRole("button", { name: "Sepete ekle" }).click();
    await expect(page.getByText("10 adet sepete eklendi")).toBeVisible();
    // The badge, not the product page, announces the change (one announcement, every page).
    await expect(page.getByRole("link", { name: /Sepet, 10 ürün/ })).toBeVisible();

    await expect(page.getByTestId("chart-summary")).toContainText("Son 1 hafta");
    await testInfo.attach("product-phone", {
      body: await page.screenshot({ fullPage: false }),
      contentType: "image/png",
    });
  });

  test("gallery is keyboard operable", async ({ page }) => {
    await openPage(page, "/products/MNTGB00010");
    const gallery = page.getByRole("region", { name: "Minted 1 Gr 999,9 Külçe Altın görselleri" });
    await expect(gallery.getByRole("img", { name: /görsel 1 \/ 3/ })).toBeVisible();
    const thumb = (n: number) => gallery.getByRole("button", { name: `Görsel ${n} / 3` });
    await expect(thumb(1)).toHaveAttribute("aria-current", "true");
    await gallery.getByRole("group", { name: /Görseller/ }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(thumb(2)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("End");
    await expect(thumb(3)).toHaveAttribute("aria-current", "true");
    await expect(gallery.getByRole("button", { name: "Sonraki görsel" })).toBeDisabled();
    await page.keyboard.press("ArrowLeft");
    await expect(thumb(2)).toHaveAttribute("aria-current", "true");
    await thumb(1).click();
    await expect(thumb(1)).toHaveAttribute("aria-current", "true");
  });

  test("price chart renders and switches range", async ({ page }) => {
    await openPage(page, "/products/MNTGB00010");
    const chart = page.getByRole("region", { name: "Fiyat geçmişi" });
    const canvas = chart.locator("canvas").first();
    await expect(canvas).toBeVisible();
    const summary = page.getByTestId("chart-summary");
    await expect(summary).toContainText(/Son 1 hafta: en yüksek ₺[\d.,]+, en düşük ₺[\d.,]+/);
    const weekSummary = await summary.innerText();
    const weekImage = await canvas.screenshot();

    // Tap the visible segment (the radio itself is visually hidden inside its label).
    await chart.locator("label").filter({ hasText: "1 yıl" }).click();
    await expect(chart.getByRole("radio", { name: "1 yıl" })).toBeChecked();
    await expect(summary).toContainText("Son 1 yıl");
    expect(await summary.innerText()).not.toBe(weekSummary);
    await expect(async () => {
      expect((await canvas.screenshot()).equals(weekImage)).toBe(false);
    }).toPass();
  });

  test("unknown SKU shows a not-found state", async ({ page }) => {
    await openPage(page, "/products/NO-SUCH-SKU");
    await expect(page.getByRole("heading", { name: "Ürün bulunamadı" }).last()).toBeVisible();
    await page.getByRole("link", { name: "Ürünlere dön" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("out-of-stock product cannot be added", async ({ page }) => {
    await openPage(page, "/products/MNTSB00250");
    await expect(page.getByRole("button", { name: "Tükendi" })).toBeDisabled();
  });
});

test.describe("languages", () => {
  test("?lang=en switches, drops the parameter and is remembered", async ({ page }) => {
    await openPage(page, "/products/MNTGB00010?lang=en");
    await expect(page).toHaveURL(/\/products\/MNTGB00010$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Add to basket" })).toBeVisible();
    await expect(page.getByText(/Updated (just now|\d+ seconds? ago)/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Price history" })).toBeVisible();

    await openPage(page, "/?metal=gold");
    await expect(page.getByRole("heading", { level: 1, name: "Precious metals" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "16 products" })).toBeVisible();

    await openPage(page, "/?metal=gold&lang=tr");
    await expect(page).toHaveURL(/\/\?metal=gold$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await expect(page.getByRole("heading", { level: 2, name: "16 ürün" })).toBeVisible();
  });
});

test.describe("accessibility of catalog and product (axe)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of ["/", "/?metal=platinum&type=coin", "/products/MNTGB00010"]) {
      test(`${path} in ${colorScheme} mode`, async ({ page, expectAccessible }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
        await openPage(page, path);
        await expect(page.getByRole("region", { name: "Canlı fiyatlar" })).toHaveAttribute(
          "aria-busy",
          "false",
        );
        if (path.startsWith("/products")) {
          await expect(page.locator("canvas").first()).toBeVisible();
        } else {
          await expect(
            page.getByRole("main").getByRole("heading", { level: 2 }).first(),
          ).toBeVisible();
        }
        await expectAccessible();
      });
    }
  }
});
