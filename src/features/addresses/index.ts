/** The addresses feature's public entry: what checkout, wallet, orders and receipts use. */
export { AddressForm } from "./address-form";
export { AddressSummary } from "./address-summary";
export { addressesQueryOptions, useCreateAddress } from "./address-queries";
export {
  clearDraft,
  readDraft,
  readStoredDraft,
  removeStoredDraft,
  sessionStore,
  writeStoredDraft,
  type DraftStorage,
} from "./address-draft";
