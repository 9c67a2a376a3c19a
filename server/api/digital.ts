import * as ops from "../../contract/api/digital.ts";
import { createHash, randomBytes } from "node:crypto";
import type { Context } from "hono";
import { z } from "zod";
import {
  digitalCurrencySchema,
  type DigitalOrder,
  type DigitalOrderBody,
  type DigitalQuote,
  type DigitalQuoteBody,
} from "../../contract/digital.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { METAL_SKUS } from "../prices/metal-skus.ts";
import { ApiError, t } from "../problem.ts";
import { type UpstreamPartnerOrder } from "../../minted/schemas/digital.ts";
import type { InputOf } from "../../minted/operations.ts";
import { metalSchema } from "../../contract/common.ts";
import { round2, round4 } from "../../contract/money.ts";
import { recordDigitalOrder } from "./digital-records.ts";
import { statusOf } from "./order-views.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { respondMoney, settle } from "./settle.ts";
import { UpstreamError } from "../upstream/types.ts";
import { refusedField, withOurFieldNames, withOurNames } from "./upstream-refusals.ts";

/**
 * Digital quick buy / sell (Partner API). A quote is a Minted price fix; its token stays on the
 * server, named by our own `quoteId`. The order's `external_id` is derived from the customer and
 * the Idempotency-Key, so a retried request can never create a second order upstream: Minted
 * refuses the id, and the proxy answers the order that id already names. A quote is tied to the
 * first `external_id` tried with it, so a new key cannot place the same quote twice either; an
 * answer lost on the way settles to what Minted shows under that id (settle.ts).
 */

/** A quote's request is kept this long (its price token lives only for the fix's TTL upstream). */
const QUOTE_RECORD_TTL_SECONDS = 3600;
const floor4 = (n: number) => Math.floor((n + 1e-9) * 10_000) / 10_000;

const quoteRecordSchema = z.object({
  priceToken: z.string(),
  request: z.object({
    metal: metalSchema,
    side: z.enum(["buy", "sell"]),
    grams: z.number().optional(),
    amount: z.number().optional(),
    currency: digitalCurrencySchema,
  }),
  sku: z.string(),
  grams: z.number(),
  amount: z.number(),
});
type QuoteRecord = z.output<typeof quoteRecordSchema>;

const quoteKey = (customer: string, quoteId: string) =>
  `digital:quote:${encodeURIComponent(customer)}:${quoteId}`;
/** The `external_id` the first order at a quote was tried with. */
const attemptKey = (customer: string, quoteId: string) =>
  `digital:attempt:${encodeURIComponent(customer)}:${quoteId}`;

/** `YYYY-MM-DD HH:MM[:SS]` or `DD-MM-YYYY HH:MM` (Istanbul, as Minted prints them) or ISO → ISO. */
export function partnerDateIso(value: string | null | undefined): string {
  if (!value) return "";
  const ymd = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  const dmy = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(value);
  const local = ymd
    ? `${ymd[1] ?? ""}-${ymd[2] ?? ""}-${ymd[3] ?? ""}T${ymd[4] ?? ""}:${ymd[5] ?? ""}:${ymd[6] ?? "00"}+03:00`
    : dmy
      ? `${dmy[3] ?? ""}-${dmy[2] ?? ""}-${dmy[1] ?? ""}T${dmy[4] ?? ""}:${dmy[5] ?? ""}:00+03:00`
      : value;
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? "" : new Date(ms).toISOString();
}

function skuOf(metal: DigitalQuoteBody["metal"]): string {
  return METAL_SKUS.find((m) => m.metal === metal)?.sku ?? "GAU";
}

function orderView(o: UpstreamPartnerOrder, record: QuoteRecord): DigitalOrder {
  const item = o.items.find((i) => i.sku === record.sku) ?? o.items[0];
  return {
    orderCode: o.order_code,
    side: o.type.toLowerCase() === "sell" ? "sell" : "buy",
    metal: record.request.metal,
    status: statusOf({ status_id: 0, status_name: o.status_name }),
    grams: item?.amount ?? record.grams,
    unitPrice: item?.price ?? 0,
    amount: o.total,
    currency: record.request.currency,
    createdAt: partnerDateIso(o.order_at),
  };
}

export function digitalRoutes(deps: AppDeps): RouteSpec[] {
  /** Fix a price upstream and keep its token under a new quote id. */
  const createQuote = async (
    c: Context<AppEnv>,
    customer: string,
    request: DigitalQuoteBody,
  ): Promise<DigitalQuote> => {
    const { lang } = c.var;
    const sku = skuOf(request.metal);
    const byTotal = request.side === "buy" && request.amount !== undefined;
    const fix = await withOurFieldNames(
      deps.upstream.call({
        op: "priceFix",
        body: {
          type: "digital",
          customer_external_id: customer,
          currency: request.currency,
          ...(byTotal ? { total: request.amount } : {}),
        },
      }),
      { total: "amount" },
    );
    const line = fix.prices.find((p) => p.sku === sku);
    if (!line) throw new ApiError("upstream_invalid");
    const unitPrice = request.side === "buy" ? line.buy_price : line.sell_price;
    let grams: number;
    let amount: number;
    if (byTotal) {
      grams = line.buy_amount ?? floor4((fix.total ?? 0) / unitPrice);
      amount = fix.total ?? round2(grams * unitPrice);
    } else if (request.grams !== undefined) {
      grams = request.grams;
      amount = round2(grams * unitPrice);
    } else {
      // A sale for an amount: the grams that amount buys at the bid, rounded down.
      grams = floor4((request.amount ?? 0) / unitPrice);
      amount = round2(grams * unitPrice);
    }
    if (grams <= 0)
      throw new ApiError("validation_failed", {
        errors: { amount: [t(lang, "Tutar çok küçük.", "The amount is too small.")] },
      });
    const quoteId = randomBytes(16).toString("hex");
    const record: QuoteRecord = {
      priceToken: fix.token,
      request,
      sku,
      grams: round4(grams),
      amount,
    };
    await deps.store.set(
      quoteKey(customer, quoteId),
      JSON.stringify(record),
      QUOTE_RECORD_TTL_SECONDS,
    );
    const expiresMs = Date.parse(fix.expires_at);
    return {
      quoteId,
      metal: request.metal,
      side: request.side,
      currency: request.currency,
      unitPrice,
      grams: record.grams,
      amount,
      expiresAt: Number.isNaN(expiresMs)
        ? new Date(deps.now() + fix.expire_ttl * 1000).toISOString()
        : new Date(expiresMs).toISOString(),
      remainingSeconds: Math.max(0, Math.floor(fix.expire_ttl)),
    };
  };

  const readQuote = async (customer: string, quoteId: string): Promise<QuoteRecord> => {
    const raw = await deps.store.get(quoteKey(customer, quoteId));
    const parsed = raw === null ? null : quoteRecordSchema.safeParse(JSON.parse(raw));
    if (!parsed?.success)
      throw new ApiError("not_found", {
        detail: {
          tr: "Fiyat teklifi bulunamadı; lütfen yeni fiyat alın.",
          en: "The quote was not found; please get a new price.",
        },
      });
    return parsed.data;
  };

  /** The order an external id already names, if it is this customer's (null: none). */
  const existingOrder = async (customer: string, externalId: string) => {
    let order;
    try {
      order = await deps.upstream.call({
        op: "orderGet",
        params: { external_order_id: externalId },
      });
    } catch (error) {
      if (error instanceof UpstreamError && error.details.status === 404) return null;
      throw error;
    }
    return order.customer?.external_id === customer && order.external_id === externalId
      ? order
      : null;
  };

  const placeOrder = async (
    c: Context<AppEnv>,
    customer: string,
    body: DigitalOrderBody,
    key: string,
  ): Promise<DigitalOrder> => {
    const { lang } = c.var;
    const record = await readQuote(customer, body.quoteId);
    const mismatch = (field: string) =>
      new ApiError("validation_failed", {
        errors: {
          [field]: [t(lang, "Fiyat teklifiyle uyuşmuyor.", "This does not match the quote.")],
        },
      });
    if (body.side !== record.request.side) throw mismatch("side");
    if (body.grams !== undefined && body.grams !== record.grams) throw mismatch("grams");
    if (body.amount !== undefined && body.amount !== record.amount) throw mismatch("amount");

    const ownId = `MS-${createHash("sha256").update(`${customer}\n${key}`).digest("hex").slice(0, 40)}`;
    // One quote, one external id: the first attempt's, whatever key a repeat comes with.
    const attempt = attemptKey(customer, body.quoteId);
    const first = await deps.store.setIfAbsent(attempt, ownId, QUOTE_RECORD_TTL_SECONDS);
    const externalId = first ? ownId : ((await deps.store.get(attempt)) ?? ownId);
    const common = {
      price_token: record.priceToken,
      currency_code: record.request.currency,
      external_id: externalId,
      items: [{ sku: record.sku, amount: record.grams }],
    };
    /**
     * Keeps the placed order for the wallet history and, from Minted's answer, what it traded for
     * the cost basis (wallet-cost.ts); the order stands even if that fails.
     */
    const placed = async (o: UpstreamPartnerOrder): Promise<DigitalOrder> => {
      const view = orderView(o, record);
      const item = o.items.find((i) => i.sku === record.sku) ?? o.items[0];
      try {
        await recordDigitalOrder(deps.store, customer, {
          externalId,
          orderCode: view.orderCode,
          side: view.side,
          currency: view.currency,
          createdAt: view.createdAt || new Date(deps.now()).toISOString(),
          ...(item && {
            trade: {
              metal: view.metal,
              grams: item.amount,
              amount: item.total,
              status: view.status,
            },
          }),
        });
      } catch (error) {
        deps.logger.error("digital: order not recorded for the history", {
          orderCode: view.orderCode,
          err: error instanceof Error ? error.message : String(error),
        });
      }
      return view;
    };
    let payload: InputOf<"digitalBuy">;
    if (record.request.side === "buy") {
      const who = await deps.upstream.call({
        op: "customerGet",
        params: { external_customer_id: customer },
      });
      payload = {
        ...common,
        customer: {
          external_id: customer,
          identity_number: who.identity_number,
          firstname: who.firstname,
          lastname: who.lastname || who.firstname || "",
          email: who.email ?? "",
          phone: who.phone,
        },
      };
    } else payload = { ...common, customer: { external_id: customer } };

    if (!first) {
      // Tried before under this quote: an order Minted already has is the answer.
      const earlier = await existingOrder(customer, externalId);
      if (earlier) return await placed(earlier);
    }
    try {
      const answer = await settle(
        c,
        async () => {
          const created = await deps.upstream.call({
            op: record.request.side === "buy" ? "digitalBuy" : "digitalSell",
            body: payload,
          });
          const order =
            created.orders.find((o) => o.external_id === externalId) ?? created.orders[0];
          if (!order) throw new ApiError("upstream_invalid");
          return { ...order, order_at: order.order_at ?? created.order_at };
        },
        async () => existingOrder(customer, externalId),
      );
      await deps.store.delete(quoteKey(customer, body.quoteId));
      return await placed(answer);
    } catch (error) {
      if (refusedField(error, "external_id")) {
        // Already placed under this key (the first answer was lost): answer that order.
        const existing = await existingOrder(customer, externalId);
        if (existing) return await placed(existing);
      }
      if (refusedField(error, "price_token"))
        throw new ApiError("price_expired", {
          extra: { quote: await createQuote(c, customer, record.request) },
        });
      throw withOurNames(error, {
        "items.0.amount": record.request.grams === undefined ? "amount" : "grams",
      });
    }
  };

  return [
    handle(ops.createDigitalQuote, {
      handler: async ({ c, body, customer }) => createQuote(c, customer, body),
    }),
    handle(ops.createDigitalOrder, {
      handler: async ({ c, body, customer }) =>
        respondMoney(
          deps,
          c,
          {
            kind: body.side === "sell" ? "digital_sell" : "digital_buy",
            customer,
            operation: "createDigitalOrder",
            body,
            status: 201,
            amountOf: (o: DigitalOrder) => ({ value: o.amount, currency: o.currency }),
            orderCodeOf: (o: DigitalOrder) => o.orderCode,
          },
          (key) => placeOrder(c, customer, body, key),
        ),
    }),
  ];
}
