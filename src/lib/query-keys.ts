/**
 * The root of each entity's query keys: every feature's key factory starts from its root here, and
 * a mutation that changes another feature's data names that root in `meta.invalidates` (see
 * query-client.ts) instead of importing the other feature's keys.
 */
export const queryRoots = {
  addresses: ["addresses"],
  basket: ["basket"],
  checkout: ["checkout"],
  orders: ["orders"],
  products: ["products"],
  receipts: ["receipts"],
  session: ["session"],
  wallet: ["wallet"],
} as const;
