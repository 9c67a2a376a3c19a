// @vitest-environment happy-dom
import { setupI18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod/mini";
import type { Resolver } from "react-hook-form";
import { ApiProblem } from "../lib/api";
import { memoryStorage, tabDraft, type KeyValueStorage } from "../lib/tab-storage";
import { useShopForm } from "./use-shop-form";

interface Values {
  name: string;
  city: string;
  secret: string;
}

const draftSchema = z.object({ name: z.optional(z.string()), city: z.optional(z.string()) });

/** Both fields are required; the checks say which one is missing. */
const resolver: Resolver<Values, unknown, Values> = (values) => {
  const errors: Record<string, { type: string; message: string }> = {};
  if (!values.name) errors.name = { type: "validate", message: "name needed" };
  if (!values.city) errors.city = { type: "validate", message: "city needed" };
  return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
};

function TestForm({
  storage,
  submit,
}: {
  storage: KeyValueStorage;
  submit: (values: Values) => Promise<void>;
}) {
  const form = useShopForm<Values, Values>({
    resolver,
    defaultValues: { name: "", city: "", secret: "" },
    draft: tabDraft("test.draft", draftSchema, storage),
    // Shown city first, whatever order the fields were registered in.
    fieldOrder: () => ["city", "name", "secret"],
  });
  const { errors } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        try {
          await submit(values);
          form.saved();
        } catch (error) {
          form.showProblem(error, () => "generic");
        }
      })}
    >
      <input aria-label="name" {...form.register("name")} />
      <input aria-label="secret" {...form.register("secret")} />
      <input aria-label="city" {...form.register("city")} />
      <p data-testid="name-error">{errors.name?.message}</p>
      <p data-testid="city-error">{errors.city?.message}</p>
      <p data-testid="form-error">{form.formError}</p>
      <button type="submit">save</button>
    </form>
  );
}

function renderForm(storage: KeyValueStorage, submit = async () => {}) {
  const i18n = setupI18n({ locale: "en", messages: { en: {} } });
  return render(
    <I18nProvider i18n={i18n}>
      <TestForm storage={storage} submit={submit} />
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("useShopForm", () => {
  it("keeps a draft across a remount (what the schema keeps) until a successful submit", async () => {
    const storage = memoryStorage();
    const user = userEvent.setup();
    const first = renderForm(storage);
    await user.type(screen.getByLabelText("name"), "Ayşe");
    await user.type(screen.getByLabelText("secret"), "10000000146");
    first.unmount();
    expect(storage.getItem("test.draft")).not.toContain("10000000146");

    renderForm(storage);
    expect(screen.getByLabelText<HTMLInputElement>("name").value).toBe("Ayşe");
    expect(screen.getByLabelText<HTMLInputElement>("secret").value).toBe("");
    await user.type(screen.getByLabelText("city"), "İzmir");
    await user.click(screen.getByRole("button", { name: "save" }));
    await waitFor(() => expect(storage.getItem("test.draft")).toBeNull());
  });

  it("focuses the first invalid field in the order shown", async () => {
    const user = userEvent.setup();
    renderForm(memoryStorage());
    await user.click(screen.getByRole("button", { name: "save" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("city")));
    expect(screen.getByTestId("city-error").textContent).toBe("city needed");
    expect(screen.getByTestId("name-error").textContent).toBe("name needed");
  });

  it("shows the proxy's field errors at their fields and the rest above the button", async () => {
    const user = userEvent.setup();
    const refuse = () =>
      Promise.reject(
        new ApiProblem(422, "validation_failed", "Invalid", {
          name: ["Name is taken."],
          basket: ["Basket changed."],
        }),
      );
    renderForm(memoryStorage(), refuse);
    await user.type(screen.getByLabelText("name"), "Ayşe");
    await user.type(screen.getByLabelText("city"), "İzmir");
    await user.click(screen.getByRole("button", { name: "save" }));
    await waitFor(() =>
      expect(screen.getByTestId("name-error").textContent).toBe("Name is taken."),
    );
    expect(screen.getByTestId("form-error").textContent).toBe("Basket changed.");
    expect(document.activeElement).toBe(screen.getByLabelText("name"));
  });

  it("says what went wrong when the refusal names no field", async () => {
    const user = userEvent.setup();
    renderForm(memoryStorage(), () => Promise.reject(new Error("offline")));
    await user.type(screen.getByLabelText("name"), "Ayşe");
    await user.type(screen.getByLabelText("city"), "İzmir");
    await user.click(screen.getByRole("button", { name: "save" }));
    await waitFor(() => expect(screen.getByTestId("form-error").textContent).toBe("generic"));
  });
});
