import { useQuery } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { basketSchema } from "../../../contract/basket";
import { currentSessionSchema, sessionViewSchema } from "../../../contract/session";
import { LazyToaster } from "../../components/toasts";
import { answer, deferred, fakeApi, problem } from "../../test-support/fake-api";
import { basket, basketLine } from "../../test-support/fixtures";
import { renderRoutes } from "../../test-support/render";
import { useBasketQuantity, useRemoveFromBasket } from "./basket-mutations";
import { basketQueryOptions, useAddToBasket } from "./basket-queries";

/** The basket as a page shows it: each line's quantity, the total, a stepper and a remove. */
function BasketProbe() {
  const { data } = useQuery(basketQueryOptions());
  const { setQuantity } = useBasketQuantity();
  const remove = useRemoveFromBasket();
  return (
    <>
      {data ? (
        <>
          <ul aria-label="Lines">
            {data.items.map((item) => (
              <li key={item.sku}>
                {item.name} × {item.quantity}
                <button onClick={() => setQuantity(item.sku, item.quantity + 1)}>
                  More {item.name}
                </button>
                <button onClick={() => remove.mutate(item.sku)}>Remove {item.name}</button>
              </li>
            ))}
          </ul>
          <p>Total {data.totals.total}</p>
        </>
      ) : (
        <p>Loading</p>
      )}
      <LazyToaster />
    </>
  );
}

const gold = { sku: "GAU-1G", name: "1 g Gold Bar" };
const line = basketLine({ ...gold, unitPrice: 2500, quantity: 1 });
const itemPath = "/api/basket/items/GAU-1G";
const guest = {
  kind: "guest",
  customer: null,
  locale: "en",
  currency: "TRY",
  theme: null,
} as const;
/** The session the basket's changes run in (asked first: see basket-api.ts). */
const inGuestSession = answer(currentSessionSchema, { session: guest });

function renderBasket() {
  return renderRoutes(() => [{ path: "/basket", Component: BasketProbe }], "/basket");
}

describe("basket hooks", () => {
  it("shows taps at once, sends one PATCH with the final quantity, then takes the proxy's basket and reads it again", async () => {
    const patch = deferred();
    const reread = deferred();
    const settled = basket([basketLine({ ...gold, unitPrice: 2600, quantity: 3 })]);
    fakeApi()
      .on("GET", "/api/session/current", inGuestSession)
      .on("GET", "/api/basket", answer(basketSchema, basket([line])), () => reread.promise)
      .on("PATCH", itemPath, () => patch.promise);
    const { user } = renderBasket();

    await user.click(await screen.findByRole("button", { name: "More 1 g Gold Bar" }));
    await user.click(screen.getByRole("button", { name: "More 1 g Gold Bar" }));
    // Optimistic: the line and the total follow the taps before the proxy has heard of them.
    expect(screen.getByText(/1 g Gold Bar × 3/)).toBeTruthy();
    expect(screen.getByText("Total 7500")).toBeTruthy();
    expect(fakeApi().calls("PATCH", itemPath)).toHaveLength(0);

    await waitFor(() => expect(fakeApi().calls("PATCH", itemPath)).toHaveLength(1));
    expect(fakeApi().calls("PATCH", itemPath)[0]?.body).toEqual({ quantity: 3 });
    expect(screen.getByText(/1 g Gold Bar × 3/)).toBeTruthy();

    patch.resolve(answer(basketSchema, settled));
    // Settled: the proxy's answer (its new price) shows at once, before the basket is read again.
    expect(await screen.findByText("Total 7800")).toBeTruthy();
    await waitFor(() => expect(fakeApi().calls("GET", "/api/basket")).toHaveLength(2));
    reread.resolve(answer(basketSchema, settled));
    expect(fakeApi().calls("PATCH", itemPath)).toHaveLength(1);
  });

  it("rolls a refused quantity (409) back to the basket before the taps and shows the proxy's detail", async () => {
    const patch = deferred();
    const reread = deferred();
    fakeApi()
      .on("GET", "/api/session/current", inGuestSession)
      .on("GET", "/api/basket", answer(basketSchema, basket([line])), () => reread.promise)
      .on("PATCH", itemPath, () => patch.promise);
    const { user } = renderBasket();

    await user.click(await screen.findByRole("button", { name: "More 1 g Gold Bar" }));
    expect(screen.getByText(/1 g Gold Bar × 2/)).toBeTruthy();
    await waitFor(() => expect(fakeApi().calls("PATCH", itemPath)).toHaveLength(1));
    patch.resolve(problem(409, "conflict", { detail: "Only 1 left in stock." }));

    expect(await screen.findByText("Only 1 left in stock.")).toBeTruthy();
    expect(screen.getByText("The basket could not be updated")).toBeTruthy();
    const lines = screen.getByRole("list", { name: "Lines" });
    expect(within(lines).getByText(/1 g Gold Bar × 1/)).toBeTruthy();
    expect(screen.getByText("Total 2500")).toBeTruthy();
    // The snapshot came back by itself, not from reading the basket again.
    expect(fakeApi().calls("GET", "/api/basket").length).toBeLessThanOrEqual(2);
    reread.resolve(answer(basketSchema, basket([line])));
    // A clear refusal is not sent again.
    expect(fakeApi().calls("PATCH", itemPath)).toHaveLength(1);
  });

  it("on a 5xx sends the removal once more with the same key, then shows the basket read again", async () => {
    const first = deferred();
    fakeApi()
      .on("GET", "/api/session/current", inGuestSession)
      .on("GET", "/api/basket", answer(basketSchema, basket([line])))
      .on("DELETE", itemPath, () => first.promise, problem(503, "upstream_unavailable"));
    const { user } = renderBasket();

    await user.click(await screen.findByRole("button", { name: "Remove 1 g Gold Bar" }));
    // Gone at once, before any answer.
    await waitFor(() => expect(screen.queryByText(/1 g Gold Bar × 1/)).toBeNull());
    expect(screen.getByText("Total 0")).toBeTruthy();

    first.resolve(problem(503, "upstream_unavailable"));
    expect(await screen.findByText("We could not confirm your change")).toBeTruthy();
    expect(screen.getByText("This is your basket now.")).toBeTruthy();
    expect(screen.getByText(/1 g Gold Bar × 1/)).toBeTruthy();

    const sends = fakeApi().calls("DELETE", itemPath);
    expect(sends).toHaveLength(2);
    const key = sends[0]?.headers.get("Idempotency-Key");
    expect(key).toBeTruthy();
    expect(sends[1]?.headers.get("Idempotency-Key")).toBe(key);
    // The basket was read again to show what is true.
    expect(fakeApi().calls("GET", "/api/basket").length).toBeGreaterThanOrEqual(2);
  });

  it("a visitor without a session gets a guest session before the first change: no refused call", async () => {
    let started = false;
    fakeApi()
      .on("GET", "/api/session/current", answer(currentSessionSchema, { session: null }))
      .on(
        "GET",
        "/api/basket",
        answer(basketSchema, basket([])),
        answer(basketSchema, basket([line])),
      )
      .on("POST", "/api/session/guest", () => {
        started = true;
        return answer(sessionViewSchema, guest);
      })
      // As the proxy: a change without a session is refused.
      .on("POST", "/api/basket/items", () =>
        started ? answer(basketSchema, basket([line])) : problem(401, "unauthenticated"),
      );
    function AddProbe() {
      const add = useAddToBasket();
      const { data } = useQuery(basketQueryOptions());
      return (
        <>
          <button onClick={() => add.mutate({ sku: gold.sku, quantity: 1 })}>Add</button>
          <p>Lines {data?.items.length ?? "…"}</p>
        </>
      );
    }
    const { user } = renderRoutes(() => [{ path: "/", Component: AddProbe }], "/");
    await user.click(await screen.findByRole("button", { name: "Add" }));
    expect(await screen.findByText("Lines 1")).toBeTruthy();
    const order = fakeApi().requests.map((r) => `${r.method} ${r.path.split("?")[0] ?? ""}`);
    // Before: the add was refused (401) and sent again after the guest session started.
    expect(order.filter((r) => r === "POST /api/basket/items")).toHaveLength(1);
    expect(order.indexOf("POST /api/session/guest")).toBeGreaterThanOrEqual(0);
    expect(order.indexOf("POST /api/session/guest")).toBeLessThan(
      order.indexOf("POST /api/basket/items"),
    );
  });
});
