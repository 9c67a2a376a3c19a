import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { addressListSchema, addressSchema } from "../../../contract/addresses";
import { answer, fakeApi, problem } from "../../test-support/fake-api";
import { savedAddress } from "../../test-support/fixtures";
import { descriptionOf, renderRoutes, type RenderedRoute } from "../../test-support/render";
import { AddressesPage } from "./addresses-page";

/** The address form as the customer meets it: "New address" on the addresses page. */
function renderNewAddress(): RenderedRoute {
  return renderRoutes(
    () => [{ path: "/addresses", Component: AddressesPage }],
    "/addresses?new=shipping",
  );
}

const field = (label: string) => screen.getByLabelText(label, { exact: true });

async function typeAddress({ user }: RenderedRoute, { zipcode = "34710" } = {}) {
  await user.type(await screen.findByLabelText("Full name"), "Ayşe Yılmaz");
  await user.type(field("Mobile phone"), "05321234567");
  await user.selectOptions(field("Province"), "İstanbul");
  await user.type(field("District"), "Kadıköy");
  await user.type(field("Neighbourhood"), "Moda");
  await user.type(field("Postcode"), zipcode);
  await user.type(field("Address"), "Moda Caddesi 12/3");
  await user.type(field("Turkish identity number (TCKN)"), "10000000146");
}

const value = (label: string) => (field(label) as HTMLInputElement).value;

describe("address form", () => {
  it("keeps what was typed on a 422, shows the field errors at their fields and focuses the first", async () => {
    fakeApi().on(
      "POST",
      "/api/addresses",
      problem(422, "validation_failed", {
        errors: {
          line: ["Give the building number."],
          zipcode: ["This postcode is not in Kadıköy."],
        },
      }),
    );
    const rendered = renderNewAddress();
    await typeAddress(rendered);
    await rendered.user.click(screen.getByRole("button", { name: "Save address" }));

    // The postcode comes before the address line on the form: it gets the focus.
    await waitFor(() => expect(document.activeElement).toBe(field("Postcode")));
    expect(field("Postcode").getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(field("Postcode"))).toContain("This postcode is not in Kadıköy.");
    expect(field("Address").getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(field("Address"))).toContain("Give the building number.");
    expect(field("Full name").getAttribute("aria-invalid")).toBe("false");

    expect(value("Full name")).toBe("Ayşe Yılmaz");
    expect(value("Province")).toBe("İstanbul");
    expect(value("Postcode")).toBe("34710");
    expect(value("Address")).toBe("Moda Caddesi 12/3");
    expect(fakeApi().calls("POST", "/api/addresses")[0]?.body).toMatchObject({
      type: "shipping",
      fullName: "Ayşe Yılmaz",
      phone: "+905321234567",
      city: "İstanbul",
      zipcode: "34710",
    });
  });

  it("refuses what the contract refuses before calling the proxy, at the field, focused", async () => {
    const rendered = renderNewAddress();
    await typeAddress(rendered, { zipcode: "06100" });
    await rendered.user.click(screen.getByRole("button", { name: "Save address" }));

    await waitFor(() => expect(document.activeElement).toBe(field("Postcode")));
    expect(descriptionOf(field("Postcode"))).toContain("A postcode in İstanbul starts with 34.");
    expect(fakeApi().calls("POST", "/api/addresses")).toHaveLength(0);
  });

  it("keeps a draft across a reload, and saves the address to the list", async () => {
    const first = renderNewAddress();
    await typeAddress(first);
    first.unmount();

    fakeApi()
      .on("POST", "/api/addresses", answer(addressSchema, savedAddress({ id: 7 })))
      .on(
        "GET",
        "/api/addresses",
        answer(addressListSchema, { addresses: [savedAddress({ id: 7 })] }),
      );
    const second = renderNewAddress();
    expect((await screen.findByLabelText<HTMLInputElement>("Full name")).value).toBe("Ayşe Yılmaz");
    expect(value("Postcode")).toBe("34710");
    expect(value("Address")).toBe("Moda Caddesi 12/3");
    // happy-dom does not select a <select>'s option from its initial value (Chromium does, see
    // e2e/addresses.spec.ts "a reload while typing …"): the province is chosen again here.
    await second.user.selectOptions(field("Province"), "İstanbul");
    await second.user.click(screen.getByRole("button", { name: "Save address" }));

    // Saved: back on the list, which shows the saved address; the draft is gone.
    expect(await screen.findByRole("heading", { name: "Delivery addresses" })).toBeTruthy();
    expect(screen.getByText(/Moda Caddesi 12\/3/)).toBeTruthy();
    expect(fakeApi().calls("POST", "/api/addresses")).toHaveLength(1);
    expect(sessionStorage.getItem("minted.address-draft.v1.addresses-new")).toBeNull();
  });
});
