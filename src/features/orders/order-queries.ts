import { queryOptions } from "@tanstack/react-query";
import * as orderOps from "../../../contract/api/orders";
import type { FileLink } from "../../../contract/files";
import type { Invoice, OrderDetail, OrderList } from "../../../contract/orders";
import { api } from "../../lib/api";
import { orderRefetchInterval } from "./order-status";
import { apiStatuses, type OrdersSearch } from "./orders-search";
import { queryRoots } from "../../lib/query-keys";

export const ordersPageSize = 10;

export function fetchOrders(search: OrdersSearch, signal?: AbortSignal): Promise<OrderList> {
  const statuses = apiStatuses(search.statuses);
  return api(orderOps.listOrders, {
    query: {
      status: statuses.length > 0 ? statuses.join(",") : undefined,
      from: search.from || undefined,
      to: search.to || undefined,
      page: search.page,
      pageSize: ordersPageSize,
    },
    signal,
  });
}

export function fetchOrder(code: string, signal?: AbortSignal): Promise<OrderDetail> {
  return api(orderOps.getOrder, { params: { code }, signal });
}

export function fetchInvoice(code: string, signal?: AbortSignal): Promise<Invoice> {
  return api(orderOps.getOrderInvoice, { params: { code }, signal });
}

/** A 5-minute link to the invoice PDF that needs no cookie (so a webview can hand it over). */
export function fetchInvoicePdfLink(code: string): Promise<FileLink> {
  return api(orderOps.getOrderInvoicePdfLink, { params: { code } });
}

export const orderKeys = {
  all: queryRoots.orders,
  lists: () => [...orderKeys.all, "list"] as const,
  list: (search: OrdersSearch) =>
    [
      ...orderKeys.lists(),
      search.statuses.join(","),
      search.from ?? "",
      search.to ?? "",
      search.page,
    ] as const,
  detail: (code: string) => [...orderKeys.all, "detail", code] as const,
  invoice: (code: string) => [...orderKeys.all, "invoice", code] as const,
};

export const ordersQueryOptions = (search: OrdersSearch) =>
  queryOptions({
    queryKey: orderKeys.list(search),
    queryFn: ({ signal }) => fetchOrders(search, signal),
  });

/**
 * One order. While it is not final it asks again on its own (only while the page is visible;
 * Query pauses the interval in a background tab), and stops once the status is final.
 */
export const orderQueryOptions = (code: string) =>
  queryOptions({
    queryKey: orderKeys.detail(code),
    queryFn: ({ signal }) => fetchOrder(code, signal),
    refetchInterval: (query) => orderRefetchInterval(query.state.data?.status),
    refetchIntervalInBackground: false,
  });

/** Invoices do not change once issued. */
export const invoiceQueryOptions = (code: string) =>
  queryOptions({
    queryKey: orderKeys.invoice(code),
    queryFn: ({ signal }) => fetchInvoice(code, signal),
    staleTime: 10 * 60_000,
  });
