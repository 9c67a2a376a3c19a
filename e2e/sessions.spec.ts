import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { resetSandbox } from "./sandbox";

/**
 * Sessions that end, in the standalone shop: log out, log out on all devices (two browsers of
 * one customer), and a launch link for another customer over a signed-in browser.
 */

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

test.beforeEach(async ({ request }) => {
  // Two browsers (each signing in through the launch flow) on a shared machine.
  test.setTimeout(180_000);
  await resetSandbox(request);
});

/** A browser (its own cookie jar) where `customer` signed in through the launch flow. */
async function signedInBrowser(browser: Browser, customer: string, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "tr-TR" });
  const page = await context.newPage();
  await page.goto(`/dev/launch?customer=${customer}&to=/account`);
  await expect(h1(page, "Hesabım")).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

test("log out on all devices in one browser: the other is signed out on its next action", async ({
  page,
  browser,
  baseURL,
  expectAccessible,
}) => {
  // Browser one: the test's page, signed in and on the account page (from the header button).
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/");
  await expect(h1(page, "Değerli metaller")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: /^Hesabım/ }).click();
  await page.getByRole("link", { name: "Hesap ayrıntıları" }).click();
  await expect(h1(page, "Hesabım")).toBeVisible();
  await expect(page.getByRole("heading", { name: /olarak oturum açık$/ })).toBeVisible();
  const logoutEverywhere = page.getByRole("button", { name: "Tüm cihazlarda çıkış yap" });
  const logout = page.getByRole("button", { name: "Çıkış yap", exact: true });
  for (const button of [logoutEverywhere, logout]) {
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }
  await expectAccessible();

  // Browser two: the same customer elsewhere, looking at their orders.
  const other = await signedInBrowser(browser, "DEMO-IND-001", baseURL ?? "");
  await other.page.goto("/orders");
  await expect(h1(other.page, "Siparişlerim")).toBeVisible({ timeout: 15_000 });

  await logoutEverywhere.click();
  await expect(h1(page, "Oturumunuz kapatıldı")).toBeVisible({ timeout: 15_000 });
  await expectAccessible();

  // The other browser's next action meets an ended session.
  await other.page.getByRole("button", { name: /^Hesabım/ }).click();
  await other.page.getByRole("link", { name: "Hesap ayrıntıları" }).click();
  await expect(other.page.getByRole("heading", { name: "Oturum açık değil" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(other.page.getByRole("button", { name: "Çıkış yap", exact: true })).toHaveCount(0);
  await other.context.close();
});

test("log out here ends only this browser's session (English)", async ({
  page,
  browser,
  baseURL,
}) => {
  const other = await signedInBrowser(browser, "DEMO-IND-001", baseURL ?? "");
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/account");
  await expect(h1(page, "Hesabım")).toBeVisible({ timeout: 15_000 });
  // The header's account button fits the narrowest phone: no sideways scroll.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(page.getByRole("button", { name: /^Hesabım/ })).toBeVisible();
  expect(
    await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]),
  ).toEqual([320, 320]);
  await page.getByRole("button", { name: "English (EN)" }).click();
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(h1(page, "You are signed out")).toBeVisible({ timeout: 15_000 });
  // Back on the account page: no session here any more.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "You are not signed in" })).toBeVisible({
    timeout: 15_000,
  });
  // The other browser is still signed in.
  await other.page.reload();
  await expect(other.page.getByRole("heading", { name: /olarak oturum açık$/ })).toBeVisible({
    timeout: 15_000,
  });
  await other.context.close();
});

test("a launch link for another customer asks first; the same customer is never asked", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/account");
  const signedInAs = page.getByRole("heading", { name: /olarak oturum açık$/ });
  await expect(signedInAs).toBeVisible({ timeout: 15_000 });
  const first = await signedInAs.textContent();

  // The same customer again: straight in, no question.
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/account");
  await expect(signedInAs).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Another customer: asked; keeping the current one changes nothing.
  await page.goto("/dev/launch?customer=DEMO-CORP-001&to=/account");
  const dialog = page.getByRole("dialog", { name: "Müşteri değiştirilsin mi?" });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  // The safe answer has the focus: an accidental Enter keeps the signed-in customer.
  await expect(dialog.getByRole("button", { name: "Mevcut müşteriyle kal" })).toBeFocused();
  await expectAccessible();
  await dialog.getByRole("button", { name: "Mevcut müşteriyle kal" }).click();
  await expect(h1(page, "Değerli metaller")).toBeVisible();
  await page.goto("/account");
  await expect(signedInAs).toHaveText(first ?? "");

  // Asked again; continuing signs the new customer in.
  await page.goto("/dev/launch?customer=DEMO-CORP-001&to=/account");
  await page.getByRole("button", { name: "Yeni müşteriyle devam et" }).click();
  await expect(h1(page, "Hesabım")).toBeVisible({ timeout: 15_000 });
  await expect(signedInAs).toBeVisible();
  await expect(signedInAs).not.toHaveText(first ?? "");
});
