import { useLingui } from "@lingui/react";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import type { Address } from "../../../contract/addresses";
import type { CheckoutState } from "../../../contract/checkout";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { ApiProblem } from "../../lib/api";
import { readDraft } from "../../domain/addresses/address-draft";
import { addressesQueryOptions } from "../../domain/addresses/address-queries";
import { AddressSummary } from "../../domain/addresses/address-summary";
import {
  addressIds,
  billingOptions,
  hasInvoiceIdentity,
  preselect,
  shippingOptions,
  type AddressChoice,
} from "./address-choice";
import { setCheckoutAddresses } from "./checkout-api";
import { checkoutKeys, checkoutQueryOptions } from "./checkout-queries";
import { createStepLoader, stepPath } from "./checkout-routing";
import { NewAddress, newAddressFormId } from "./new-address";
import { CheckoutFooter } from "./checkout-footer";
import { basketSignature } from "../../domain/price-fix";
import { usePriceFix } from "./use-price-fix";

export function createAddressLoader(queryClient: QueryClient) {
  return createStepLoader(queryClient, "address", (qc) => [qc.query(addressesQueryOptions())]);
}

const radioCard =
  "relative flex cursor-pointer gap-3 rounded-card border border-border bg-surface-raised p-4 shadow-card has-[:checked]:border-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-primary";

function AddressRadios({
  legend,
  addresses,
  selectedId,
  onSelect,
  error,
  children,
}: {
  legend: string;
  addresses: readonly Address[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  error?: string | undefined;
  children?: ReactNode;
}) {
  const { _ } = useLingui();
  const name = useId();
  const errorId = useId();
  return (
    <fieldset
      className="space-y-3"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-3 text-lg font-semibold text-text">{legend}</legend>
      {addresses.map((address) => {
        return (
          <label key={address.id} className={radioCard}>
            <input
              type="radio"
              name={name}
              value={address.id}
              checked={address.id === selectedId}
              onChange={() => onSelect(address.id)}
              className="mt-1 size-5 shrink-0 accent-primary"
            />
            <span className="min-w-0 flex-1">
              <span className="mb-1 block text-xs font-medium tracking-wide text-text-muted uppercase">
                {address.type === "shipping"
                  ? _("checkout.address.typeShipping")
                  : _("checkout.address.typeBilling")}
              </span>
              <AddressSummary address={address} />
            </span>
          </label>
        );
      })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

function problemOf(error: unknown): ApiProblem | null {
  return error instanceof ApiProblem ? error : null;
}

function AddressContent({
  state,
  addresses,
}: {
  state: CheckoutState;
  addresses: readonly Address[];
}) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [override, setOverride] = useState<Partial<AddressChoice>>({});
  // Open at once without saved addresses, or when a reload left a half-typed one.
  const [adding, setAdding] = useState<"shipping" | "billing" | null>(() => {
    if (addresses.length === 0 || readDraft(newAddressFormId("shipping"))) return "shipping";
    return readDraft(newAddressFormId("billing")) ? "billing" : null;
  });
  const [missing, setMissing] = useState(false);
  const sameId = useId();
  const continueRef = useRef<HTMLButtonElement>(null);
  // The countdown only: the fees (and so the total to accept) follow from the addresses.
  const fix = usePriceFix(basketSignature(state.basket.items), { adopt: false });

  const defaults = preselect(addresses, state);
  const choice: AddressChoice = { ...defaults, ...override };
  const ships = shippingOptions(addresses);
  const bills = billingOptions(addresses);
  const shipping = addresses.find((a) => a.id === choice.shippingId);
  const sameAllowed = shipping !== undefined && hasInvoiceIdentity(shipping);
  const same = choice.sameAsShipping && sameAllowed;

  const save = useMutation({
    mutationFn: setCheckoutAddresses,
    onSuccess: async (next) => {
      queryClient.setQueryData(checkoutKeys.state(), next);
      // The addresses shape the delivery fees and the documents.
      await queryClient.invalidateQueries({ queryKey: checkoutKeys.quote() });
      await queryClient.invalidateQueries({ queryKey: checkoutKeys.legal() });
      void navigate(stepPath("review"));
    },
  });
  const problem = problemOf(save.error);
  const fieldError = (field: string) => problem?.errors[field]?.join(" ");

  const proceed = () => {
    const ids = addressIds({ ...choice, sameAsShipping: same }, addresses);
    if (!ids) {
      setMissing(true);
      return;
    }
    setMissing(false);
    save.mutate(ids);
  };

  const created = (address: Address) => {
    setAdding(null);
    if (address.type === "shipping") setOverride((o) => ({ ...o, shippingId: address.id }));
    else setOverride((o) => ({ ...o, billingId: address.id, sameAsShipping: false }));
    continueRef.current?.scrollIntoView({ block: "nearest" });
  };

  const addButton = (type: "shipping" | "billing") =>
    adding === type ? (
      <NewAddress type={type} onSaved={created} onCancel={() => setAdding(null)} />
    ) : (
      <Button variant="secondary" className="w-full" onClick={() => setAdding(type)}>
        {type === "shipping" ? _("checkout.address.addShipping") : _("checkout.address.addBilling")}
      </Button>
    );

  return (
    <>
      <div className="mx-auto max-w-2xl space-y-8">
        <AddressRadios
          legend={_("checkout.address.shippingLegend")}
          addresses={ships}
          selectedId={choice.shippingId}
          onSelect={(id) => setOverride((o) => ({ ...o, shippingId: id }))}
          error={
            fieldError("shippingAddressId") ??
            (missing && !shipping ? _("checkout.address.chooseShipping") : undefined)
          }
        >
          {addButton("shipping")}
        </AddressRadios>

        <div className="space-y-3">
          <h2 className="text-lg font-semibold text-text">{_("checkout.address.billingTitle")}</h2>
          <label
            className={cn(
              "flex min-h-12 items-start gap-3 rounded-control py-2",
              sameAllowed ? "cursor-pointer" : "cursor-not-allowed opacity-70",
            )}
          >
            <input
              id={sameId}
              type="checkbox"
              checked={same}
              disabled={!sameAllowed}
              onChange={(event) =>
                setOverride((o) => ({ ...o, sameAsShipping: event.target.checked }))
              }
              className="mt-0.5 size-6 shrink-0 accent-primary"
            />
            <span className="text-text">
              {_("checkout.address.sameAsShipping")}
              {shipping && !sameAllowed ? (
                <span className="block text-sm text-text-muted">
                  {_("checkout.address.noIdentity")}
                </span>
              ) : null}
            </span>
          </label>
          {same ? null : (
            <AddressRadios
              legend={_("checkout.address.billingLegend")}
              addresses={bills}
              selectedId={choice.billingId}
              onSelect={(id) => setOverride((o) => ({ ...o, billingId: id }))}
              error={
                fieldError("billingAddressId") ??
                (missing && !bills.some((b) => b.id === choice.billingId)
                  ? _("checkout.address.chooseBilling")
                  : undefined)
              }
            >
              {addButton("billing")}
            </AddressRadios>
          )}
        </div>

        {problem && !fieldError("shippingAddressId") && !fieldError("billingAddressId") ? (
          <p role="alert" className="rounded-control border border-danger/50 p-3 text-text">
            {Object.values(problem.errors).flat().join(" ") ||
              problem.detail ||
              _("checkout.address.saveError")}
          </p>
        ) : null}
      </div>
      <CheckoutFooter
        label={_("checkout.footer.basketTotal")}
        total={state.basket.totals.total}
        fix={fix}
      >
        <Button
          ref={continueRef}
          className="w-full"
          onClick={proceed}
          disabled={save.isPending}
          aria-busy={save.isPending}
        >
          {save.isPending ? _("checkout.address.saving") : _("checkout.address.continue")}
        </Button>
      </CheckoutFooter>
    </>
  );
}

export function AddressStep() {
  const { _ } = useLingui();
  const checkout = useQuery(checkoutQueryOptions());
  const list = useQuery(addressesQueryOptions());
  let content;
  if (checkout.data && list.data)
    content = <AddressContent state={checkout.data} addresses={list.data.addresses} />;
  else if (list.isError)
    content = (
      <div role="alert" className="rounded-card border border-danger/40 bg-surface-raised p-4">
        <p className="text-text">{_("checkout.address.loadError")}</p>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => void list.refetch()}
          disabled={list.isFetching}
        >
          {_("error.retry")}
        </Button>
      </div>
    );
  else
    content = (
      <div role="status" aria-label={_("checkout.address.loading")} className="space-y-3">
        <Skeleton className="h-32 rounded-card" />
        <Skeleton className="h-32 rounded-card" />
      </div>
    );
  return (
    <>
      <PageHeader
        title={_("checkout.address.title")}
        description={_("checkout.address.description")}
      />
      {content}
    </>
  );
}
