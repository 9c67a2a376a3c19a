/** The catalog feature's public entry: product queries and badges, for the product and wallet pages. */
export {
  catalogKeys,
  findCachedProduct,
  productListQueryOptions,
  productQueryOptions,
} from "./catalog-queries";
export { MetalBadge, StockBadge, metalLabel } from "./product-badges";
