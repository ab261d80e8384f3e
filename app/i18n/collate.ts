// Databases sort by code point (so "Knutepunkt" before "eKommune", "Å" before "Æ"); people expect Norwegian order.
const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

export function byNorwegianName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => collator.compare(name(a), name(b));
}
