/** A step of a request handler: a value to go on with, or the error response to return. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

export function pass<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function stop(response: Response): Outcome<never> {
  return { ok: false, response };
}
