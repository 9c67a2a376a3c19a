import { z } from "zod/mini";
import type { Address } from "../../contract/addresses";
import { addressSchema } from "../../contract/addresses";
import { basketSchema, type Basket, type BasketItem } from "../../contract/basket";
import {
  checkoutStateSchema,
  legalDocumentsSchema,
  paymentTypesSchema,
  quoteSchema,
  type CheckoutState,
  type LegalDocuments,
  type PaymentTypes,
  type Quote,
} from "../../contract/checkout";
import { digitalQuoteSchema, type DigitalQuote } from "../../contract/digital";

/**
 * Contract-shaped values for component tests. Every builder parses its result with the
 * contract's schema, so a fixture the contract would refuse fails where it is built.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

export function basketLine(overrides: Partial<BasketItem> = {}): BasketItem {
  const unitPrice = overrides.unitPrice ?? 2500;
  const quantity = overrides.quantity ?? 1;
  const vatRate = overrides.vatRate ?? 0;
  return {
    sku: "GAU-1G",
    name: "1 g Gold Bar",
    image: "/api/images/GAU-1G/1",
    metal: "gold",
    type: "bar",
    unitPrice,
    quantity,
    maxQuantity: 10,
    vatRate,
    lineTotal: round2(unitPrice * quantity),
    lineTax: round2((unitPrice * quantity * vatRate) / 100),
    ...overrides,
  };
}

/** A basket whose count and totals follow from its lines (as the proxy computes them). */
export function basket(items: BasketItem[], overrides: Partial<Basket> = {}): Basket {
  const subtotal = round2(items.reduce((s, i) => s + i.lineTotal, 0));
  const vat = round2(items.reduce((s, i) => s + i.lineTax, 0));
  const count = items.reduce((n, i) => n + (i.type === "digital" ? 1 : i.quantity), 0);
  return z.parse(basketSchema, {
    items,
    itemCount: count,
    currency: "TRY",
    fees: [],
    totals: { subtotal, vat, fees: 0, total: round2(subtotal + vat) },
    priceFix: null,
    estimated: false,
    ...overrides,
  });
}

export function savedAddress(overrides: Partial<Address> = {}): Address {
  return z.parse(addressSchema, {
    id: 1,
    type: "shipping",
    fullName: "Ayşe Yılmaz",
    companyName: null,
    phone: "+905321234567",
    email: null,
    city: "İstanbul",
    county: "Kadıköy",
    district: "Moda",
    street: null,
    zipcode: "34710",
    line: "Moda Caddesi 12/3",
    invoiceType: "individual",
    taxOffice: null,
    taxNumberMasked: "*********46",
    ...overrides,
  });
}

export function checkoutState(overrides: Partial<CheckoutState> = {}): CheckoutState {
  return z.parse(checkoutStateSchema, {
    basket: basket([basketLine()]),
    shipping: null,
    billing: null,
    ...overrides,
  });
}

export function quote(overrides: Partial<Quote> = {}): Quote {
  return z.parse(quoteSchema, {
    quoteId: "a1b2c3d4e5f60718",
    currency: "TRY",
    itemCount: 1,
    fees: [{ kind: "delivery", label: "Delivery", amount: 50 }],
    totals: { subtotal: 2500, vat: 0, fees: 50, total: 2550 },
    priceFix: {
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
      remainingSeconds: 300,
      renewed: false,
    },
    ...overrides,
  });
}

export function legalDocuments(accepted: boolean): LegalDocuments {
  const documents = [
    { type: "pre_information", version: "3", title: "Pre-information form", html: "<p>Pre</p>" },
    { type: "distance_sales", version: "5", title: "Distance sales contract", html: "<p>Ds</p>" },
  ] as const;
  return z.parse(legalDocumentsSchema, {
    documents,
    acceptances: accepted
      ? documents.map((d) => ({
          type: d.type,
          version: d.version,
          acceptedAt: "2026-12-07T10:00:00Z",
        }))
      : [],
  });
}

export function paymentTypes(): PaymentTypes {
  return z.parse(paymentTypesSchema, {
    paymentTypes: [
      { type: "card", name: "Credit card", installments: [{ count: 1, ratePercent: 0 }] },
      { type: "wallet", name: "Minted wallet", installments: [] },
    ],
  });
}

export function digitalQuote(overrides: Partial<DigitalQuote> = {}): DigitalQuote {
  return z.parse(digitalQuoteSchema, {
    quoteId: "0123456789abcdef0123456789abcdef",
    metal: "gold",
    side: "buy",
    currency: "TRY",
    unitPrice: 3000,
    grams: 1.5,
    amount: 4500,
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    remainingSeconds: 60,
    ...overrides,
  });
}
