import { useState } from "react";

export interface PriceMove {
  direction: "up" | "down";
  /** Changes on every move, so a `key` built from it restarts the flash animation. */
  serial: number;
}

/** The direction of the last change of a live price (null until it first moves). */
export function usePriceDirection(value: number | undefined): PriceMove | null {
  const [previous, setPrevious] = useState(value);
  const [move, setMove] = useState<PriceMove | null>(null);
  if (value !== previous) {
    setPrevious(value);
    if (value !== undefined && previous !== undefined) {
      setMove({ direction: value > previous ? "up" : "down", serial: (move?.serial ?? 0) + 1 });
    }
  }
  return move;
}

export const flashClass: Record<PriceMove["direction"], string> = {
  up: "price-flash-up",
  down: "price-flash-down",
};
