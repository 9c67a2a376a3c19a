/** The orders feature's public entry: an order's parts as shown elsewhere (receipts, wallet). */
export { formatOrderTime } from "./order-format";
export { OrderItems } from "./order-items";
export { OrderStatusBadge } from "./order-status-badge";
export { PaymentSummary } from "./payment-summary";
