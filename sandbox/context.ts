import type { HttpBindings } from "@hono/node-server";
import type { Context, Hono } from "hono";
import type { SandboxClock } from "./domain/clock.ts";
import type { DigestAlgorithm, DigestVerifier } from "./http/digest.ts";
import type { SandboxEnv } from "./env.ts";
import type { FaultRegistry } from "./http/faults.ts";
import type { PriceEngine } from "./domain/prices.ts";
import type { RequestLog } from "./http/request-log.ts";
import type { SandboxState } from "./domain/state.ts";

/** The version Legal Types and the legal documents carry until the control API bumps it. */
export const LEGAL_VERSION = "2026.1";

/** Settings the control API can change at run time (`PUT /__sandbox/config`). */
export interface SandboxConfig {
  pricefixTtl: number;
  nonceTtl: number;
  bearerTtl: number;
  digestAlgorithm: DigestAlgorithm;
  /** Walletable fee model (minted-api.md Part 2 §8.1). */
  walletable: {
    chargeFeeRate: number;
    storageFeeRate: number;
    vatRate: number;
    /** Storage fee is charged only above this many grams held (gold + silver). */
    storageLimitGrams: number;
    /** Delivery basket base cost (TRY). */
    deliveryCost: number;
  };
  /** Extra cost of card instalments, percent of the amount, by count. */
  installmentRates: Record<string, number>;
  /** E-commerce delivery: flat fee below the free-shipping threshold (TRY). */
  shippingFee: number;
  freeShippingFrom: number;
  /** The version Legal Types and the legal documents carry (bumped to test re-acceptance). */
  legalVersion: string;
}

export function defaultConfig(env: SandboxEnv): SandboxConfig {
  return {
    pricefixTtl: env.SANDBOX_PRICEFIX_TTL,
    nonceTtl: env.SANDBOX_NONCE_TTL,
    bearerTtl: env.SANDBOX_BEARER_TTL,
    digestAlgorithm: env.SANDBOX_DIGEST_ALGORITHM,
    walletable: {
      chargeFeeRate: 10,
      storageFeeRate: 20,
      vatRate: 5,
      storageLimitGrams: 50_000,
      deliveryCost: 250,
    },
    installmentRates: { "1": 0, "3": 2.9, "6": 5.4 },
    shippingFee: 149.9,
    freeShippingFrom: 20_000,
    legalVersion: LEGAL_VERSION,
  };
}

export interface SandboxContext {
  env: SandboxEnv;
  config: SandboxConfig;
  clock: SandboxClock;
  prices: PriceEngine;
  state: SandboxState;
  digest: DigestVerifier;
  log: RequestLog;
  faults: FaultRegistry;
  /** Base URL for links the sandbox prints (paginators, images, 3-D Secure pages). */
  publicUrl(): string;
  /** Back to the seed: state, clock, prices, nonces, faults, log and config. */
  reset(): void;
}

export type SandboxBindings = {
  Bindings: HttpBindings;
  Variables: { auth: "digest" | "bearer" | "none"; bearerCustomer: string | null };
};

export type SandboxApp = Hono<SandboxBindings>;
export type SandboxCtx = Context<SandboxBindings>;
