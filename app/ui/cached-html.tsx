/*
 * Markup made from cached figures and shown many times: the uptake matrix's body is thousands of
 * cells, and building it from React elements on every request cost more than the rest of the page.
 * It is built once per key as an HTML string and handed to React as it is; the document is React's
 * own render, with nothing put into it afterwards. Hydration leaves dangerouslySetInnerHTML alone,
 * so the browser's copy is only built when it is first shown there.
 */
import { LRUCache } from "lru-cache";

/** a few cooperations' matrices in their languages; the largest body is about 0.6 MB */
const built = new LRUCache<string, string>({ max: 32 });

function cached(key: string, build: () => string): string {
  let html = built.get(key);
  if (html === undefined) {
    html = build();
    built.set(key, html);
  }
  return html;
}

/**
 * A table body whose rows are `build()`'s markup, built the first time its key is seen: the key must
 * name everything the markup depends on (the data's version, the language, the reader), and the
 * markup must be escaped by whoever builds it.
 */
export function CachedTableBody({ cacheKey, build }: { cacheKey: string; build: () => string }) {
  return <tbody dangerouslySetInnerHTML={{ __html: cached(cacheKey, build) }} />;
}
