import { getOrderReceipt } from "../../../contract/api/orders";
import type { Receipt } from "../../../contract/orders";
import { api } from "../../lib/api";

/**
 * The receipt's call to the proxy, its answer parsed with the shared contract. Loaded on first
 * use, so that the contract's schemas do not weigh on the shell.
 */
export function fetchReceipt(code: string, signal?: AbortSignal): Promise<Receipt> {
  return api(getOrderReceipt, { params: { code }, signal });
}
