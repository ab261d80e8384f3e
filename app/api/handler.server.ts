import type { LoaderFunctionArgs } from "@remix-run/node";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { db } from "../db.server";
import { installationETag, isFresh, JSON_TYPE, publicETag, publicHeaders, publicResponse } from "../publication/http.server";
import { findPublicScope, type PublicScope } from "../publication/public-scope.server";
import { requestOrigin } from "../utils/origin.server";
import { QueryRefused, type Endpoint } from "./endpoints.server";
import { pageOf } from "./pagination.server";
import { notFoundProblem, parameterErrors, problemResponse } from "./problem.server";
import { openApiDocument } from "./openapi.server";
import { listOf } from "./schemas.server";

/*
 * One loader for every address of the API. The guard runs first on every request, so a part
 * withdrawn is a 404 even to a caller holding its ETag; then an unchanged answer is a 304 before
 * anything is loaded. Each answer is parsed with its schema on the way out, so it says exactly
 * what the OpenAPI document says.
 */

/*
 * An answer's ETag names everything it is made of (the data stamp, what is published, the origin,
 * path and query), so the body made for an ETag is the body for every later request with it: kept
 * whole, it is sent again without loading, checking and writing it anew.
 */
const keptBodies = new LRUCache<string, string>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (body) => body.length || 1 });

function jsonAnswer(request: Request, etag: string, body: string): Response {
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: publicHeaders(etag, { "Content-Type": JSON_TYPE }),
  });
}

async function scopeFor(endpoint: Endpoint, slug: unknown): Promise<PublicScope | null | undefined> {
  if (!endpoint.parts) return undefined;
  const scope = typeof slug === "string" ? await findPublicScope(db(), slug) : null;
  return scope && endpoint.parts.some((part) => scope.published[part]) ? scope : null;
}

type ApiArgs = Pick<LoaderFunctionArgs, "request" | "params" | "context">;

/** A failure of our own, as problem details naming the incident the log has the details of. */
export function guarded(answer: (args: ApiArgs) => Promise<Response>) {
  return async (args: ApiArgs): Promise<Response> => {
    try {
      return await answer(args);
    } catch (error) {
      const incident = String(args.context.requestId ?? "");
      console.error(`[incident ${incident}]`, error);
      return problemResponse(500, `Internal error. Incident ${incident}`, new URL(args.request.url).pathname);
    }
  };
}

export function apiLoader(endpoint: Endpoint) {
  const responseSchema = endpoint.list ? listOf(endpoint.response) : endpoint.response;
  const paramsSchema = z.object(endpoint.params);
  const querySchema = z.strictObject(endpoint.query);

  return guarded(async ({ request, params }) => {
    const url = new URL(request.url);
    const instance = url.pathname;
    const parsedParams = paramsSchema.safeParse(params);
    if (!parsedParams.success) return notFoundProblem(instance);
    const parsedQuery = querySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsedQuery.success) {
      return problemResponse(400, "A query parameter was refused.", instance, { errors: parameterErrors(parsedQuery.error) });
    }
    const scope = await scopeFor(endpoint, params.slug);
    if (scope === null) return notFoundProblem(instance);

    const origin = requestOrigin(request);
    const answer = [`api|${origin}`, `${url.pathname}${url.search}`];
    const etag = scope ? await publicETag(db(), scope, ...answer) : await installationETag(db(), ...answer);
    if (isFresh(request, etag)) return new Response(null, { status: 304, headers: publicHeaders(etag) });
    const kept = keptBodies.get(etag);
    if (kept !== undefined) return jsonAnswer(request, etag, kept);

    let data: unknown;
    try {
      data = await endpoint.load({
        db: db(),
        scope: scope as PublicScope,
        params: parsedParams.data,
        query: parsedQuery.data,
        links: { origin },
      });
    } catch (error) {
      if (error instanceof QueryRefused)
        return problemResponse(400, "A query parameter was refused.", instance, { errors: error.errors });
      throw error;
    }
    if (data === null) return notFoundProblem(instance);
    const page = endpoint.list
      ? pageOf(data as unknown[], parsedQuery.data as { limit: number; offset: number }, publicUrl(url, origin))
      : data;
    const body = JSON.stringify(responseSchema.parse(page));
    keptBodies.set(etag, body);
    return jsonAnswer(request, etag, body);
  });
}

/** The URL asked for, under the public origin (behind a proxy the request may name another). */
function publicUrl(url: URL, origin: string): URL {
  return new URL(`${url.pathname}${url.search}`, origin);
}

/** The OpenAPI document: the same for every cooperation, so its ETag is the installation's. */
export const openApiLoader = guarded(async ({ request }) => {
  const origin = requestOrigin(request);
  const etag = await installationETag(db(), `api|${origin}`, new URL(request.url).pathname);
  return publicResponse(request, etag, () => JSON.stringify(openApiDocument(origin)), { "Content-Type": JSON_TYPE });
});

/** An address under /api that is none of the API's. */
export const unknownApiLoader = guarded(async ({ request }) => notFoundProblem(new URL(request.url).pathname));
