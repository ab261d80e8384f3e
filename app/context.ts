import type { SessionUser } from "./auth/auth.server";

/** What server.ts hands every loader and action; built once per request. */
export interface RequestContext {
  requestId: string;
  cspNonce: string;
  clientIp: string;
  user: SessionUser | null;
  sessionToken: string | null;
  /** performance.now() when Remix took the request */
  requestStart: number;
  /**
   * Server-Timing of a document: "route" is Remix matching the URL (requestStart → the first
   * loader), "data" the loaders (→ rendering starts), "render" the React render. The root loader,
   * which runs first, marks `loadersStart`.
   */
  timing: { loadersStart?: number };
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
