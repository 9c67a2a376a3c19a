import type { Page } from "@playwright/test";
import { expect, mainNav, openPage, freshSandboxTest as test } from "./fixtures";

/**
 * Finding a product on a phone (issue #17, point 5): Turkish-aware search, a dense list, quick
 * add, chips with counts, and "load more" instead of page numbers.
 */
// The size the issue measures the list at (a Pixel 7's screen).
test.use({ viewport: { width: 412, height: 915 } });

const productNames = (page: Page) => page.getByRole("main").getByRole("heading", { level: 3 });
/** "27 ürün", "“ceyrek” için 1 ürün": the list's heading. */
const countHeading = (page: Page) =>
  page.getByRole("main").getByRole("heading", { level: 2, name: /\d+ ürün$/ });
const basketBadge = (page: Page, count: number) =>
  page.getByRole("link", { name: new RegExp(`^Sepet, ${count} ürün$`) });

test("search finds çeyrek from 'ceyrek' and Külçe from 'külçe' or 'KULCE', as a link", async ({
  page,
}) => {
  await openPage(page, "/");
  const box = page.getByRole("searchbox", { name: "Ürün ara" });
  await box.fill("ceyrek");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/\?q=ceyrek$/);
  await expect(productNames(page)).toHaveText(["Çeyrek Altın (22 Ayar)"]);
  await expect(countHeading(page)).toHaveText("“ceyrek” için 1 ürün");

  for (const q of ["külçe", "KULCE"]) {
    await openPage(page, `/?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole("searchbox", { name: "Ürün ara" })).toHaveValue(q);
    await expect(countHeading(page)).toHaveText(`“${q}” için 17 ürün`);
    const names = await productNames(page).allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) expect(name).toContain("Külçe");
  }

  await page.getByRole("button", { name: "Aramayı temizle" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(countHeading(page)).toHaveText("27 ürün");
  await expect(page.getByRole("searchbox", { name: "Ürün ara" })).toHaveValue("");

  await openPage(page, "/?q=paladyum");
  await expect(
    page.getByRole("heading", { name: "“paladyum” için ürün bulunamadı" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Tüm ürünleri göster" }).click();
  await expect(countHeading(page)).toHaveText("27 ürün");
});

test("at least five products fit on one phone screen, above the tab bar", async ({ page }) => {
  await openPage(page, "/");
  await expect(productNames(page)).toHaveCount(12);
  // Nothing widens the page: the chips scroll inside their row (an escaping element once made
  // the layout 465 px wide, cutting the account sheet off the screen).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(
    page.viewportSize()?.width,
  );
  const rows = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3 }) });
  // A screenful of the list: from under the sticky header to the tab bar, the list scrolled to
  // its first product (the title, search and chips above it are read once, not per screen).
  const header = await page.getByRole("banner").boundingBox();
  const top = header ? header.y + header.height : 0;
  await rows
    .first()
    .evaluate((row, y) => window.scrollBy(0, row.getBoundingClientRect().top - y), top);
  const nav = await mainNav(page).boundingBox();
  const bottom = Math.min(nav?.y ?? Infinity, page.viewportSize()?.height ?? 0);
  const boxes = await rows.evaluateAll((items) =>
    items.map((item) => item.getBoundingClientRect()).map((r) => [r.top, r.bottom] as const),
  );
  const whole = boxes.filter(([start, end]) => start >= top - 1 && end <= bottom);
  expect(
    whole.length,
    `rows fully visible between y=${top} and y=${bottom}`,
  ).toBeGreaterThanOrEqual(5);
});

test("quick add puts one unit in the basket; out of stock cannot be added", async ({ page }) => {
  await openPage(page, "/?q=ceyrek");
  const add = page.getByRole("button", { name: "Sepete ekle: Çeyrek Altın (22 Ayar)" });
  const box = await add.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(48);
  expect(box?.height).toBeGreaterThanOrEqual(48);
  await add.click();
  await expect(basketBadge(page, 1)).toBeVisible();
  await expect(page.getByText("Sepete eklendi")).toBeVisible();

  await openPage(page, "/?q=250 gr gumus");
  await expect(
    page.getByRole("button", { name: "Tükendi: Minted 250 Gr 999,0 Külçe Gümüş" }),
  ).toBeDisabled();

  await page.getByRole("link", { name: /^Sepet, 1 ürün$/ }).click();
  await expect(page.getByRole("main")).toContainText("Çeyrek Altın (22 Ayar)");
});

test("chip counts equal the products each chip shows", async ({ page }) => {
  await openPage(page, "/?q=altin");
  await expect(countHeading(page)).toHaveText(/^“altin” için \d+ ürün$/);
  const total = Number(/(\d+) ürün/.exec(await countHeading(page).innerText())?.[1]);
  expect(total).toBeGreaterThan(0);
  const chips = [
    ["Metal", "Altın"],
    ["Ürün türü", "Sikke"],
    ["Ürün türü", "Külçe"],
  ] as const;
  for (const [group, name] of chips) {
    const chip = page
      .getByRole("group", { name: group })
      .getByRole("link", { name: new RegExp(`^${name} \\d+$`) });
    const count = Number(/(\d+)$/.exec(await chip.innerText())?.[1]);
    await chip.click();
    await expect(chip).toHaveAttribute("aria-current", "true");
    await expect(page).toHaveURL(/q=altin/);
    await expect(countHeading(page)).toHaveText(`“altin” için ${count} ürün`);
    await expect(productNames(page)).toHaveCount(Math.min(count, 12));
  }
  // The last chip (type Külçe) was taken inside metal Altın: every product shown is both.
  for (const name of await productNames(page).allTextContents()) {
    expect(name).toMatch(/Külçe Altın/);
  }
});

test("load more appends the next page, moves focus to it and says how many", async ({ page }) => {
  await openPage(page, "/");
  await expect(productNames(page)).toHaveCount(12);
  // Page links stay in the page (for crawlers) but phones get "load more".
  const pages = page.getByRole("navigation", { name: "Sayfalar", includeHidden: true });
  await expect(pages.getByRole("link", { name: "Sayfa 2", includeHidden: true })).toHaveAttribute(
    "href",
    "/?page=2",
  );
  await expect(pages).toBeHidden();

  const more = page.getByRole("button", { name: /Daha fazla göster/ });
  await expect(more).toContainText("12 / 27");
  await more.click();
  await expect(productNames(page)).toHaveCount(24);
  await expect(page.getByRole("status").filter({ hasText: "12 ürün daha eklendi" })).toHaveText(
    "12 ürün daha eklendi, 27 üründen 24 tanesi gösteriliyor",
  );
  const firstAdded = await productNames(page).nth(12).innerText();
  await expect(page.getByRole("link", { name: firstAdded, exact: true })).toBeFocused();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole("button", { name: /Daha fazla göster/ }).click();
  await expect(productNames(page)).toHaveCount(27);
  await expect(page.getByRole("button", { name: /Daha fazla göster/ })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "ürün daha eklendi" })).toHaveText(
    "3 ürün daha eklendi, 27 üründen 27 tanesi gösteriliyor",
  );
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`catalog with search, chips and quick add passes axe in ${colorScheme} mode`, async ({
    page,
    expectAccessible,
  }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await openPage(page, "/?q=paladyum");
    await expect(page.getByText("“paladyum” için ürün bulunamadı")).toBeVisible();
    await expect(page.getByRole("region", { name: "Canlı fiyatlar" })).toHaveAttribute(
      "aria-busy",
      "false",
    );
    await expectAccessible();
    // The list as a customer leaves it: searched, chips counted, a page appended.
    await openPage(page, "/?q=a");
    await page.getByRole("button", { name: /Daha fazla göster/ }).click();
    await expect(productNames(page)).toHaveCount(21);
    await expectAccessible();
  });
}
