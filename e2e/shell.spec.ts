import { expect, mainNav, openPage, test } from "./fixtures";

const shellPages = [
  "/",
  "/products/MNTGB00010",
  "/basket",
  "/checkout",
  "/orders",
  "/orders/MNT-1001",
  "/orders/MNT-1001/invoice",
  "/wallet",
  "/addresses",
  "/receipt-lookup",
  "/launch",
  "/no-such-page",
];

test.describe("app shell", () => {
  test("renders header, navigation, live price area and main content in Turkish", async ({
    page,
  }) => {
    await openPage(page, "/");
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(mainNav(page)).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Değerli metaller" })).toBeVisible();
    await expect(page).toHaveTitle("Değerli metaller · Minted");

    const prices = page.getByRole("region", { name: "Canlı fiyatlar" });
    await expect(prices).toHaveAttribute("aria-busy", "false");
    for (const metal of ["Altın", "Gümüş", "Platin"]) {
      const item = prices.getByRole("listitem").filter({ hasText: metal });
      await expect(item.getByText(metal, { exact: true })).toBeVisible();
      await expect(item).toContainText(
        /alırken ₺[\d.,]+, satarken ₺[\d.,]+, günlük değişim [+-]?%[\d,]+/,
      );
    }
    await expect(page.getByRole("main").getByRole("heading", { level: 3 }).first()).toBeVisible();

    const basket = page.getByRole("banner").getByRole("link", { name: "Sepet, 0 ürün" });
    await expect(basket).toHaveAttribute("href", "/basket");
  });

  test("language switch shows English, sets <html lang> and is remembered", async ({ page }) => {
    await openPage(page, "/");
    const language = page.getByRole("group", { name: "Dil" });
    await expect(language.getByRole("button", { name: "Türkçe (TR)" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await language.getByRole("button", { name: "English (EN)" }).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Precious metals" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Catalog" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Basket, 0 items" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Live prices" })).toBeAttached();
    await expect(page).toHaveTitle("Precious metals · Minted");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Precious metals" })).toBeVisible();

    await page
      .getByRole("group", { name: "Language" })
      .getByRole("button", { name: "Türkçe (TR)" })
      .click();
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await expect(mainNav(page).getByRole("link", { name: "Katalog" })).toBeVisible();
  });

  test("a lazy page's strings follow a language switch (they load with the page, not the shell)", async ({
    page,
  }) => {
    // On a lazy page first: its Turkish strings came with it; English must replace them all.
    await openPage(page, "/orders");
    await expect(page.getByRole("heading", { level: 1, name: "Siparişlerim" })).toBeVisible();
    await page
      .getByRole("group", { name: "Dil" })
      .getByRole("button", { name: "English (EN)" })
      .click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No orders yet" })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("orders.");

    // English chosen on the catalog (only the shell's strings loaded), then a lazy page.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Precious metals" })).toBeVisible();
    await mainNav(page).getByRole("link", { name: "Basket", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your basket" })).toBeFocused();
    await expect(page.getByRole("heading", { name: "Your basket is empty" })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("basket.");

    // And back to Turkish on that page.
    await page
      .getByRole("group", { name: "Language" })
      .getByRole("button", { name: "Türkçe (TR)" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Sepetim" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sepetiniz boş" })).toBeVisible();
  });

  test("navigation reaches Basket and Orders, moves focus to the heading, and Back works", async ({
    page,
  }) => {
    await openPage(page, "/");
    const nav = mainNav(page);

    await nav.getByRole("link", { name: "Sepet", exact: true }).click();
    await expect(page).toHaveURL(/\/basket$/);
    const basketHeading = page.getByRole("heading", { level: 1, name: "Sepetim" });
    await expect(basketHeading).toBeFocused();
    await expect(page).toHaveTitle("Sepetim · Minted");
    await expect(page.getByRole("heading", { name: "Sepetiniz boş" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Sepet", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await nav.getByRole("link", { name: "Siparişler" }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Siparişlerim" })).toBeFocused();
    await expect(page.getByRole("heading", { name: "Henüz siparişiniz yok" })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/basket$/);
    await expect(basketHeading).toBeVisible();

    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Değerli metaller" })).toBeVisible();
  });

  test("empty basket links back to the products", async ({ page }) => {
    await openPage(page, "/basket");
    await page.getByRole("link", { name: "Ürünlere göz at" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Değerli metaller" })).toBeFocused();
  });

  test("unknown URL shows the 404 page with a way home", async ({ page }) => {
    await openPage(page, "/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "Sayfa bulunamadı" })).toBeVisible();
    await expect(page).toHaveTitle("Sayfa bulunamadı · Minted");
    await page.getByRole("main").getByRole("link", { name: "Alışverişe dön" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Değerli metaller" })).toBeVisible();
  });

  test("keyboard: the skip link is the first stop and moves focus to main", async ({ page }) => {
    await openPage(page, "/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Ana içeriğe geç" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    await expect(page).toHaveURL(/\/$/);
  });

  test("touch targets in the header and navigation are at least 48 px", async ({ page }) => {
    await openPage(page, "/");
    const targets = page
      .getByRole("banner")
      .locator("a, button")
      .or(mainNav(page).locator("a, button"));
    const count = await targets.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let index = 0; index < count; index += 1) {
      const target = targets.nth(index);
      const box = await target.boundingBox();
      const name = (await target.getAttribute("aria-label")) ?? (await target.innerText());
      expect(box, `${name} has a box`).not.toBeNull();
      expect(box?.width ?? 0, `${name} width`).toBeGreaterThanOrEqual(48);
      expect(box?.height ?? 0, `${name} height`).toBeGreaterThanOrEqual(48);
    }
  });
});

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of shellPages) {
      test(`${path} in ${colorScheme} mode`, async ({ page, expectAccessible }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
        await openPage(page, path);
        await expectAccessible();
      });
    }
  }
});
