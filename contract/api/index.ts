import * as addresses from "./addresses.ts";
import * as basket from "./basket.ts";
import * as catalog from "./catalog.ts";
import * as checkout from "./checkout.ts";
import * as digital from "./digital.ts";
import type { Operation } from "./operation.ts";
import * as orders from "./orders.ts";
import * as prices from "./prices.ts";
import * as session from "./session.ts";
import * as wallet from "./wallet.ts";

/**
 * The proxy API as a table: every operation, grouped by entity (one module each, so the shop's
 * feature chunks load only their own). The proxy and /api/openapi.json read the whole table; the
 * shop imports an entity's module, never this one.
 */
export const apiOperations: readonly Operation[] = [
  session,
  catalog,
  prices,
  basket,
  addresses,
  checkout,
  orders,
  wallet,
  digital,
].flatMap((group) => Object.values<Operation>(group));
