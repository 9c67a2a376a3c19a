import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { WalletBasket } from "../../../contract/wallet";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { Skeleton } from "../../components/skeleton";
import { AddressSummary } from "../../domain/addresses/address-summary";
import { addressesQueryOptions } from "../../domain/addresses/address-queries";
import { card } from "./wallet-basket-card";

export function DeliveryAddress({
  basket,
  onChoose,
  busy,
}: {
  basket: WalletBasket;
  onChoose: (id: number) => void;
  busy: boolean;
}) {
  const { _ } = useLingui();
  const { data, isPending, isError, refetch } = useQuery(addressesQueryOptions("shipping"));
  const chosen = basket.shippingAddress;
  // The customer's pick shows at once; the basket confirms it when Minted has taken it.
  const [picked, setPicked] = useState<number | null>(null);
  const savedId = data?.addresses.find(
    (a) => chosen && a.line === chosen.line && a.city === chosen.city && a.county === chosen.county,
  )?.id;
  const selectedId = picked ?? savedId;
  return (
    <section aria-labelledby="wallet-address" className="space-y-3">
      <h2 id="wallet-address" className="text-lg font-semibold text-text">
        {_("wallet.basket.address")}
      </h2>
      {isPending ? (
        <Skeleton className="h-24 w-full rounded-card" />
      ) : isError ? (
        <div role="alert" className={card}>
          <p>{_("wallet.basket.addressError")}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void refetch()}>
            {_("error.retry")}
          </Button>
        </div>
      ) : data.addresses.length === 0 ? (
        <div className={card}>
          <p className="text-text-muted">{_("wallet.basket.noAddress")}</p>
          <ButtonLink to="/addresses" variant="secondary" className="mt-3">
            {_("wallet.basket.addAddress")}
          </ButtonLink>
        </div>
      ) : (
        <fieldset disabled={busy} className="min-w-0 space-y-2">
          <legend className="sr-only">{_("wallet.basket.address")}</legend>
          {data.addresses.map((address) => (
            <label
              key={address.id}
              className={cn(
                card,
                "flex cursor-pointer gap-3 has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:outline-2 has-focus-visible:outline-primary",
              )}
            >
              <input
                type="radio"
                name="delivery-address"
                className="mt-1 size-5 shrink-0 accent-primary"
                checked={selectedId === address.id}
                onChange={() => {
                  setPicked(address.id);
                  onChoose(address.id);
                }}
                aria-label={[
                  address.fullName ?? address.companyName ?? "",
                  address.county,
                  address.city,
                ]
                  .filter(Boolean)
                  .join(", ")}
              />
              <AddressSummary address={address} />
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
