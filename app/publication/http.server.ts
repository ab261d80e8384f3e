import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "../../db/connect";
import { changeStamp } from "../overview/cache.server";
import type { PublicScope } from "./public-scope.server";

/*
 * Public answers are the same for every visitor, so browsers and proxies may keep them; but a
 * withdrawal must take effect on the next request. So a cache keeps an answer only together with
 * its ETag and asks again every time (max-age=0, must-revalidate): the guard runs first and
 * answers 404 once a part is withdrawn, and an unchanged answer costs a 304 with no body.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate";

export const JSON_TYPE = "application/json; charset=utf-8";

/** A strong ETag of what names one version of an answer. */
export function etagOf(...parts: string[]): string {
  return `"${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 27)}"`;
}

/**
 * The ETag of one public answer of a cooperation: the cooperation's data stamp (every change is
 * audited, so the newest audit event moves with it), what it publishes, and what names the
 * answer within it (its path, language, format).
 */
export async function publicETag(db: DB, scope: PublicScope, ...answer: string[]): Promise<string> {
  return etagOf(await changeStamp(db, scope.cooperationId), JSON.stringify(scope.published), ...answer);
}

/** The ETag of an answer about every publishing cooperation (the list, the catalogue, the sitemap). */
export async function installationETag(db: DB, ...answer: string[]): Promise<string> {
  const { rows } = await sql<{ at: string | null; n: number }>`
    select max(created_at) as at, count(*) as n from audit_event`.execute(db);
  return etagOf(`${rows[0]?.at ?? ""}#${rows[0]?.n ?? 0}`, ...answer);
}

/** Whether the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function isFresh(request: Request, etag: string): boolean {
  return namesETag(request.headers.get("If-None-Match"), etag);
}

/** Whether an If-None-Match header's value names `etag`. */
export function namesETag(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

export function publicHeaders(etag: string, extra?: HeadersInit): Headers {
  const headers = new Headers(extra);
  headers.set("ETag", etag);
  headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  return headers;
}

/**
 * A public file or document: 304 when the caller holds this version, else the body with its
 * ETag and caching headers.
 */
export async function publicResponse(
  request: Request,
  etag: string,
  body: () => BodyInit | Promise<BodyInit>,
  headers?: HeadersInit,
): Promise<Response> {
  if (isFresh(request, etag)) return new Response(null, { status: 304, headers: publicHeaders(etag) });
  return new Response(request.method === "HEAD" ? null : await body(), { status: 200, headers: publicHeaders(etag, headers) });
}
