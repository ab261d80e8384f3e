import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { renderKeepingHtml } from "./ui/kept-html";
import { NonceProvider } from "./utils/nonce";

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs): void {
  // Aborted requests and routine answers (404, 405 …) are not incidents.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  // The incident id is what the error page shows the user; the details stay in the log.
  console.error(`[incident ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
}

/**
 * Renders the whole document to one string. Nothing here suspends (no deferred data), so streaming
 * would gain nothing, and React's stream encodes every small piece of markup separately: for a
 * matrix with thousands of cells that costs more than rendering it.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext
) {
  const nonce = loadContext.cspNonce;
  // A page rendered for a signed-in user must not be kept by the browser: after logout, Back
  // would otherwise show it again from the HTTP cache (Chromium reuses stale entries for history).
  if (loadContext.user) responseHeaders.set("Cache-Control", "private, no-store");
  const { requestStart, timing } = loadContext;
  const loadersStart = timing.loadersStart ?? requestStart;
  const loadersEnd = timing.loadersEnd ?? loadersStart;
  const { parts, kept } = renderKeepingHtml(() =>
    renderToString(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    )
  );
  // as bytes: a string body is first checked character by character for lone surrogates (WebIDL's
  // USVString), which on a big matrix costs more than encoding it
  parts[0] = `<!DOCTYPE html>${parts[0]}`;
  const body = Buffer.concat(parts.flatMap((part, i) => (i < kept.length ? [Buffer.from(part), kept[i]] : [Buffer.from(part)])));
  // render ends with the document's bytes: joining React's pieces and encoding them is part of making it
  const ms = (from: number, to: number) => (to - from).toFixed(1);
  responseHeaders.append(
    "Server-Timing",
    `route;dur=${ms(requestStart, loadersStart)}, data;dur=${ms(loadersStart, loadersEnd)}, render;dur=${ms(loadersEnd, performance.now())}`
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
