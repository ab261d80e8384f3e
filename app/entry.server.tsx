import { PassThrough } from "node:stream";
import {
  createReadableStreamFromReadable,
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";

const ABORT_DELAY = 5_000;

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs): void {
  // Aborted requests and routine answers (404, 405 …) are not incidents.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  // The incident id is what the error page shows the user; the details stay in the log.
  console.error(`[incident ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = loadContext.cspNonce;
  // A page rendered for a signed-in user must not be kept by the browser: after logout, Back
  // would otherwise show it again from the HTTP cache (Chromium reuses stale entries for history).
  if (loadContext.user) responseHeaders.set("Cache-Control", "private, no-store");
  // Server-Timing: "data" is everything before rendering (the loaders), "render" the React render
  const renderStart = performance.now();
  const dataMs = renderStart - loadContext.requestStart;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          responseHeaders.append(
            "Server-Timing",
            `data;dur=${dataMs.toFixed(1)}, render;dur=${(performance.now() - renderStart).toFixed(1)}`
          );
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(`[incident ${loadContext.requestId}]`, error);
        },
      }
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
