import type { SessionUser } from "./auth/auth.server";

/** What server.ts hands every loader and action; built once per request. */
export interface RequestContext {
  requestId: string;
  cspNonce: string;
  clientIp: string;
  user: SessionUser | null;
  sessionToken: string | null;
  /** performance.now() when Remix took the request: what comes before rendering is "data" in Server-Timing */
  requestStart: number;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
