import { type ActionFunctionArgs, type AppLoadContext, type EntryContext, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs): void {
  // Aborted requests and routine answers (404, 405 …) are not incidents.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  // The incident id is what the error page shows the user; the details stay in the log.
  console.error(`[incident ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
}

/**
 * Renders the whole document to one string. Nothing here suspends (no deferred data), so streaming
 * would send the same document later and for more CPU: React's stream encodes every small piece of
 * markup separately, and a matrix has thousands of cells.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // A page rendered for a signed-in user must not be kept by the browser: after logout, Back
  // would otherwise show it again from the HTTP cache (Chromium reuses stale entries for history).
  if (loadContext.user) responseHeaders.set("Cache-Control", "private, no-store");
  const { requestStart, timing } = loadContext;
  const loadersStart = timing.loadersStart ?? requestStart;
  const loadersEnd = timing.loadersEnd ?? loadersStart;
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  const ms = (from: number, to: number) => (to - from).toFixed(1);
  responseHeaders.append(
    "Server-Timing",
    `route;dur=${ms(requestStart, loadersStart)}, data;dur=${ms(loadersStart, loadersEnd)}, render;dur=${ms(loadersEnd, performance.now())}`,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
