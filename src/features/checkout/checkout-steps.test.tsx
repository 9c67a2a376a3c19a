import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { addressListSchema } from "../../../contract/addresses";
import { basketSchema, identityResultSchema } from "../../../contract/basket";
import {
  checkoutStateSchema,
  legalDocumentsSchema,
  paymentTypesSchema,
  quoteSchema,
} from "../../../contract/checkout";
import { answer, deferred, fakeApi, problem } from "../../test-support/fake-api";
import {
  basket,
  basketLine,
  checkoutState,
  legalDocuments,
  paymentTypes,
  quote,
  savedAddress,
} from "../../test-support/fixtures";
import { Landed, renderRoutes } from "../../test-support/render";
import { AddressStep, createAddressLoader } from "./address-step";
import { createIdentityLoader, IdentityStep } from "./identity-step";
import { createPayLoader, PayStep } from "./pay-step";
import { resetPaymentRun } from "./payment-runner";
import { createReviewLoader, ReviewStep } from "./review-step";

const address = savedAddress();
const lines = [
  basketLine({ sku: "GAU-1G", name: "1 g Gold Bar", unitPrice: 2500, quantity: 2 }),
  basketLine({ sku: "GAG-1OZ", name: "1 oz Silver Coin", unitPrice: 1200, quantity: 1 }),
];
/** A customer's checkout with both addresses chosen (the review and pay steps need them). */
const addressed = checkoutState({ basket: basket(lines), shipping: address, billing: address });

function proxyWith({ accepted }: { accepted: boolean }) {
  return fakeApi()
    .on("GET", "/api/checkout", answer(checkoutStateSchema, addressed))
    .on("GET", "/api/checkout/quote", answer(quoteSchema, quote({ itemCount: 3 })))
    .on("GET", "/api/checkout/legal", answer(legalDocumentsSchema, legalDocuments(accepted)))
    .on("GET", "/api/checkout/payment-types", answer(paymentTypesSchema, paymentTypes()));
}

const landing = (...names: string[]) =>
  names.map((name) => ({ path: `/checkout/${name}`, Component: () => <Landed name={name} /> }));

describe("identity step", () => {
  const renderIdentity = () =>
    renderRoutes(
      (qc) => [
        { path: "/checkout/identity", Component: IdentityStep, loader: createIdentityLoader(qc) },
        ...landing("address"),
      ],
      "/checkout/identity",
    );

  it("refuses an invalid form at its fields before calling the proxy and focuses the first", async () => {
    fakeApi()
      .on("GET", "/api/checkout", problem(401, "unauthenticated"))
      .on("GET", "/api/basket", answer(basketSchema, basket(lines)));
    const { user } = renderIdentity();

    await user.type(await screen.findByLabelText(/Last name/), "Yılmaz");
    await user.click(screen.getByRole("button", { name: "Continue to address" }));

    const first = screen.getByLabelText(/First name/);
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(first.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText(/Last name/).getAttribute("aria-invalid")).not.toBe("true");
    expect(fakeApi().calls("POST", "/api/session/identity")).toHaveLength(0);
  });

  it("binds the identity and goes on to the address step", async () => {
    fakeApi()
      .on("GET", "/api/checkout", problem(401, "unauthenticated"))
      .on("GET", "/api/basket", answer(basketSchema, basket(lines)))
      .on(
        "POST",
        "/api/session/identity",
        answer(identityResultSchema, {
          customer: { accountType: "person", name: "Ayşe Yılmaz", email: "ayse@example.com" },
          basket: basket(lines),
          skipped: [],
        }),
      );
    const { user } = renderIdentity();

    await user.type(await screen.findByLabelText(/First name/), "Ayşe");
    await user.type(screen.getByLabelText(/Last name/), "Yılmaz");
    await user.type(screen.getByLabelText(/TCKN/), "10000000146");
    await user.type(screen.getByLabelText(/E-mail/i), "ayse@example.com");
    await user.type(screen.getByLabelText(/Mobile phone/), "05321234567");
    await user.click(screen.getByRole("button", { name: "Continue to address" }));

    expect(await screen.findByText("landed on address")).toBeTruthy();
    expect(fakeApi().calls("POST", "/api/session/identity")[0]?.body).toMatchObject({
      firstname: "Ayşe",
      lastname: "Yılmaz",
      identityNumber: "10000000146",
    });
  });
});

describe("address step", () => {
  const renderAddress = () =>
    renderRoutes(
      (qc) => [
        { path: "/checkout/address", Component: AddressStep, loader: createAddressLoader(qc) },
        ...landing("review"),
      ],
      "/checkout/address",
    );

  function proxyForAddress() {
    return (
      fakeApi()
        .on("GET", "/api/checkout", answer(checkoutStateSchema, checkoutState()))
        // The footer's countdown.
        .on("GET", "/api/checkout/quote", answer(quoteSchema, quote({ itemCount: 3 })))
        .on("GET", "/api/addresses", answer(addressListSchema, { addresses: [address] }))
    );
  }

  it("sends the chosen saved address for delivery and invoice, then goes on to review", async () => {
    proxyForAddress().on("PUT", "/api/checkout/addresses", answer(checkoutStateSchema, addressed));
    const { user } = renderAddress();

    await user.click(await screen.findByRole("button", { name: "Continue" }));

    expect(await screen.findByText("landed on review")).toBeTruthy();
    expect(fakeApi().calls("PUT", "/api/checkout/addresses")[0]?.body).toEqual({
      shippingAddressId: address.id,
      billingAddressId: address.id,
    });
  });

  it("shows the proxy's refusal at the delivery addresses and stays", async () => {
    proxyForAddress().on(
      "PUT",
      "/api/checkout/addresses",
      problem(422, "validation_failed", {
        errors: { shippingAddressId: ["We do not deliver to this address."] },
      }),
    );
    const { user } = renderAddress();

    await user.click(await screen.findByRole("button", { name: "Continue" }));

    const group = await screen.findByRole("group", { name: "Delivery address" });
    await within(group).findByText("We do not deliver to this address.");
    expect(group.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText("landed on review")).toBeNull();
  });
});

describe("review step", () => {
  const renderReview = () =>
    renderRoutes(
      (qc) => [
        { path: "/checkout/review", Component: ReviewStep, loader: createReviewLoader(qc) },
        ...landing("pay", "address"),
      ],
      "/checkout/review",
    );

  it("lists the basket's lines and the quote's total, and goes on to pay", async () => {
    proxyWith({ accepted: true });
    const { user } = renderReview();

    const items = await screen.findByRole("region", { name: "3 items" });
    const rows = within(items).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/1 g Gold Bar.*Qty 2.*5,000\.00/),
      expect.stringMatching(/1 oz Silver Coin.*Qty 1.*1,200\.00/),
    ]);
    const totals = screen.getByRole("region", { name: "Amount to pay" });
    expect(within(totals).getByText(/Total to pay/).parentElement?.textContent).toMatch(
      /2,550\.00/,
    );

    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    expect(await screen.findByText("landed on pay")).toBeTruthy();
  });

  it("does not go on before both documents are accepted", async () => {
    proxyWith({ accepted: false });
    const { user } = renderReview();

    await user.click(await screen.findByRole("button", { name: "Continue to payment" }));

    expect((await screen.findAllByText("Accept both documents to continue.")).length).toBe(1);
    expect(screen.queryByText("landed on pay")).toBeNull();
  });
});

describe("pay step", () => {
  afterEach(() => resetPaymentRun());

  it("disables Pay while paying and shows the proxy's detail when the payment is refused", async () => {
    const completion = deferred();
    proxyWith({ accepted: true }).on("POST", "/api/checkout/complete", () => completion.promise);
    const { user } = renderRoutes(
      (qc) => [
        { path: "/checkout/pay", Component: PayStep, loader: createPayLoader(qc) },
        ...landing("review"),
      ],
      "/checkout/pay",
    );

    await user.click(await screen.findByRole("button", { name: /Pay .*2,550\.00/ }));

    const sending = await screen.findByRole("button", { name: "Processing payment…" });
    expect(sending.hasAttribute("disabled")).toBe(true);
    expect(fakeApi().calls("POST", "/api/checkout/complete")).toHaveLength(1);
    const sent = fakeApi().calls("POST", "/api/checkout/complete")[0];
    expect(sent?.body).toMatchObject({ quoteId: quote().quoteId, paymentType: "card" });

    completion.resolve(
      problem(422, "validation_failed", { detail: "Your card cannot be used for this order." }),
    );

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The payment could not be started")).toBeTruthy();
    expect(within(alert).getByText("Your card cannot be used for this order.")).toBeTruthy();
    const pay = screen.getByRole("button", { name: /Pay .*2,550\.00/ });
    expect(pay.hasAttribute("disabled")).toBe(false);
    expect(fakeApi().calls("POST", "/api/checkout/complete")).toHaveLength(1);
  });
});
