import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { digitalOrderSchema, digitalQuoteSchema } from "../../../contract/digital";
import { pricesSchema, rateHistorySchema } from "../../../contract/prices";
import { walletSchema } from "../../../contract/wallet";
import { answer, fakeApi } from "../../test-support/fake-api";
import { digitalQuote } from "../../test-support/fixtures";
import { descriptionOf, renderRoutes } from "../../test-support/render";
import { TradePage } from "./trade-page";

/** The live price stream stays silent: the snapshot is the price. */
class SilentEventSource {
  addEventListener() {}
  removeEventListener() {}
  close() {}
}

beforeEach(() => {
  vi.stubGlobal("EventSource", SilentEventSource);
});

const gold = (digitalGrams: number) => ({
  metal: "gold" as const,
  grams: digitalGrams,
  value: digitalGrams * 4000,
  deliverableGrams: 0,
  digitalGrams,
  averageCost: null,
  costGrams: 0,
  profit: null,
  profitPct: null,
});

function renderTrade(side: "buy" | "sell" = "buy") {
  fakeApi().on(
    "GET",
    "/api/wallet",
    answer(walletSchema, {
      currency: "TRY",
      cash: 250_000,
      metals: [gold(12.5)],
      holdings: [],
      metalsValue: 50_000,
      totalValue: 300_000,
    }),
  );
  fakeApi().on(
    "GET",
    "/api/prices",
    answer(pricesSchema, {
      currency: "TRY",
      updatedAt: "2026-12-07T10:00:00Z",
      metals: [
        { metal: "gold", bid: 4000, ask: 4100, changePct: null, updatedAt: "2026-12-07T10:00:00Z" },
      ],
      products: [],
    }),
  );
  fakeApi().on(
    "GET",
    "/api/rate-history",
    answer(rateHistorySchema, {
      symbol: "GAU",
      metal: "gold",
      period: "1d",
      currency: "TRY",
      candles: [],
    }),
  );
  return renderRoutes(
    () => [{ path: "/wallet/trade", Component: TradePage }],
    `/wallet/trade?metal=gold&side=${side}`,
  );
}

describe("trade form", () => {
  it("refuses a sell larger than the holding as it is typed, and sells all of it instead", async () => {
    const { user } = renderTrade("sell");
    expect(await screen.findByText("12.5 g")).toBeTruthy();
    const grams = screen.getByLabelText("Quantity (grams)");
    await user.type(grams, "20");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "You hold 12.5 g; you cannot sell more than that.",
    );
    expect(grams.getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Get price" }));
    expect(fakeApi().calls("POST", "/api/digital/quotes")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Sell all (12.5 g)" }));
    expect((grams as HTMLInputElement).value).toBe("12.5");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(
      screen.getByText("At the current price: about 12.5 g sold for ₺50,000.00."),
    ).toBeTruthy();
  });

  it("estimates the grams an amount shortcut buys at the live ask", async () => {
    const { user } = renderTrade("buy");
    await user.click(await screen.findByRole("button", { name: "₺1,000" }));
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Amount (TRY)" }).value).toBe(
      "1000",
    );
    // 1000 / 4100 = 0.24390… g, rounded down to 0.2439 g.
    expect(
      await screen.findByText("At the current price: about 0.2439 g for ₺1,000.00."),
    ).toBeTruthy();
  });

  it("refuses bad amounts at the field before asking the proxy for a price", async () => {
    const { user } = renderTrade();
    const grams = await screen.findByLabelText("Quantity (grams)");
    const getPrice = screen.getByRole("button", { name: "Get price" });

    const refusals: [string, string][] = [
      ["", "Enter how many grams."],
      ["abc", "Enter a number, such as 1.5."],
      ["0", "Enter more than zero."],
      ["1,23456", "At most 4 decimal places are allowed."],
      ["100001", "Must be at most 100000."],
    ];
    for (const [typed, message] of refusals) {
      await user.clear(grams);
      if (typed) await user.type(grams, typed);
      await user.click(getPrice);
      await waitFor(() => expect(descriptionOf(grams)).toContain(message));
      expect(grams.getAttribute("aria-invalid")).toBe("true");
    }
    expect(fakeApi().calls("POST", "/api/digital/quotes")).toHaveLength(0);
  });

  it("reads Turkish thousands in an amount and asks for a price in TRY", async () => {
    fakeApi().on("POST", "/api/digital/quotes", answer(digitalQuoteSchema, digitalQuote()));
    const { user } = renderTrade();

    await user.click(await screen.findByRole("radio", { name: "Amount (TRY)" }));
    await user.type(screen.getByRole("textbox", { name: "Amount (TRY)" }), "1.000");
    await user.click(screen.getByRole("button", { name: "Get price" }));

    await waitFor(() => expect(fakeApi().calls("POST", "/api/digital/quotes")).toHaveLength(1));
    expect(fakeApi().calls("POST", "/api/digital/quotes")[0]?.body).toEqual({
      metal: "gold",
      side: "buy",
      currency: "TRY",
      amount: 1000,
    });
  });

  it("fixes a price, then places one order at it with an idempotency key", async () => {
    const fixed = digitalQuote({ grams: 1.5, amount: 4500 });
    fakeApi()
      .on("POST", "/api/digital/quotes", answer(digitalQuoteSchema, fixed))
      .on(
        "POST",
        "/api/digital/orders",
        answer(digitalOrderSchema, {
          orderCode: "DG-1001",
          side: "buy",
          metal: "gold",
          status: "payment_confirmed",
          grams: 1.5,
          unitPrice: 3000,
          amount: 4500,
          currency: "TRY",
          createdAt: "2026-12-07T10:00:00Z",
        }),
      );
    const { user } = renderTrade();

    await user.type(await screen.findByLabelText("Quantity (grams)"), "1,5");
    await user.click(screen.getByRole("button", { name: "Get price" }));
    expect(fakeApi().calls("POST", "/api/digital/quotes")[0]?.body).toMatchObject({ grams: 1.5 });

    await user.click(await screen.findByRole("button", { name: /^Buy 1\.5 g for .*4,500\.00$/ }));

    expect(await screen.findByRole("heading", { name: /You bought/ })).toBeTruthy();
    expect(screen.getByText("DG-1001")).toBeTruthy();
    const orders = fakeApi().calls("POST", "/api/digital/orders");
    expect(orders).toHaveLength(1);
    expect(orders[0]?.body).toMatchObject({ quoteId: fixed.quoteId, side: "buy", grams: 1.5 });
    expect(orders[0]?.headers.get("Idempotency-Key")).toBeTruthy();
  });
});
