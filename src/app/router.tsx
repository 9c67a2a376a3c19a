import { createBrowserRouter, type RouteObject } from "react-router";
import { basketQueryOptions } from "../features/basket/basket-queries";
import { receiptQueryOptions } from "../features/receipt/receipt-queries";
import { withMessages } from "../i18n/i18n";
import { AppLayout } from "./app-layout";
import { NotFoundPage } from "./not-found-page";
import { PageFallback } from "./page-fallback";
import { queryClient } from "../lib/query-client";
import { RootErrorBoundary, RouteErrorBoundary } from "./route-error";

/**
 * Every page is its own chunk; the error and loading states ship with the shell. Pages outside
 * the first catalog view load their strings with their chunk (`withMessages`).
 */
const page = {
  ErrorBoundary: RouteErrorBoundary,
  HydrateFallback: PageFallback,
} satisfies Partial<RouteObject>;

export const routes: RouteObject[] = [
  {
    id: "root",
    Component: AppLayout,
    ErrorBoundary: RootErrorBoundary,
    children: [
      {
        index: true,
        ...page,
        lazy: async () => {
          const { CatalogPage, createCatalogLoader } =
            await import("../features/catalog/catalog-page");
          return { Component: CatalogPage, loader: createCatalogLoader(queryClient) };
        },
      },
      {
        path: "products/:sku",
        ...page,
        lazy: async () => {
          const { ProductPage, createProductLoader } = await withMessages(
            import("../features/product/product-page"),
          );
          return { Component: ProductPage, loader: createProductLoader(queryClient) };
        },
      },
      {
        path: "basket",
        ...page,
        // ensureQueryData (as Query 5.9x spells it: `query` with a static staleTime): reuses the
        // badge's basket or reads it while the page chunk loads; a failure is the page's own
        // error state with retry, not the route's.
        loader: async () => {
          await queryClient
            .query({ ...basketQueryOptions(), staleTime: "static" })
            .catch(() => undefined);
          return null;
        },
        lazy: async () => ({
          Component: (await withMessages(import("../features/basket/basket-page"))).BasketPage,
        }),
      },
      {
        // One URL and history entry per step; each loader awaits the checkout state and starts
        // the step's own queries, and redirects when the step cannot be shown (yet).
        path: "checkout",
        ...page,
        // Focus mode: no tab bar or price strip while paying (app-layout.tsx).
        handle: { focus: true },
        lazy: async () => ({
          Component: (await withMessages(import("../features/checkout/checkout-layout")))
            .CheckoutLayout,
        }),
        children: [
          {
            index: true,
            lazy: async () => {
              const [{ CheckoutIndex }, { createStepLoader }] = await withMessages(
                Promise.all([
                  import("../features/checkout/checkout-layout"),
                  import("../features/checkout/checkout-routing"),
                ]),
              );
              return { Component: CheckoutIndex, loader: createStepLoader(queryClient, null) };
            },
          },
          {
            // A standalone guest's identity (name, TCKN, e-mail, phone) before the steps.
            path: "identity",
            lazy: async () => {
              const { IdentityStep, createIdentityLoader } = await withMessages(
                import("../features/checkout/identity-step"),
              );
              return { Component: IdentityStep, loader: createIdentityLoader(queryClient) };
            },
          },
          {
            path: "address",
            lazy: async () => {
              const { AddressStep, createAddressLoader } = await withMessages(
                import("../features/checkout/address-step"),
              );
              return { Component: AddressStep, loader: createAddressLoader(queryClient) };
            },
          },
          {
            path: "review",
            lazy: async () => {
              const { ReviewStep, createReviewLoader } = await withMessages(
                import("../features/checkout/review-step"),
              );
              return { Component: ReviewStep, loader: createReviewLoader(queryClient) };
            },
          },
          {
            path: "pay",
            lazy: async () => {
              const { PayStep, createPayLoader } = await withMessages(
                import("../features/checkout/pay-step"),
              );
              return { Component: PayStep, loader: createPayLoader(queryClient) };
            },
          },
        ],
      },
      {
        // Where the bank sends the customer back (the proxy's return URL).
        path: "checkout/return",
        ...page,
        handle: { focus: true },
        lazy: async () => {
          const { ReturnPage, createReturnLoader } = await withMessages(
            import("../features/checkout/return-page"),
          );
          return { Component: ReturnPage, loader: createReturnLoader(queryClient) };
        },
      },
      {
        path: "orders",
        ...page,
        lazy: async () => {
          const { OrdersPage, createOrdersLoader } = await withMessages(
            import("../features/orders/orders-page"),
          );
          return { Component: OrdersPage, loader: createOrdersLoader(queryClient) };
        },
      },
      {
        path: "orders/:code",
        ...page,
        lazy: async () => {
          const { OrderPage, createOrderLoader } = await withMessages(
            import("../features/orders/order-page"),
          );
          return { Component: OrderPage, loader: createOrderLoader(queryClient) };
        },
      },
      {
        path: "orders/:code/receipt",
        ...page,
        // Starts reading the receipt while the page chunk loads; a failure (404 included) is
        // the page's own state, not the route's.
        loader: ({ params }) => {
          void queryClient.query(receiptQueryOptions(params.code ?? "")).catch(() => undefined);
          return null;
        },
        lazy: async () => ({
          Component: (await withMessages(import("../features/receipt/receipt-page"))).ReceiptPage,
        }),
      },
      {
        path: "orders/:code/invoice",
        ...page,
        lazy: async () => {
          const { InvoicePage, createInvoiceLoader } = await withMessages(
            import("../features/orders/invoice-page"),
          );
          return { Component: InvoicePage, loader: createInvoiceLoader(queryClient) };
        },
      },
      {
        path: "wallet",
        ...page,
        lazy: async () => {
          const { WalletPage, createWalletLoader } = await withMessages(
            import("../features/wallet/wallet-page"),
          );
          return { Component: WalletPage, loader: createWalletLoader(queryClient) };
        },
      },
      {
        path: "wallet/trade",
        ...page,
        lazy: async () => ({
          Component: (await withMessages(import("../features/wallet/trade-page"))).TradePage,
        }),
      },
      {
        path: "wallet/basket/:type",
        ...page,
        lazy: async () => {
          const { WalletBasketPage, createWalletBasketLoader } = await withMessages(
            import("../features/wallet/wallet-basket-page"),
          );
          return { Component: WalletBasketPage, loader: createWalletBasketLoader(queryClient) };
        },
      },
      {
        path: "wallet/orders/:id/receipt",
        ...page,
        lazy: async () => {
          const { WalletReceiptPage, createWalletReceiptLoader } = await withMessages(
            import("../features/wallet/wallet-receipt-page"),
          );
          return { Component: WalletReceiptPage, loader: createWalletReceiptLoader(queryClient) };
        },
      },
      {
        path: "addresses",
        ...page,
        lazy: async () => ({
          Component: (await withMessages(import("../features/addresses/addresses-page")))
            .AddressesPage,
        }),
      },
      {
        path: "receipt-lookup",
        ...page,
        lazy: async () => ({
          Component: (await withMessages(import("../features/receipt-lookup/receipt-lookup-page")))
            .ReceiptLookupPage,
        }),
      },
      {
        path: "launch",
        ...page,
        lazy: async () => ({
          Component: (await withMessages(import("../features/launch/launch-page"))).LaunchPage,
        }),
      },
      {
        path: "account",
        ...page,
        lazy: async () => ({
          Component: (await withMessages(import("../features/launch/account-page"))).AccountPage,
        }),
      },
      {
        path: "signed-out",
        ...page,
        lazy: async () => ({
          Component: (await withMessages(import("../features/launch/signed-out-page")))
            .SignedOutPage,
        }),
      },
      // The 404 page shares its content with the error boundary, so it ships with the shell.
      { path: "*", ...page, Component: NotFoundPage },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
