import { etagOf, publicResponse } from "./http.server";

/*
 * What crawlers may read: the public pages, the sitemap that lists them and the read API.
 * Everything else is behind a login or about one (the login page, the language form) and is
 * kept out of search results. What the public pages need to be rendered as a visitor sees them
 * (styles, scripts, their texts, the icon) is allowed too: a crawler that renders the page
 * would otherwise judge a page without them.
 */
const ALLOWED = ["/public$", "/public/", "/sitemap.xml$", "/api/v1/", "/build/", "/texts/", "/favicon.svg$"];

export function robotsTxt(origin: string): string {
  return [
    "User-agent: *",
    ...ALLOWED.map((path) => `Allow: ${path}`),
    "Disallow: /",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}

export function robotsResponse(request: Request, origin: string): Promise<Response> {
  const body = robotsTxt(origin);
  return publicResponse(request, etagOf(body), () => body, { "Content-Type": "text/plain; charset=utf-8" });
}
