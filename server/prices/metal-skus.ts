import type { Metal } from "../../contract/common.ts";

/** The digital storage SKUs: per-gram metal, their bid/ask are the metal-level quotes. */
export const METAL_SKUS: readonly { metal: Metal; sku: "GAU" | "GAG" | "GPT" }[] = [
  { metal: "gold", sku: "GAU" },
  { metal: "silver", sku: "GAG" },
  { metal: "platinum", sku: "GPT" },
];

export function isDigitalSku(sku: string): boolean {
  return METAL_SKUS.some((m) => m.sku === sku);
}
