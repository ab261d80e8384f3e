import type { Language } from "../../db/schema";

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };

/**
 * A domain folder keeps its own texts in the three languages side by side; Bokmål is the source
 * and the type makes Nynorsk and English carry exactly the same keys.
 */
export function domainMessages<T extends object>(nb: T, others: { nn: Widen<T>; en: Widen<T> }): Record<Language, Widen<T>> {
  return { nb: nb as unknown as Widen<T>, ...others };
}
