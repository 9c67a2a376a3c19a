import type { Page } from "@playwright/test";
import { expect, openPage, test } from "./fixtures";
import { resetSandbox, sandboxControl } from "./sandbox";

/**
 * One price everywhere (issue 17): the shelf price is VAT included and is what the basket
 * charges for the line; the product page shows it on the first screen, above the sticky "add"
 * bar, and names what the basket adds before the customer taps "add".
 */

const ceyrek = "MNTGC00175";

/** "₺8.669,21" → 8669.21 */
function amountOf(text: string | null): number {
  return Number((text ?? "").replace(/[^\d,]/g, "").replace(",", "."));
}

const shelfPrice = (page: Page) => page.getByTestId("shelf-price").first();

/** Pins the metal prices and waits until the shop's live price of the coin is the pinned one. */
async function pinPrices(page: Page) {
  await sandboxControl(page.request).prices.pin({ GAU: { bid: 4200, ask: 4300 } });
  let ask = 0;
  await expect
    .poll(
      async () => {
        const res = await page.request.get("/api/prices");
        const body = (await res.json()) as { products: { sku: string; ask: number }[] };
        const next = body.products.find((p) => p.sku === ceyrek)?.ask ?? 0;
        const stable = next === ask;
        ask = next;
        return stable && next > 0;
      },
      { timeout: 15_000, intervals: [1_000] },
    )
    .toBe(true);
  return ask;
}

// axe on pages whose prices tick takes its time on a busy machine.
test.setTimeout(90_000);

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("the catalog price of the çeyrek coin is its basket line, VAT included", async ({ page }) => {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=/`);
  await expect(shelfPrice(page)).toBeVisible({ timeout: 15_000 });
  const ask = await pinPrices(page);

  await openPage(page, "/");
  const card = page.getByRole("listitem").filter({ hasText: "Çeyrek Altın" });
  const shown = card.getByTestId("shelf-price");
  // 22-carat coin: 20 % VAT on the net price (the inferred rule Minted's basket confirms below).
  await expect.poll(async () => amountOf(await shown.textContent())).toBeGreaterThan(ask);
  const catalogPrice = amountOf(await shown.textContent());
  await expect(card).toContainText("Geri alım");

  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /Çeyrek Altın/ })).toBeVisible();
  expect(amountOf(await shelfPrice(page).textContent())).toBe(catalogPrice);
  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await expect(page.getByRole("link", { name: /^Sepet, 1 ürün$/ })).toBeVisible();

  // What Minted's basket charges for the line: its net total plus the line's tax.
  const basket = (await (await page.request.get("/api/basket")).json()) as {
    items: { sku: string }[];
    totals: { subtotal: number; vat: number };
  };
  expect(basket.items.map((i) => i.sku)).toEqual([ceyrek]);
  expect(catalogPrice).toBeCloseTo(basket.totals.subtotal + basket.totals.vat, 2);

  await page.getByRole("link", { name: /^Sepet, 1 ürün$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sepetim" })).toBeVisible();
  const line = page.getByRole("list", { name: "Sepetteki ürünler" }).getByRole("listitem");
  const lineTotal = line.locator("p", { hasText: "Satır toplamı" });
  await expect(lineTotal).toHaveText(/Satır toplamı\s*₺[\d.,]+/);
  expect(amountOf(await lineTotal.textContent())).toBe(catalogPrice);
  await expect(page.getByText("Ürünler (KDV dahil)")).toBeVisible();
});

test("the product page shows the price above the sticky bar and names the extras", async ({
  page,
  expectAccessible,
}) => {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=/products/${ceyrek}`);
  await expect(page.getByRole("button", { name: "Sepete ekle" })).toBeEnabled({ timeout: 15_000 });

  // First screen, no scrolling: the price and what the basket adds sit above the sticky bar.
  const bar = page.getByRole("button", { name: "Sepete ekle" });
  const extras = page.getByTestId("checkout-extras");
  await expect(extras).toContainText("kargo");
  await expect(extras).toContainText("sigorta");
  await expect(extras).toContainText("taksit");
  await expect(page.getByText("KDV dahil", { exact: true })).toBeVisible();
  await expect(page.getByText(/Gramı ₺/)).toBeVisible();
  await expect(page.getByText(/Geri alım ₺/)).toBeVisible();
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  await expect(shelfPrice(page)).toBeInViewport();
  // The price re-mounts when the market moves (its flash): measure until all three are there.
  await expect
    .poll(async () => {
      const [price, note, barBox] = await Promise.all([
        shelfPrice(page).boundingBox(),
        extras.boundingBox(),
        bar.boundingBox(),
      ]);
      if (!price || !note || !barBox) return "not laid out";
      return price.y > 0 &&
        note.y + note.height <= barBox.y - 8 &&
        barBox.y + barBox.height <= viewport.height
        ? "above the bar"
        : `price ${String(price.y)}, note ends ${String(note.y + note.height)}, bar ${String(barBox.y)}`;
    })
    .toBe("above the bar");

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible();
  }
});

test("the catalog passes axe in light and dark", async ({ page, expectAccessible }) => {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=/`);
  await expect(shelfPrice(page)).toBeVisible({ timeout: 15_000 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible();
  }
});

test("the basket passes axe in light and dark", async ({ page, expectAccessible }) => {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=/basket`);
  await expect(page.getByRole("heading", { level: 1, name: "Sepetim" })).toBeVisible({
    timeout: 15_000,
  });
  const res = await page.request.post("/api/basket/items", {
    data: { sku: ceyrek, quantity: 1 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.ok()).toBe(true);
  await page.reload();
  await expect(page.getByText("Ürünler (KDV dahil)")).toBeVisible({ timeout: 15_000 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible();
  }
});
