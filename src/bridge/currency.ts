import type { Currency } from "../../contract/common";

/**
 * Where `currency.set` goes. Injected by the app (the display-currency switch); until one is
 * set, the command is accepted and has no effect.
 */
let handler: ((currency: Currency) => void) | null = null;

export function setCurrencyHandler(next: ((currency: Currency) => void) | null): void {
  handler = next;
}

export function applyCurrency(currency: Currency): boolean {
  if (!handler) return false;
  handler(currency);
  return true;
}
