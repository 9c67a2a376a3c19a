import type { Metal } from "./categories.ts";
import type { Currency } from "./prices.ts";

/** Everything the sandbox remembers. In memory only; `POST /__sandbox/reset` goes back to the seed. */

export interface Customer {
  external_id: string;
  firstname: string;
  middlename: string | null;
  lastname: string | null;
  email: string | null;
  phone: string | null;
  gender: "M" | "F" | null;
  identity_number: string | null;
  birthdate: string | null;
  tax_office: string | null;
  account_type: "person" | "company";
  createdAt: number;
}

/** "First Middle Last", as Minted prints a customer's `fullname`. */
export function fullName(c: Customer): string {
  return [c.firstname, c.middlename, c.lastname].filter(Boolean).join(" ");
}

/** Metal and cash balances (Partner "Customer Balance"), by currency code: TRY, GAU, GAG, GPT. */
export interface WalletLine {
  id: number;
  code: "TRY" | "GAU" | "GAG" | "GPT";
  balance: number;
  blocked: number;
  /** Running totals for `stats`. */
  bought: number;
  sold: number;
  updatedAt: number;
}

export interface Address {
  id: number;
  customer: string;
  type: "billing" | "shipping";
  invoice_type: "Individual" | "Corporate";
  company_name: string | null;
  tax_office: string | null;
  tax_number: string;
  fullname: string | null;
  phone: string | null;
  email: string | null;
  city: string;
  county: string;
  district: string | null;
  street: string | null;
  zipcode: string | null;
  address: string;
  createdAt: number;
}

/** A line of a price fix: what one SKU costs for the life of the token. */
export interface PriceFixLine {
  sku: string;
  product_id: number;
  currency_id: number;
  spot_price: number;
  buy_price: number;
  sell_price: number;
  buy_amount: number | null;
}

export interface PriceFix {
  token: string;
  customer: string | null;
  currency: Currency;
  createdAt: number;
  expiresAt: number;
  ttl: number;
  isTotal: boolean;
  total: number | null;
  lines: PriceFixLine[];
}

/** Unit prices of a basket's SKUs, frozen by the basket's price fix (TRY). */
export interface FixedUnit {
  spot: number;
  markup: number;
  minting: number;
  price: number;
  bid: number;
}

export interface BasketFix {
  priceToken: string;
  fixedAt: number;
  expiresAt: number;
  /** True on the first basket response after an expired fix was renewed. */
  updated: boolean;
  units: Map<string, FixedUnit>;
}

/** Address as copied onto a basket or order (Minted snapshots it). */
export interface AddressSnapshot {
  id: number | null;
  external_id: string | null;
  invoice_type: "Individual" | "Corporate";
  company_name: string | null;
  tax_office: string | null;
  tax_number: string;
  fullname: string;
  phone: string;
  email: string | null;
  city: string;
  county: string;
  district: string;
  street: string | null;
  zipcode: string | null;
  address: string;
}

export interface CardDetails {
  card_holder: string;
  card_number: string;
  card_expiry: string;
  card_association: string;
  /** The payer's IP as sent with a direct (token) card payment. */
  customer_ip?: string;
}

export interface PaymentState {
  token: string;
  state: "new" | "success" | "failed";
  is_3d: boolean;
  auth_mode: "3d" | "direct" | "wallet";
  amount: number;
  comission: number;
  total: number;
  returnUrl: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  details: CardDetails | null;
  createdAt: number;
}

export interface StatusEvent {
  status_id: number;
  at: number;
}

export interface Delivery {
  cargo_tracking_number: string | null;
  cargo_tracking_url: string | null;
  estimated_arrival_date: string | null;
}

/** An E-Commerce basket; on completion the same record becomes the order. */
export interface EcomBasket {
  id: number;
  guid: string;
  token: string;
  increment_id: string;
  external_id: string | null;
  customer: string;
  /** SKU → quantity, in insertion order. */
  items: Map<string, number>;
  fix: BasketFix;
  shipping: AddressSnapshot | null;
  billing: AddressSnapshot | null;
  stage: "basket" | "order";
  createdAt: number;
  orderAt: number | null;
  paymentType: "creditcard" | "cash" | null;
  installment: number;
  payment: PaymentState | null;
  /** Status history; the last event is the current status. Empty while a basket. */
  statuses: StatusEvent[];
  /** When the order left the payment step successfully; drives the status clock. */
  paidAt: number | null;
  delivery: Delivery | null;
  /** Totals frozen at completion (the price charged is the price shown). */
  frozen: Record<string, number> | null;
}

export type WalletBasketType = "buy" | "sell" | "delivery";

export interface WalletBasket {
  id: number;
  guid: string;
  token: string;
  increment_id: string;
  customer: string;
  type: WalletBasketType;
  /** SKU → quantity. Rows are rendered one per unit, as Minted does. */
  items: Map<string, number>;
  fix: BasketFix;
  shipping: AddressSnapshot | null;
  stage: "basket" | "order";
  createdAt: number;
  orderAt: number | null;
  statuses: StatusEvent[];
  delivery: Delivery | null;
  frozen: Record<string, number> | null;
}

/** Partner API digital buy / sell orders (Order Schema). */
export interface PartnerOrder {
  guid: string;
  order_code: string;
  external_id: string;
  type: "Buy" | "Sell" | "Delivery";
  customer: string;
  currency: Currency;
  items: {
    sku: string;
    product_id: number;
    product_name: string;
    spot_price: number;
    price: number;
    tax_rate: number;
    tax: number;
    amount: number;
    total: number;
  }[];
  price: number;
  tax: number;
  total: number;
  payment_cost: number;
  payment_type: "cash" | "credit-card";
  payment: PaymentState | null;
  statuses: StatusEvent[];
  orderAt: number;
  description: string;
  /** TRY per unit of `currency` at the order time. */
  currencyRate: number;
}

export interface BearerToken {
  token: string;
  customer: string;
  expiresAt: number;
}

/** Physical products held in a customer's vault (walletable), by SKU. */
export interface Holding {
  sku: string;
  quantity: number;
}

export interface LegalAcceptance {
  type: string;
  version: string;
  at: number;
}

export class SandboxState {
  customers = new Map<string, Customer>();
  wallets = new Map<string, WalletLine[]>();
  holdings = new Map<string, Holding[]>();
  addresses = new Map<number, Address>();
  stock = new Map<string, number>();
  priceFixes = new Map<string, PriceFix>();
  ecomBaskets = new Map<string, EcomBasket>();
  walletBaskets = new Map<string, WalletBasket>();
  partnerOrders = new Map<string, PartnerOrder>();
  /** Payment token → the basket token it pays for. */
  payments = new Map<string, { kind: "ecom"; basketToken: string }>();
  bearerTokens = new Map<string, BearerToken>();
  /** Partner order external ids already used (Minted refuses duplicates). */
  externalIds = new Set<string>();
  #seq = new Map<string, number>();

  /** Monotonic ids per kind (address, basket, order, wallet line …). */
  next(kind: string, start: number): number {
    const n = (this.#seq.get(kind) ?? start - 1) + 1;
    this.#seq.set(kind, n);
    return n;
  }

  wallet(customer: string): WalletLine[] {
    let lines = this.wallets.get(customer);
    if (!lines) {
      lines = (["TRY", "GAU", "GAG", "GPT"] as const).map((code) => ({
        id: this.next("wallet", 1785),
        code,
        balance: 0,
        blocked: 0,
        bought: 0,
        sold: 0,
        updatedAt: 0,
      }));
      this.wallets.set(customer, lines);
    }
    return lines;
  }

  walletLine(customer: string, code: WalletLine["code"]): WalletLine {
    const line = this.wallet(customer).find((l) => l.code === code);
    if (!line) throw new Error(`wallet line ${code} missing`);
    return line;
  }

  customerBaskets(customer: string): EcomBasket[] {
    return [...this.ecomBaskets.values()].filter((b) => b.customer === customer);
  }
}

export const METAL_WALLET_CODE: Record<Metal, "GAU" | "GAG" | "GPT"> = {
  gold: "GAU",
  silver: "GAG",
  platinum: "GPT",
};
