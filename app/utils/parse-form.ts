import { parseWithZod } from "@conform-to/zod/v4";
import { configureCoercion } from "@conform-to/zod/v4/future";
import type { z } from "zod";
import type { $ZodType } from "zod/v4/core";

/*
 * Every form is parsed here, in the browser and on the server alike, so that all forms read
 * numbers the same way, echo no more than a field may hold, and speak in translation keys.
 */

/** What a field without a length of its own may echo back: above the longest text any form takes. */
const DEFAULT_LIMIT = 20_000;

const DECIMAL = /^\s*\d+\s*$/;

/** Numbers, choices and yes/no take a short text however they are typed. */
const SHORT_TYPES = new Set(["number", "int", "bigint", "boolean", "enum", "literal"]);
const SHORT_LIMIT = 100;

// Number("0x1F") is 31 and Number("1e3") is 1000: a number field takes decimal digits only.
const { coerceFormValue } = configureCoercion({
  type: { number: (text) => (DECIMAL.test(text) ? Number(text) : Number.NaN) },
});

type Schema = $ZodType;

interface ZodDef {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
}

const coerced = new WeakMap<Schema, Schema>();
const limits = new WeakMap<Schema, Map<string, number>>();

/** The longest text each field name of the schema accepts (`benefits[].description`), from its `max`. */
function fieldLimits(schema: Schema): Map<string, number> {
  let found = limits.get(schema);
  if (found) return found;
  found = new Map();
  const walk = (type: Schema, name: string) => {
    const def = (type as unknown as { _zod: { def: ZodDef } })._zod.def;
    if (def.type === "object") {
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, name ? `${name}.${key}` : key);
    } else if (def.type === "array" && def.element) walk(def.element, `${name}[]`);
    else if (def.type === "pipe" && def.in) walk(def.in, name);
    else if (def.type === "union" && def.options) def.options.forEach((option) => walk(option, name));
    else if (def.innerType) walk(def.innerType, name);
    else if (def.type === "string") {
      const max = (type as unknown as z.ZodString).maxLength;
      if (max !== null) found!.set(name, Math.max(found!.get(name) ?? 0, max));
    } else if (SHORT_TYPES.has(def.type)) found!.set(name, Math.max(found!.get(name) ?? 0, SHORT_LIMIT));
  };
  walk(schema, "");
  limits.set(schema, found);
  return found;
}

/**
 * A field is cut one character past its maximum: the schema still says it is too long, and the
 * answer never carries back more than the field may hold, however much was sent.
 */
function capped(payload: FormData | URLSearchParams, schema: Schema): FormData {
  const max = fieldLimits(schema);
  const out = new FormData();
  for (const [name, value] of payload.entries()) {
    if (typeof value !== "string") continue;
    const field = name.replace(/\[\d+\]/g, "[]");
    // a list of plain values repeats its name without an index (`focusAreas`)
    const limit = (max.get(field) ?? max.get(`${field}[]`) ?? DEFAULT_LIMIT) + 1;
    out.append(name, value.length > limit ? value.slice(0, limit) : value);
  }
  return out;
}

/** Any issue the schema gives no message of its own (a field sent twice, a wrong type) has this one. */
const invalidMessage = () => "common:validation.invalid";

export function parseForm<S extends $ZodType>(payload: FormData | URLSearchParams, { schema }: { schema: S }) {
  let strict = coerced.get(schema);
  if (!strict) {
    strict = coerceFormValue(schema as never) as unknown as Schema;
    coerced.set(schema, strict);
  }
  return parseWithZod(capped(payload, schema), {
    schema: strict as unknown as S,
    disableAutoCoercion: true,
    error: invalidMessage,
  });
}
