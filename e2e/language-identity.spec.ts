import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { resetSandbox } from "./sandbox";

/**
 * Language and identity (issue 17, Deliver 6 and 7), on a phone: switching the language reads
 * upstream texts again, numbers follow the language, the header says who is signed in, and a
 * guest's first visit has no failed request.
 */

const quarter = { tr: "Çeyrek Altın (22 Ayar)", en: "Quarter Gold Coin (22 ct)" };

test.beforeEach(async ({ request }) => {
  test.setTimeout(60_000);
  await resetSandbox(request);
});

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

/** Every answer ≥ 400 and every request that failed, from now on. */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400)
      failed.push(`${String(response.status())} ${response.request().method()} ${response.url()}`);
  });
  page.on("requestfailed", (request) =>
    failed.push(`${request.failure()?.errorText ?? "failed"} ${request.method()} ${request.url()}`),
  );
  return failed;
}

test("a guest's first visit to catalog, product and basket has no failed request", async ({
  page,
  expectAccessible,
}) => {
  const failed = failedRequests(page);
  await page.goto("/");
  await expect(h1(page)).toHaveText("Değerli metaller", { timeout: 15_000 });
  await page.getByRole("link", { name: quarter.tr }).first().click();
  await expect(h1(page)).toHaveText(quarter.tr);
  // The first change starts the guest session first: before, it was refused (401) and sent again.
  await page
    .getByRole("button", { name: /^Sepete ekle/ })
    .first()
    .click();
  await expect(page.getByRole("link", { name: "Sepet, 1 ürün" })).toBeVisible();
  await page.getByRole("link", { name: "Sepet, 1 ürün" }).click();
  await expect(h1(page)).toHaveText("Sepetim");
  await expect(page.getByRole("main").getByText(quarter.tr)).toBeVisible();

  // A guest's account sheet is not a dead end: it says how signing in works and where orders are.
  await page.getByRole("button", { name: /^Hesap: misafir/ }).click();
  const sheet = page.getByRole("dialog", { name: "Misafir olarak alışveriştesiniz" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("link", { name: "Siparişlerim" })).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Çıkış yap" })).toHaveCount(0);
  await expectAccessible();
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible();
  // …and the orders page a guest is sent to asks for no orders a guest cannot have (was a 401).
  await sheet.getByRole("link", { name: "Siparişlerim" }).click();
  await expect(page.getByRole("link", { name: "Sipariş kodu ile sorgula" })).toBeVisible();
  expect(failed).toEqual([]);
});

test("TR → EN on a product page changes its name, its numbers and the basket's, and back", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/");
  await expect(h1(page)).toHaveText("Değerli metaller", { timeout: 15_000 });
  // From a catalog card, as a customer does: the product comes from the cached catalog page.
  await page.getByRole("link", { name: quarter.tr }).first().click();
  await expect(h1(page)).toHaveText(quarter.tr);
  const weight = page.getByRole("main").getByText(/^1[,.]75 g$/);
  await expect(weight).toHaveText("1,75 g");

  await page.getByRole("button", { name: "English (EN)" }).click();
  await expect(h1(page)).toHaveText(quarter.en);
  await expect(weight).toHaveText("1.75 g");
  await expect(page.getByRole("main")).not.toContainText("Çeyrek");
  // The live prices speak from the customer's side.
  const prices = page.getByRole("region", { name: "Live prices" });
  await expect(prices.getByRole("listitem").filter({ hasText: "Gold" })).toContainText(
    /you buy at ₺[\d.,]+, you sell at ₺[\d.,]+/,
  );
  await expectAccessible();

  await page
    .getByRole("button", { name: /^Add to basket/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Basket, 1 item" }).click();
  await expect(h1(page)).toHaveText("Your basket");
  await expect(page.getByRole("main").getByText(quarter.en)).toBeVisible();

  await page.getByRole("button", { name: "Türkçe (TR)" }).click();
  await expect(h1(page)).toHaveText("Sepetim");
  await expect(page.getByRole("main").getByText(quarter.tr)).toBeVisible();
  await page.goBack();
  await expect(h1(page)).toHaveText(quarter.tr);
  await expect(weight).toHaveText("1,75 g");
});

test("the header shows the signed-in customer; the account sheet has name, addresses, orders and log out", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/");
  await expect(h1(page)).toHaveText("Değerli metaller", { timeout: 15_000 });
  const account = page.getByRole("banner").getByRole("button", { name: /^Hesabım: / });
  await expect(account).toBeVisible();
  const label = (await account.getAttribute("aria-label")) ?? "";
  const name = label.replace(/^Hesabım: /, "");
  const words = name.split(/\s+/);
  const initials = `${words[0]?.[0] ?? ""}${words.length > 1 ? (words.at(-1)?.[0] ?? "") : ""}`;
  await expect(account.getByTestId("account-initials")).toHaveText(
    initials.toLocaleUpperCase("tr"),
  );

  await account.click();
  const sheet = page.getByRole("dialog", { name });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: "Kayıtlı adresler" })).toBeVisible();
  await expect(sheet.getByRole("listitem").first()).toBeVisible();
  await expect(sheet.getByRole("link", { name: "Siparişlerim" })).toHaveAttribute(
    "href",
    "/orders",
  );
  await expect(sheet.getByRole("link", { name: "Adresleri yönet" })).toHaveAttribute(
    "href",
    "/addresses",
  );
  await expectAccessible();
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible();

  await sheet.getByRole("button", { name: "Çıkış yap" }).click();
  await expect(h1(page)).toHaveText("Oturumunuz kapatıldı", { timeout: 15_000 });
  await expect(
    page.getByRole("banner").getByRole("button", { name: /^Hesap: misafir/ }),
  ).toBeVisible();
});
