import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fault, resetSandbox, upstreamCalls } from "./sandbox";

/**
 * Issue #15: a basket change whose answer is lost. The shop sends the tap once more with its key,
 * reads the basket again, and shows what is true with a message; a late change never doubles a
 * line.
 */

const GOLD = "MNTGB00010";
const SILVER = "MNTSB00050";
// Past the proxy's upstream timeout (10 s): the add lands after the proxy gave up on it.
const LATE_MS = 12_000;

test.beforeEach(({ request }) => resetSandbox(request));
test.setTimeout(90_000);

const badge = (page: Page, count: number) =>
  page.getByRole("link", { name: new RegExp(`^Sepet, ${count} ürün$`) });

async function launchWithBasket(page: Page) {
  await page.goto(`/dev/launch?customer=DEMO-IND-001&to=/products/${GOLD}`);
  await expect(page.getByRole("button", { name: "Sepete ekle" })).toBeEnabled({ timeout: 15_000 });
  // A basket that exists upstream, holding another product.
  const res = await page.request.post("/api/basket/items", {
    data: { sku: SILVER, quantity: 1 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.ok()).toBe(true);
  await page.reload();
  await expect(badge(page, 1)).toBeVisible({ timeout: 15_000 });
}

test("an add whose answer is lost: the true basket, the message, one line of one", async ({
  page,
  request,
}, testInfo) => {
  await launchWithBasket(page);
  await fault(request, {
    method: "POST",
    path: "/partner/ecom/basket",
    latency_ms: LATE_MS,
    count: 1,
  });
  await page.getByRole("button", { name: "Sepete ekle" }).click();

  // No answer within the proxy's timeout: the shop says it could not confirm the change.
  await expect(page.getByText("Değişikliğinizi doğrulayamadık")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("geri alındı")).toHaveCount(0);
  await testInfo.attach("unconfirmed", { body: await page.screenshot(), contentType: "image/png" });

  // The late add lands; the shop reads the basket again and shows it: two products, one unit of
  // gold, however often the tap was sent.
  await expect(badge(page, 2)).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: /^Sepet, \d+ ürün$/ }).click();
  const lines = page.getByRole("list", { name: "Sepetteki ürünler" }).getByRole("listitem");
  await expect(lines).toHaveCount(2);
  const basket = await page.request.get("/api/basket");
  expect(await basket.json()).toMatchObject({
    items: expect.arrayContaining([expect.objectContaining({ sku: GOLD, quantity: 1 })]),
  });
  // The tap reached Minted as one add (the other is the setup's).
  expect(await upstreamCalls(request, "POST", "/partner/ecom/basket")).toBe(2);
  await testInfo.attach("true-basket", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});
