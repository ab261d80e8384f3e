import type { SessionUser } from "./auth/auth.server";
import type { KeepPublicPage } from "./publication/kept-pages.server";

/** What server.ts hands every loader and action; built once per request. */
export interface RequestContext {
  requestId: string;
  cspNonce: string;
  clientIp: string;
  user: SessionUser | null;
  sessionToken: string | null;
  /** a write from another site, handed to Remix as the page that refuses it (server.ts) */
  writeRefused: boolean;
  /** keeps an anonymous visitor's public page for the next ones (app/publication/kept-pages.server.ts) */
  keepPublicPage?: KeepPublicPage;
  /** performance.now() when Remix took the request */
  requestStart: number;
  /**
   * Server-Timing of a document: "route" is Remix matching the URL (requestStart → the first
   * loader starts), "data" the loaders (→ the last one ends), "render" making the document from
   * their data (Remix reading their responses and serialising them into the page, React's
   * render). server.ts marks the loaders' start and end.
   */
  timing: { loadersStart?: number; loadersEnd?: number };
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
  // loader data reaches components as single fetch serialises it (turbo-stream), not as JSON
  interface Future {
    v3_singleFetch: true;
  }
}
