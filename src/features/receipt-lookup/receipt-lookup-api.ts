import { lookupReceipt as lookupReceiptOp } from "../../../contract/api/orders";
import type { Receipt, ReceiptLookup } from "../../../contract/orders";
import { api } from "../../lib/api";

/**
 * A receipt by order code and the e-mail on the order; no session needed. The proxy answers the
 * same 404 for a wrong code and a wrong e-mail, and limits tries per address.
 */
export function lookupReceipt(body: ReceiptLookup): Promise<Receipt> {
  return api(lookupReceiptOp, { body });
}
