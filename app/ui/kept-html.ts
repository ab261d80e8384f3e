/*
 * Markup made from cached figures and sent many times: the uptake matrix's body is thousands of
 * cells, and encoding it into the document's bytes cost more than the rest of the page's render.
 * It is made once per key and, on the server, kept as encoded bytes: React renders a marker in
 * its place, and the document's bytes are put together from the rendered markup and the kept
 * bytes. In the browser the markup itself is used; hydration leaves dangerouslySetInnerHTML alone.
 * See docs/decisions/013-matrix-served-from-kept-parts.md.
 */
import { LRUCache } from "lru-cache";

const MARKER = "<!--kept-html-->";

const kept = new LRUCache<string, string | Uint8Array>({ max: 32 });

/** the kept bytes a render is putting markers for, in document order; null outside renderKeepingHtml */
let keeping: Uint8Array[] | null = null;

function remember<T extends string | Uint8Array>(key: string, make: () => T): T {
  let value = kept.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    kept.set(key, value);
  }
  return value;
}

/**
 * The markup for `key`, made by `build` the first time: the key must name everything the markup
 * depends on. Inside renderKeepingHtml (the server's document render) a marker stands in for it.
 */
export function keptHtml(key: string, build: () => string): string {
  if (!keeping) return remember(`html|${key}`, build);
  keeping.push(remember(`bytes|${key}`, () => new TextEncoder().encode(build())));
  return MARKER;
}

/**
 * Runs a document render that may keep markup, and returns the rendered markup split where the
 * kept bytes belong: the document is `parts[0] + kept[0] + parts[1] + …`.
 */
export function renderKeepingHtml(render: () => string): { parts: string[]; kept: Uint8Array[] } {
  const pieces: Uint8Array[] = [];
  keeping = pieces;
  let html: string;
  try {
    html = render();
  } finally {
    keeping = null;
  }
  const parts = html.split(MARKER);
  // every text of a page is escaped, so only keptHtml can have put a marker there; a count that
  // does not match would put markup where it does not belong
  if (parts.length !== pieces.length + 1) {
    throw new Error(`the document has ${parts.length - 1} kept-html markers for ${pieces.length} kept parts`);
  }
  return { parts, kept: pieces };
}
