import type { SessionUser } from "./auth/auth.server";

/** What server.ts hands every loader and action; built once per request. */
export interface RequestContext {
  requestId: string;
  cspNonce: string;
  clientIp: string;
  user: SessionUser | null;
  sessionToken: string | null;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
