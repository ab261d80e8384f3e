import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import {
  createReadableStreamFromReadable,
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";
import { isFresh } from "./publication/http.server";
import type { KeepPublicPage } from "./publication/kept-pages.server";

/** How long single fetch waits for the loaders' promises before it rejects them (read by Remix). */
export const streamTimeout = 5_000;
// past the stream timeout, so the rejections it sends can still reach the browser before React stops
const ABORT_DELAY = streamTimeout + 1_000;

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs): void {
  // Aborted requests and routine answers (404, 405 …) are not incidents.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  // The incident id is what the error page shows the user; the details stay in the log.
  console.error(`[incident ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
}

/**
 * A client-side navigation's data (single fetch's `.data` answers) is as private as the page it
 * belongs to: for a signed-in user the browser must not keep it either.
 */
export function handleDataRequest(response: Response, { context }: LoaderFunctionArgs | ActionFunctionArgs): Response {
  if (context.user) response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function serverTiming({ requestStart, timing }: AppLoadContext): string {
  const loadersStart = timing.loadersStart ?? requestStart;
  const loadersEnd = timing.loadersEnd ?? loadersStart;
  const ms = (from: number, to: number) => (to - from).toFixed(1);
  return `route;dur=${ms(requestStart, loadersStart)}, data;dur=${ms(loadersStart, loadersEnd)}, render;dur=${ms(loadersEnd, performance.now())}`;
}

/** The whole document, handed to the keeper, then sent. */
async function keptDocument(body: PassThrough, keep: KeepPublicPage, headers: Headers, context: AppLoadContext) {
  const bytes = new Uint8Array(await buffer(body));
  keep({ body: bytes, headers });
  headers.append("Server-Timing", serverTiming(context));
  return new Response(bytes, { headers, status: 200 });
}

/**
 * Streams the document as Remix's single-fetch template does, but answers only once everything is
 * rendered, for people and bots alike: nothing in the app defers, so an earlier answer would only
 * be a shell waiting for the loaders' data, which single fetch streams in through a Suspense
 * boundary. The browser gets the whole page in one response, and the headers can say how long the
 * render took.
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
  // a public page the browser holds in this version (its loader gave the ETag) is not rendered again
  const etag = responseHeaders.get("ETag");
  if (!loadContext.user && responseStatusCode === 200 && etag && isFresh(request, etag)) {
    return new Response(null, { status: 304, headers: responseHeaders });
  }
  // the same document for every anonymous visitor: made whole once, then kept for the next ones
  const keep = !loadContext.user && responseStatusCode === 200 && etag ? loadContext.keepPublicPage : undefined;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          // the render is complete: nothing is left to abort, and the timer would keep it in memory
          clearTimeout(timer);
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // a render that failed somewhere (onError) is not kept
          if (keep && responseStatusCode === 200) {
            pipe(body);
            resolve(keptDocument(body, keep, responseHeaders, loadContext));
            return;
          }
          responseHeaders.append("Server-Timing", serverTiming(loadContext));
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        // Remix renders the error page in its place
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // an error before the shell reaches Remix through onShellError, which logs it
          if (shellRendered) console.error(`[incident ${loadContext.requestId}] render`, error);
        },
      },
    );
    // React starts rendering on a later tick, so the callbacks above find the timer set
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
