import { mkdirSync } from "node:fs";
import { test, expect } from "../../../e2e/fixtures.ts";
import { launchedSessionCookie, EXAMPLE_CUSTOMERS } from "../replay-stack.ts";

/**
 * On a phone, the shop against Minted's documented examples (playwright.replay.config.ts): the
 * example customer MTD0018232 opens orders → order FE9HURU6 → its invoice → its receipt. The
 * invoice is Minted's Get Order Invoice example (api-38613148) and must show its data; Get Orders
 * and Get Order (E-Com) have no documented answer, so the orders list, the order and the receipt
 * show the translated error with a retry (never a blank page, never invented data). Screenshots in
 * light and dark, Turkish and English, go to test-results/replay-screens/.
 */

const SCREENS = "test-results/replay-screens";
const CODE = "FE9HURU6";
const RETRY = { tr: "Tekrar dene", en: "Try again" } as const;

for (const lang of ["tr", "en"] as const)
  for (const scheme of ["light", "dark"] as const)
    test(`orders → order → invoice → receipt from the examples (${lang}, ${scheme})`, async ({
      page,
      context,
      baseURL,
      expectAccessible,
    }) => {
      mkdirSync(SCREENS, { recursive: true });
      const secret = process.env.REPLAY_SESSION_SECRET ?? "";
      const [name = "", value = ""] = (
        await launchedSessionCookie(secret, EXAMPLE_CUSTOMERS.invoice, lang)
      ).split(/=(.*)/s);
      await context.addCookies([{ name, value, url: baseURL ?? "" }]);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      const shot = async (step: string) =>
        page.screenshot({ path: `${SCREENS}/${step}-${lang}-${scheme}.png`, fullPage: true });

      // The orders list: Get Orders has no documented answer.
      await page.goto("/orders");
      // The shop speaks Turkish to a tr-TR phone; the customer switches as a customer would.
      if (lang === "en") await page.getByRole("button", { name: "English (EN)" }).click();
      await expect(page.getByRole("button", { name: RETRY[lang] }).first()).toBeVisible({
        timeout: 15_000,
      });
      await expectAccessible();
      await shot("1-orders");

      // The order: found through Get Orders as well.
      await page.goto(`/orders/${CODE}`);
      await expect(page.getByRole("button", { name: RETRY[lang] }).first()).toBeVisible({
        timeout: 15_000,
      });
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
          .first(),
        // A failed invoice is retried a few times before its error shows (src/app/query-client.ts).
      ).toBeVisible({ timeout: 60_000 });
      await shot("3-invoice");
      await expect(main.getByText(CODE).first()).toBeVisible({ timeout: 15_000 });
      await expect(main.getByText("Gold - Digital storage").first()).toBeVisible();
      await expect(main.getByText("Mehmet Gülbilge").first()).toBeVisible();
      await expect(main.getByText(/543[.,]50/).first()).toBeVisible();
      await expectAccessible();

      // The receipt: the order look-up again.
      await page.goto(`/orders/${CODE}/receipt`);
      await expect(page.getByRole("button", { name: RETRY[lang] }).first()).toBeVisible({
        timeout: 15_000,
      });
      await expectAccessible();
      await shot("4-receipt");
    });
