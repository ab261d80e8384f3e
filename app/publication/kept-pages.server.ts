import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { db } from "../db.server";
import { changeStamp } from "../overview/cache.server";
import { etagOf, namesETag, PUBLIC_CACHE_CONTROL } from "./http.server";
import { findPublicScope } from "./public-scope.server";

/*
 * A public page is the same document for every anonymous visitor until the cooperation's data, what
 * it publishes, or the day moves: its key below names all of that and the exact address asked for.
 * The first visitor's document is kept whole under the key and sent to the next ones before Remix
 * runs a loader: one query for the scope and one for the data stamp instead of three loaders and a
 * React render. A withdrawal changes what is published, so the key, so the next request finds
 * nothing kept and goes to the loaders, whose guard answers 404.
 *
 * server.ts runs this before Remix; the Remix build hands a rendered document back through the
 * request's context (`keepPublicPage`), as the two are separate module graphs.
 */

export interface KeptPage {
  body: Uint8Array;
  /** the document's own headers (ETag, caching rule, type), as Remix answered them */
  headers: [string, string][];
  /** the policy the document was sent with: its scripts carry that policy's nonce */
  contentSecurityPolicy: string;
  etag: string;
}

/** What Remix gives the keeper: the whole document and the headers it answered with. */
export type KeepPublicPage = (page: { body: Uint8Array; headers: Headers }) => void;

const keptPages = new LRUCache<string, KeptPage>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (page) => page.body.byteLength || 1,
});

/** Headers of a document that belong to its request, not to what it says. */
const PER_REQUEST_HEADERS = new Set(["server-timing", "set-cookie", "x-request-id", "content-length"]);

/**
 * `/public/{slug}` and the pages below it. Anything with a dot in its path (a download, a
 * catalogue, single fetch's `.data`) is not a document.
 */
const PAGE_PATH = /^\/public\/([^/.]+)(?:\/[^.]*)?$/;

/**
 * The key of the document this request asks for, or null when its answer may differ from one
 * visitor to another (a cookie: a session, a toast) or it is no public page of a publishing
 * cooperation. Everything the address and the host say is in it, as the page's links name them.
 */
async function pageKey(req: Request): Promise<string | null> {
  if (req.method !== "GET" || req.get("cookie")) return null;
  const slug = PAGE_PATH.exec(req.path)?.[1];
  if (!slug) return null;
  const scope = await findPublicScope(db(), slug);
  if (!scope) return null;
  const stamp = await changeStamp(db(), scope.cooperationId);
  const host = [req.protocol, req.get("x-forwarded-host") ?? "", req.get("host") ?? ""].join("|");
  return etagOf("page", stamp, JSON.stringify(scope.published), host, req.originalUrl);
}

function sendKept(req: Request, res: Response, page: KeptPage, started: number) {
  res.setHeader("Server-Timing", `kept;dur=${(performance.now() - started).toFixed(1)}`);
  if (namesETag(req.get("if-none-match"), page.etag)) {
    res.status(304).set({ ETag: page.etag, "Cache-Control": PUBLIC_CACHE_CONTROL });
    return void res.end();
  }
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", page.contentSecurityPolicy);
  res.status(200).end(page.body);
}

function keeper(key: string, res: Response): KeepPublicPage {
  return ({ body, headers }) => {
    const etag = headers.get("etag");
    if (!etag || headers.has("set-cookie")) return;
    keptPages.set(key, {
      body,
      headers: [...headers].filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase())),
      contentSecurityPolicy: String(res.getHeader("Content-Security-Policy") ?? ""),
      etag,
    });
  };
}

/**
 * Express middleware: answers a kept public page, or lets Remix render it with a keeper in
 * `res.locals.keepPublicPage` for server.ts to put into the request's context.
 */
export async function servePublicPageKept(req: Request, res: Response, next: NextFunction) {
  try {
    const started = performance.now();
    const key = await pageKey(req);
    if (!key) return next();
    const kept = keptPages.get(key);
    if (kept) return sendKept(req, res, kept, started);
    res.locals.keepPublicPage = keeper(key, res);
    next();
  } catch (error) {
    next(error);
  }
}
