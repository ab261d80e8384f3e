import type { TypedResponse } from "@remix-run/node";

declare const value: unique symbol;

/** A value serialised to JSON once, to be sent with many responses (see jsonWith). */
export interface SerializedJson<T extends Record<string, unknown>> {
  readonly json: string;
  readonly [value]?: T;
}

export function serializeJson<T extends Record<string, unknown>>(data: T): SerializedJson<T> {
  return { json: JSON.stringify(data) };
}

/**
 * Remix's `json({ ...fresh, ...serialized })`, without serialising again what was serialised
 * before: a cached overview's figures are turned into JSON once per data version, not on every
 * request. As with the spread, the serialised members win when both have the same name.
 */
export function jsonWith<F extends Record<string, unknown>, S extends Record<string, unknown>>(
  fresh: F,
  serialized: SerializedJson<S>
): TypedResponse<Omit<F, keyof S> & S> {
  const head = JSON.stringify(fresh);
  const tail = serialized.json;
  const body = head === "{}" ? tail : tail === "{}" ? head : `${head.slice(0, -1)},${tail.slice(1)}`;
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } }) as TypedResponse<
    Omit<F, keyof S> & S
  >;
}
