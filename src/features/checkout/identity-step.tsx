import { useLingui } from "@lingui/react";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { redirect } from "react-router";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { basketQueryOptions } from "../basket";
import { EmptyCheckout } from "./checkout-layout";
import { checkoutQueryOptions } from "./checkout-queries";
import { stepPath } from "./checkout-routing";
import { IdentityForm } from "./identity-form";

/**
 * `/checkout/identity`: a guest (a standalone session without a customer) is sent here first.
 * A customer already bound goes straight on to the address step.
 */
export function createIdentityLoader(queryClient: QueryClient) {
  return async (): Promise<Response | null> => {
    const [state] = await Promise.all([
      queryClient.query(checkoutQueryOptions()).catch(() => undefined),
      queryClient.query({ ...basketQueryOptions(), staleTime: "static" }).catch(() => undefined),
    ]);
    return state ? redirect(stepPath("address")) : null;
  };
}

function IdentitySkeleton() {
  const { _ } = useLingui();
  return (
    <div role="status" aria-label={_("checkout.loading")} className="space-y-4">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-96 w-full rounded-card" />
    </div>
  );
}

/** The guest's first checkout step: who is buying (the order and invoice need it). */
export function IdentityStep() {
  const { _ } = useLingui();
  // The layout sends a customer on to the address step; this step only reads the basket.
  const basket = useQuery(basketQueryOptions());
  const heading = useRef<HTMLDivElement>(null);
  const ready = Boolean(basket.data && basket.data.items.length > 0) || basket.isError;

  // The step opens with its heading focused, also when it is the first page loaded.
  useEffect(() => {
    if (ready) heading.current?.querySelector("h1")?.focus({ preventScroll: true });
  }, [ready]);

  if (basket.data && basket.data.items.length === 0) return <EmptyCheckout />;
  if (!ready) return <IdentitySkeleton />;
  return (
    <div className="mx-auto max-w-2xl">
      <div ref={heading}>
        <PageHeader
          title={_("checkout.identity.title")}
          description={_("checkout.identity.description")}
        />
      </div>
      <IdentityForm total={basket.data?.totals.total ?? null} />
    </div>
  );
}
