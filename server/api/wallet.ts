import type { Context } from "hono";
import { metalSchema, type FeeLine, type Metal } from "../../contract/common.ts";
import { IDEMPOTENCY_HEADER } from "../../contract/checkout.ts";
import { digitalCurrencySchema } from "../../contract/digital.ts";
import {
  addWalletItemBodySchema,
  completeWalletBasketBodySchema,
  updateWalletItemBodySchema,
  walletBasketItemParamsSchema,
  walletBasketParamsSchema,
  walletBasketSchema,
  walletBasketTypeSchema,
  walletDeliveryAddressBodySchema,
  walletOrderListSchema,
  walletOrderSchema,
  walletOrdersQuerySchema,
  walletReceiptParamsSchema,
  walletReceiptSchema,
  walletSchema,
  type Wallet,
  type WalletBasket,
  type WalletBasketType,
  type WalletFeeKind,
  type WalletItem,
  type WalletOrder,
  type WalletOrderSummary,
  type WalletReceipt,
} from "../../contract/wallet.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { respondIdempotently } from "../idempotency.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { type UpstreamWalletBasket, type UpstreamWalletFees } from "../../minted/schemas/wallet.ts";
import { UpstreamError } from "../upstream/types.ts";
import type { InputOf } from "../../minted/operations.ts";
import { iso, priceFixView, quoteIdOf, round2, round4 } from "./basket-views.ts";
import { imagePath } from "./catalog-source.ts";
import { partnerDateIso } from "./digital.ts";
import { digitalRecordsOf, forgetDigitalRecord, type DigitalRecord } from "./digital-records.ts";
import { addressView, statusOf } from "./order-views.ts";
import { assertOwnAddresses } from "./addresses.ts";
import { route, type RouteSpec } from "./registry.ts";
import {
  callOptions,
  irreversible,
  refusedField,
  withOurFieldNames,
  withOurNames,
} from "./upstream-refusals.ts";

/**
 * The metal wallet (Walletable): balances, buy / sell / delivery baskets paid from (or into) the
 * customer's TRY wallet, their completion (one tap = one order), orders and receipts. Every fee
 * line is Minted's own figure, to the cent.
 */

const WALLET_ERRORS = ["validation_failed", "unauthenticated", "upstream_unavailable"] as const;
const PAGE_SIZE = 10;

/** A delivery order answers `walletable_ecommerce` as its type. */
function walletTypeOf(type: string): WalletBasketType {
  const parsed = walletBasketTypeSchema.safeParse(type);
  return parsed.success ? parsed.data : "delivery";
}

const FEE_LABELS: Record<WalletFeeKind, { tr: string; en: string }> = {
  delivery: { tr: "Teslimat ücreti", en: "Delivery" },
  charge_fee: { tr: "Hizmet bedeli", en: "Service fee" },
  minting_fee: { tr: "Mint ücreti", en: "Minting fee" },
  storage_fee: { tr: "Saklama ücreti", en: "Storage fee" },
  payment_cost: { tr: "Ödeme maliyeti", en: "Payment cost" },
  vat: { tr: "Ücretlerin KDV'si", en: "VAT on fees" },
};

function percent(rate: number, lang: Lang): string {
  const n = new Intl.NumberFormat(lang === "tr" ? "tr-TR" : "en-GB", {
    maximumFractionDigits: 2,
  }).format(rate);
  return lang === "tr" ? `%${n}` : `${n}%`;
}

/**
 * Minted's fee fields as lines: subtotal + Σ amount = paid total. A sale's fees come off the
 * proceeds, so their amounts are negative.
 */
export function walletFeeLines(
  f: UpstreamWalletFees,
  type: WalletBasketType,
  lang: Lang,
): FeeLine[] {
  const sign = type === "sell" ? -1 : 1;
  const rows: [WalletFeeKind, number, number | null | undefined][] = [
    ["delivery", f.delivery_cost, null],
    ["charge_fee", f.charge_fee, f.charge_fee_rate],
    ["minting_fee", f.minting_fee, null],
    ["storage_fee", f.storage_fee, f.storage_fee_rate],
    ["payment_cost", f.payment_cost, null],
    ["vat", f.charges_vat, f.vat_rate],
  ];
  return rows.flatMap(([kind, amount, rate]) => {
    if (amount === 0) return [];
    const label = FEE_LABELS[kind][lang];
    return [
      {
        kind,
        label: rate ? `${label} (${percent(rate, lang)})` : label,
        amount: round2(sign * amount),
      },
    ];
  });
}

/** Minted lists one row per unit; the shop shows one line per product. */
function itemLines(o: UpstreamWalletBasket): WalletItem[] {
  const lines = new Map<string, WalletItem>();
  for (const row of o.items) {
    const line = lines.get(row.sku);
    if (line) {
      line.quantity += row.amount;
      line.lineTotal = round2(line.lineTotal + row.total);
    } else
      lines.set(row.sku, {
        sku: row.sku,
        name: row.product_name,
        image: imagePath(row.sku, 1),
        unitPrice: row.price,
        quantity: row.amount,
        lineTotal: row.total,
      });
  }
  return [...lines.values()];
}

function emptyBasket(type: WalletBasketType): WalletBasket {
  return {
    type,
    items: [],
    itemCount: 0,
    currency: "TRY",
    subtotal: 0,
    fees: [],
    total: 0,
    quoteId: null,
    priceFix: null,
    shippingAddress: null,
  };
}

function quoteIdOfBasket(o: UpstreamWalletBasket): string | null {
  const token = o.price_token ?? o.pricefix?.token;
  return token ? quoteIdOf(token) : null;
}

export function walletBasketView(
  o: UpstreamWalletBasket | null,
  type: WalletBasketType,
  lang: Lang,
  now: number,
): WalletBasket {
  if (!o) return emptyBasket(type);
  const items = itemLines(o);
  const filled = items.length > 0;
  return {
    type,
    items,
    itemCount: o.items.length,
    currency: "TRY",
    subtotal: o.price,
    fees: walletFeeLines(o, type, lang),
    total: o.paid_total,
    quoteId: filled ? quoteIdOfBasket(o) : null,
    priceFix: filled && o.pricefix ? priceFixView(o.pricefix, now) : null,
    shippingAddress: addressView(o.shippingaddress),
  };
}

function walletOrderView(o: UpstreamWalletBasket, lang: Lang): WalletOrder {
  const type = walletTypeOf(o.type);
  return {
    id: o.id,
    orderCode: o.increment_id,
    type,
    status: statusOf(o),
    createdAt: iso(o.order_at) ?? "",
    items: itemLines(o),
    currency: "TRY",
    subtotal: o.price,
    fees: walletFeeLines(o, type, lang),
    total: o.paid_total,
    shippingAddress: addressView(o.shippingaddress),
  };
}

const COMPLETE_OPS = {
  buy: "walletCompleteBuy",
  sell: "walletCompleteSell",
  delivery: "walletCompleteDelivery",
} as const;

type WalletMutation = "walletBasketAdd" | "walletBasketUpdate" | "walletBasketRemove";

/**
 * Wallet rows (as Minted sorted them) and digital records, both newest first, merged newest
 * first; a row without a time keeps its place among the wallet's.
 */
export function mergeNewestFirst<R extends { createdAt: string }>(
  walletRows: WalletOrderSummary[],
  records: R[],
): (WalletOrderSummary | R)[] {
  const out: (WalletOrderSummary | R)[] = [];
  let w = 0;
  let d = 0;
  while (w < walletRows.length || d < records.length) {
    const row = walletRows[w];
    const record = records[d];
    if (record && (!row || Date.parse(record.createdAt) > Date.parse(row.createdAt))) {
      out.push(record);
      d++;
    } else if (row) {
      out.push(row);
      w++;
    }
  }
  return out;
}

export function walletRoutes(deps: AppDeps): RouteSpec[] {
  /** A recorded digital order as a history row; null when Minted does not know it as ours. */
  const ownDigitalOrder = async (
    c: Context<AppEnv>,
    customer: string,
    record: DigitalRecord,
  ): Promise<WalletOrderSummary | null> => {
    let o;
    try {
      o = await deps.upstream.call({
        op: "orderGet",
        params: { external_order_id: record.externalId },
        ...callOptions(c),
      });
    } catch (error) {
      if (error instanceof UpstreamError && error.details.status === 404) return null;
      throw error;
    }
    if (o.customer?.external_id !== customer || o.external_id !== record.externalId) return null;
    const currency = digitalCurrencySchema.safeParse(o.currency_code);
    return {
      source: "digital",
      id: null,
      orderCode: o.order_code,
      type: o.type.toLowerCase() === "sell" ? "sell" : "buy",
      status: statusOf({ status_id: 0, status_name: o.status_name }),
      createdAt: partnerDateIso(o.order_at) || record.createdAt,
      itemCount: o.items.length,
      total: o.total,
      currency: currency.success ? currency.data : record.currency,
    };
  };

  const basketOf = (c: Context<AppEnv>, customer: string, type: WalletBasketType) =>
    deps.upstream.call({
      op: "walletBasketGet",
      query: { external_customer_id: customer, type },
      ...callOptions(c),
    });

  const mutate = (c: Context<AppEnv>, op: WalletMutation, body: InputOf<WalletMutation>) =>
    withOurFieldNames(deps.upstream.call({ op, body, ...callOptions(c) }), {
      shipping_address_id: "addressId",
    });

  const view = (c: Context<AppEnv>, o: UpstreamWalletBasket | null, type: WalletBasketType) =>
    walletBasketView(o, type, callOptions(c).lang, deps.now());

  /** The active basket of `type` holding `sku`, or 404. */
  const basketWith = async (
    c: Context<AppEnv>,
    customer: string,
    type: WalletBasketType,
    sku: string,
  ) => {
    const o = await basketOf(c, customer, type);
    if (!o?.items.some((i) => i.sku === sku))
      throw new ApiError("not_found", {
        detail: { tr: "Bu ürün sepetinizde yok.", en: "This product is not in your basket." },
      });
    return o;
  };

  const emptyError = (lang: Lang) =>
    new ApiError("validation_failed", {
      errors: { basket: [t(lang, "Sepetiniz boş.", "Your basket is empty.")] },
    });

  const priceExpired = (o: UpstreamWalletBasket | null, type: WalletBasketType, lang: Lang) =>
    new ApiError("price_expired", {
      extra: { basket: walletBasketView(o, type, lang, deps.now()) },
    });

  const complete = async (
    c: Context<AppEnv>,
    customer: string,
    type: WalletBasketType,
    quoteId: string,
  ): Promise<WalletOrder> => {
    const { lang } = callOptions(c);
    const o = await basketOf(c, customer, type);
    if (!o || o.items.length === 0) throw emptyError(lang);
    if (quoteIdOfBasket(o) !== quoteId) throw priceExpired(o, type, lang);
    try {
      const order = await irreversible(
        c,
        deps.upstream.call({
          op: COMPLETE_OPS[type],
          body: { external_customer_id: customer, cart_token: o.token },
          ...callOptions(c),
        }),
        { basketType: type },
      );
      return walletOrderView(order, lang);
    } catch (error) {
      if (refusedField(error, "price_token"))
        throw priceExpired(await basketOf(c, customer, type), type, lang);
      throw withOurNames(error, { shipping_address_id: "addressId" });
    }
  };

  return [
    route({
      method: "get",
      path: "/api/wallet",
      operationId: "getWallet",
      summary: "Balances per metal (grams, value at the live bid), physical holdings and TRY cash",
      tag: "wallet",
      auth: "customer",
      response: walletSchema,
      errors: WALLET_ERRORS,
      handler: async ({ c, customer }): Promise<Wallet> => {
        const [holdings, balances] = await Promise.all([
          deps.upstream.call({
            op: "walletBalance",
            query: { external_customer_id: customer },
            ...callOptions(c),
          }),
          deps.upstream.call({
            op: "customerBalance",
            params: { external_customer_id: customer },
            ...callOptions(c),
          }),
        ]);
        const rows = holdings.flatMap((h) => {
          const metal = metalSchema.safeParse(h.metal.toLowerCase());
          if (!metal.success) return [];
          return [
            {
              sku: h.sku,
              name: h.productName,
              image: imagePath(h.sku, 1),
              metal: metal.data,
              quantity: h.quantity,
              grams: h.grams,
              value: h.value,
              deliverable: h.isDeliverable,
            },
          ];
        });
        const metals = metalSchema.options.flatMap((metal: Metal) => {
          const mine = rows.filter((r) => r.metal === metal);
          if (mine.length === 0) return [];
          const grams = (list: typeof mine) => round4(list.reduce((s, r) => s + r.grams, 0));
          return [
            {
              metal,
              grams: grams(mine),
              value: round2(mine.reduce((s, r) => s + r.value, 0)),
              deliverableGrams: grams(mine.filter((r) => r.deliverable)),
              digitalGrams: grams(mine.filter((r) => !r.deliverable)),
            },
          ];
        });
        const cash = balances.find((b) => b.is_cash && b.currency_code === "TRY");
        return {
          currency: "TRY",
          cash: cash ? cash.real_balance : null,
          metals,
          holdings: rows,
          totalValue: round2(rows.reduce((s, r) => s + r.value, 0)),
        };
      },
    }),
    route({
      method: "get",
      path: "/api/wallet/orders",
      operationId: "listWalletOrders",
      summary: "The customer's wallet orders (buy, sell, delivery), newest first",
      tag: "wallet",
      auth: "customer",
      query: walletOrdersQuerySchema,
      response: walletOrderListSchema,
      errors: WALLET_ERRORS,
      handler: async ({ c, query, customer }) => {
        const page = query.page ?? 1;
        const walletPage = async (n: number) => {
          const list = await deps.upstream.call({
            op: "walletOrders",
            query: {
              customer_external_id: customer,
              tx_type: query.txType,
              page: n,
              total: PAGE_SIZE,
              sortBy: "created_at",
              sortType: "desc",
            },
            ...callOptions(c),
          });
          return {
            ...list,
            rows: list.data
              .filter((o) => o.customer?.external_id === customer)
              .map((o): WalletOrderSummary => ({
                source: "wallet",
                id: o.id,
                orderCode: o.increment_id,
                type: walletTypeOf(o.type),
                status: statusOf(o),
                createdAt: iso(o.order_at) ?? "",
                itemCount: o.items.length,
                total: o.paid_total,
                currency: "TRY",
              })),
          };
        };
        const digital =
          query.txType === "delivery"
            ? []
            : (await digitalRecordsOf(deps.store, customer)).filter(
                (r) => query.txType === undefined || r.side === query.txType,
              );
        if (digital.length === 0) {
          const list = await walletPage(page);
          return {
            orders: list.rows,
            pageInfo: {
              page: list.current_page,
              pageSize: list.per_page,
              total: list.total,
              totalPages: list.total === 0 ? 0 : list.last_page,
            },
          };
        }
        // One history: the wallet's orders and the digital ones merged newest first. Page n of
        // the merge needs the wallet's first n pages (the digital records are all at hand).
        const first = await walletPage(1);
        const rest = await Promise.all(
          Array.from({ length: Math.min(page, first.last_page) - 1 }, (_, i) => walletPage(i + 2)),
        );
        const walletRows = [first, ...rest].flatMap((l) => l.rows);
        const walletTotal = first.total;
        const from = (page - 1) * PAGE_SIZE;
        let records = digital;
        let orders: WalletOrderSummary[] = [];
        // A record Minted no longer knows is forgotten and the page merged again, so the count
        // stays honest; a few rounds at most.
        for (let round = 0; round < 3; round++) {
          const window = mergeNewestFirst(walletRows, records).slice(from, from + PAGE_SIZE);
          const resolved = await Promise.all(
            window.map(async (row) =>
              "externalId" in row ? { row, order: await ownDigitalOrder(c, customer, row) } : row,
            ),
          );
          const gone = resolved.flatMap((r) => ("order" in r && r.order === null ? [r.row] : []));
          orders = resolved.flatMap((r) => ("order" in r ? (r.order ? [r.order] : []) : [r]));
          if (gone.length === 0) break;
          await Promise.all(gone.map((r) => forgetDigitalRecord(deps.store, customer, r)));
          records = records.filter((r) => !gone.includes(r));
        }
        const total = walletTotal + records.length;
        return {
          orders,
          pageInfo: {
            page,
            pageSize: PAGE_SIZE,
            total,
            totalPages: Math.ceil(total / PAGE_SIZE),
          },
        };
      },
    }),
    route({
      method: "get",
      path: "/api/wallet/baskets/:type",
      operationId: "getWalletBasket",
      summary: "The buy, sell or delivery basket with Minted's fee lines (empty when none)",
      tag: "wallet",
      auth: "customer",
      params: walletBasketParamsSchema,
      response: walletBasketSchema,
      errors: WALLET_ERRORS,
      handler: async ({ c, params, customer }) =>
        view(c, await basketOf(c, customer, params.type), params.type),
    }),
    route({
      method: "post",
      path: "/api/wallet/baskets/:type/items",
      operationId: "addWalletBasketItem",
      summary: "Add units of a bar or coin (buy: stock; sell, delivery: what the vault holds)",
      tag: "wallet",
      auth: "customer",
      params: walletBasketParamsSchema,
      body: addWalletItemBodySchema,
      response: walletBasketSchema,
      errors: WALLET_ERRORS,
      handler: async ({ c, params, body, customer }) => {
        const o = await basketOf(c, customer, params.type);
        const updated = await mutate(c, "walletBasketAdd", {
          external_customer_id: customer,
          ...(o ? { cart_token: o.token } : {}),
          type: params.type,
          sku: body.sku,
          qty: body.quantity,
        });
        return view(c, updated, params.type);
      },
    }),
    route({
      method: "patch",
      path: "/api/wallet/baskets/:type/items/:sku",
      operationId: "updateWalletBasketItem",
      summary: "Set a line's quantity (0 removes it)",
      tag: "wallet",
      auth: "customer",
      params: walletBasketItemParamsSchema,
      body: updateWalletItemBodySchema,
      response: walletBasketSchema,
      errors: [...WALLET_ERRORS, "not_found"],
      handler: async ({ c, params, body, customer }) => {
        const o = await basketWith(c, customer, params.type, params.sku);
        const ref = { external_customer_id: customer, cart_token: o.token, sku: params.sku };
        const updated =
          body.quantity === 0
            ? await mutate(c, "walletBasketRemove", ref)
            : await mutate(c, "walletBasketUpdate", { ...ref, qty: body.quantity });
        return view(c, updated, params.type);
      },
    }),
    route({
      method: "delete",
      path: "/api/wallet/baskets/:type/items/:sku",
      operationId: "removeWalletBasketItem",
      summary: "Remove a line",
      tag: "wallet",
      auth: "customer",
      params: walletBasketItemParamsSchema,
      response: walletBasketSchema,
      errors: [...WALLET_ERRORS, "not_found"],
      handler: async ({ c, params, customer }) => {
        const o = await basketWith(c, customer, params.type, params.sku);
        const updated = await mutate(c, "walletBasketRemove", {
          external_customer_id: customer,
          cart_token: o.token,
          sku: params.sku,
        });
        return view(c, updated, params.type);
      },
    }),
    route({
      method: "put",
      path: "/api/wallet/baskets/delivery/address",
      operationId: "setWalletDeliveryAddress",
      summary: "Deliver to one of the customer's saved shipping addresses",
      tag: "wallet",
      auth: "customer",
      body: walletDeliveryAddressBodySchema,
      response: walletBasketSchema,
      errors: [...WALLET_ERRORS, "not_found"],
      handler: async ({ c, body, customer }) => {
        const o = await basketOf(c, customer, "delivery");
        const first = o?.items[0];
        if (!o || !first) throw emptyError(callOptions(c).lang);
        await assertOwnAddresses(deps, c, customer, [body.addressId]);
        // Minted takes the address with an item change: restate the first line as it is.
        const quantity = o.items.filter((i) => i.sku === first.sku).length;
        const updated = await mutate(c, "walletBasketUpdate", {
          external_customer_id: customer,
          cart_token: o.token,
          sku: first.sku,
          qty: quantity,
          shipping_address_id: body.addressId,
        });
        return view(c, updated, "delivery");
      },
    }),
    route({
      method: "post",
      path: "/api/wallet/baskets/:type/complete",
      operationId: "completeWalletBasket",
      summary:
        "Complete the basket at the accepted quote (Idempotency-Key); paid from, or into, the TRY wallet",
      tag: "wallet",
      auth: "customer",
      params: walletBasketParamsSchema,
      body: completeWalletBasketBodySchema,
      response: walletOrderSchema,
      headers: [IDEMPOTENCY_HEADER],
      errors: [...WALLET_ERRORS, "price_expired", "conflict", "not_found"],
      handler: async ({ c, params, body, customer }) =>
        respondIdempotently(
          c,
          {
            store: deps.store,
            customer,
            operation: `completeWalletBasket:${params.type}`,
            body,
          },
          async () => ({
            status: 200,
            body: await complete(c, customer, params.type, body.quoteId),
          }),
        ),
    }),
    route({
      method: "get",
      path: "/api/wallet/orders/:id/receipt",
      operationId: "getWalletReceipt",
      summary: "A wallet order's receipt",
      tag: "wallet",
      auth: "customer",
      params: walletReceiptParamsSchema,
      response: walletReceiptSchema,
      errors: [...WALLET_ERRORS, "not_found"],
      handler: async ({ c, params, customer }): Promise<WalletReceipt> => {
        const r = await deps.upstream.call({
          op: "walletReceipt",
          params: { id: params.id },
          query: { external_customer_id: customer },
          ...callOptions(c),
        });
        if (r.customer.external_id !== customer) throw new ApiError("not_found");
        const type = walletTypeOf(r.tx_type);
        return {
          receiptNo: r.receipt_no,
          orderId: r.order_id,
          orderCode: r.increment_id,
          type,
          createdAt: iso(r.created_at) ?? "",
          items: r.items.map((i) => ({
            sku: i.sku,
            name: i.product_name,
            quantity: i.quantity,
            unitPrice: i.unit_price,
            grams: i.grams,
            lineTotal: i.total,
          })),
          currency: "TRY",
          // Minted's `total` is the items' value; a delivery's is its delivery cost.
          subtotal: type === "delivery" ? 0 : r.total,
          fees: walletFeeLines(r, type, callOptions(c).lang),
          total: r.paid_total,
          paymentMethod: r.payment_method ?? "wallet",
          shippingAddress: addressView(r.shippingaddress),
        };
      },
    }),
  ];
}
