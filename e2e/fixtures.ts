import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { resetSandbox } from "./sandbox";

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21aa"];

interface Fixtures {
  /** Runs axe-core with the WCAG 2.1 A/AA rules and fails with a readable list of violations. */
  expectAccessible: (options?: { exclude?: string[] }) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  expectAccessible: async ({ page }, use) => {
    await use(async ({ exclude = [] } = {}) => {
      let builder = new AxeBuilder({ page }).withTags(wcagTags);
      for (const selector of exclude) builder = builder.exclude(selector);
      const { violations } = await builder.analyze();
      const summary = violations.map(
        (violation) =>
          `${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n` +
          violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n"),
      );
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});

export { expect };

/** `test` whose every test starts from the sandbox seed (prices, stock and clock). */
export const freshSandboxTest = test.extend<{ freshSandbox: undefined }>({
  freshSandbox: [
    async ({ request }, use) => {
      await resetSandbox(request);
      await use(undefined);
    },
    { auto: true },
  ],
});

/** Opens a page and waits until its heading is rendered (lazy chunks loaded). */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeAttached();
}

/** The app's primary navigation (bottom bar on phones, header links on desktop). */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: /^(Ana menü|Main)$/ });
}
