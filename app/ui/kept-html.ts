/*
 * Markup made from cached figures and sent many times: the uptake matrix's body is thousands of
 * cells, and encoding it into the document's bytes cost more than the rest of the page's render.
 * It is made once per key and, on the server, kept as encoded bytes: React renders a marker in
 * its place, and the document's bytes are put together from the rendered markup and the kept
 * bytes. In the browser the markup itself is used; hydration leaves dangerouslySetInnerHTML alone.
 * See docs/decisions/013-matrix-served-from-kept-parts.md.
 */
import { LRUCache } from "lru-cache";

/** a marker is `<!--kept-html:{render}:{part}-->`; anything starting like one must be one of this render's */
const MARKER_START = "<!--kept-html";
const MARKER = /^:([0-9a-z]+):(\d+)-->/;

const kept = new LRUCache<string, string | Uint8Array>({ max: 32 });

/** the render in progress: its id and the kept bytes its markers name; null outside renderKeepingHtml */
let keeping: { render: string; pieces: Uint8Array[] } | null = null;
let renders = 0;

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
 * Call it only where the markup is shown: a part kept but not rendered is made and kept for nothing.
 */
export function keptHtml(key: string, build: () => string): string {
  if (!keeping) return remember(`html|${key}`, build);
  const part = keeping.pieces.push(remember(`bytes|${key}`, () => new TextEncoder().encode(build()))) - 1;
  return `${MARKER_START}:${keeping.render}:${part}-->`;
}

/**
 * Runs a document render that may keep markup, and returns the rendered markup split where the
 * kept bytes belong: the document is `parts[0] + kept[0] + parts[1] + …`.
 *
 * A part kept but not in the markup is left out, not an error: a component may ask for its part
 * and then show something else (an empty state), and React itself drops rendered output (a
 * Suspense fallback); refusing it would answer 500 for a page that merely has nothing to show.
 * Leaving it out is safe only because each marker names its render and its part: matched by
 * position alone, one unused part would put its bytes where the next part belongs. What stays
 * refused is a marker this render did not make (no name, another render's, a part it never
 * kept), since its bytes would be someone else's markup.
 */
export function renderKeepingHtml(render: () => string): { parts: string[]; kept: Uint8Array[] } {
  const pieces: Uint8Array[] = [];
  const id = (++renders).toString(36);
  keeping = { render: id, pieces };
  let html: string;
  try {
    html = render();
  } finally {
    keeping = null;
  }
  // every text of a page is escaped, so only keptHtml can have put a marker there
  const segments = html.split(MARKER_START);
  const parts = [segments[0]];
  const used: Uint8Array[] = [];
  for (let i = 1; i < segments.length; i++) {
    const marker = MARKER.exec(segments[i]);
    const part = marker && marker[1] === id ? Number(marker[2]) : -1;
    if (part < 0 || part >= pieces.length) {
      throw new Error(`the document has a kept-html marker not kept in this render: ${MARKER_START}${segments[i].slice(0, 24)}`);
    }
    used.push(pieces[part]);
    parts.push(segments[i].slice(marker![0].length));
  }
  return { parts, kept: used };
}
