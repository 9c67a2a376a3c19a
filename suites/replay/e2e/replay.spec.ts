import { mkdirSync } from "node:fs";
import { test, expect } from "../../../e2e/fixtures.ts";
import { launchedSessionCookie, EXAMPLE_CUSTOMERS } from "../replay-stack.ts";

/**
 * On a phone, the shop against Minted's documented examples (playwright.replay.config.ts): the
 * example customer MTD0018232 opens orders → order FE9HURU6 → its invoice → its receipt. The
 * invoice is Minted's Get Order Invoice example (api-38613148) and must show its data. Get Orders
 * answers with the only Ecom Order Minted prints, another customer's basket, so the list is empty
 * and the digital order FE9HURU6 has no e-commerce order or receipt: those pages say so in words
 * (never a blank page, never invented data). Screenshots in light and dark, Turkish and English,
 * go to test-results/replay-screens/.
 */

const SCREENS = "test-results/replay-screens";
const CODE = "FE9HURU6";
const RETRY = { tr: "Tekrar dene", en: "Try again" } as const;
const NO_ORDERS = { tr: "Henüz siparişiniz yok", en: "No orders yet" } as const;
const NO_ORDER = { tr: "Sipariş bulunamadı", en: "Order not found" } as const;
const NO_RECEIPT = { tr: "Dekont bulunamadı", en: "Receipt not found" } as const;

for (const lang of ["tr", "en"] as const)
  for (const scheme of ["light", "dark"] as const)
    test(`orders → order → invoice → receipt from the examples (${lang}, ${scheme})`, async ({
      page,
      context,
      baseURL,
      expectAccessible,
    }) => {
      mkdirSync(SCREENS, { recursive: true });
      const [name = "", value = ""] = (
        await launchedSessionCookie(baseURL ?? "", EXAMPLE_CUSTOMERS.invoice, lang)
      ).split(/=(.*)/s);
      await context.addCookies([{ name, value, url: baseURL ?? "" }]);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      const shot = async (step: string) =>
        page.screenshot({ path: `${SCREENS}/${step}-${lang}-${scheme}.png`, fullPage: true });

      // The orders list: the one documented Ecom Order is another customer's basket.
      await page.goto("/orders");
      // The shop speaks Turkish to a tr-TR phone; the customer switches as a customer would.
      if (lang === "en") await page.getByRole("button", { name: "English (EN)" }).click();
      await expect(page.getByText(NO_ORDERS[lang]).first()).toBeVisible({ timeout: 15_000 });
      await expectAccessible();
      await shot("1-orders");

      // The order: looked up through Get Orders as well, within its bound.
      await page.goto(`/orders/${CODE}`);
      await expect(page.getByText(NO_ORDER[lang]).first()).toBeVisible({ timeout: 15_000 });
      await expectAccessible();
      await shot("2-order");

      // The invoice: Minted's Get Order Invoice example, as printed.
      await page.goto(`/orders/${CODE}/invoice`);
      const main = page.getByRole("main");
      // Settled either way (the data or the error), so that the screenshot shows which.
      await expect(
        main
          .getByText("Gold - Digital storage")
          .or(page.getByRole("button", { name: RETRY[lang] }))
          .filter({ visible: true })
          .first(),
        // A failed invoice is retried a few times before its error shows (src/lib/query-client.ts).
      ).toBeVisible({ timeout: 60_000 });
      await shot("3-invoice");
      await expect(main.getByText(CODE).filter({ visible: true }).first()).toBeVisible({
        timeout: 15_000,
      });
      await expect(
        main.getByText("Gold - Digital storage").filter({ visible: true }).first(),
      ).toBeVisible();
      await expect(
        main.getByText("Mehmet Gülbilge").filter({ visible: true }).first(),
      ).toBeVisible();
      await expect(
        main
          .getByText(/543[.,]50/)
          .filter({ visible: true })
          .first(),
      ).toBeVisible();
      await expectAccessible();

      // The receipt: the order look-up again.
      await page.goto(`/orders/${CODE}/receipt`);
      await expect(page.getByText(NO_RECEIPT[lang]).first()).toBeVisible({ timeout: 15_000 });
      await expectAccessible();
      await shot("4-receipt");
    });
