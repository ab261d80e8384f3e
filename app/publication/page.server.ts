import { json, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import type { Language } from "../../db/schema";
import { db } from "../db.server";
import { isLanguage } from "../i18n/config";
import { requestOrigin } from "../utils/origin.server";
import { pageAddress, requestPath } from "./address.server";
import { requirePublished } from "./guards.server";
import { publicETag, publicHeaders } from "./http.server";
import type { PublicPart } from "./parts";

/**
 * What every public page's loader starts with: the guard for the part it shows, the page's
 * language (from the address, else the cooperation's), the ETag of this page in it, and its
 * canonical address given the query parameters that change what it shows.
 */
export async function publicPage(args: Pick<LoaderFunctionArgs, "params" | "request">, part: PublicPart | null) {
  const scope = await requirePublished(args, part);
  const url = new URL(args.request.url);
  const asked = url.searchParams.get("lang");
  const language: Language = isLanguage(asked) ? asked : scope.defaultLanguage;
  const etag = await publicETag(db(), scope, url.pathname, language);
  const address = (query?: Record<string, string>) =>
    pageAddress(
      { path: requestPath(args.request), query, defaultLanguage: scope.defaultLanguage },
      language,
      requestOrigin(args.request),
    );
  return { scope, language, etag, address };
}

/**
 * The loader's data with the page's ETag and the public caching rule. The ETag is weak: the
 * markup also carries a request id and a script nonce, which do not change what it says.
 */
export function publicJson<T>(data: T, etag: string) {
  return json(data, { headers: publicHeaders(`W/${etag}`) });
}

/** Every public page's `headers`: the ETag and caching rule its loader gave. */
export const publicPageHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  for (const name of ["ETag", "Cache-Control"]) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};
