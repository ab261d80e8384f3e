import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "../i18n/config";
import { languageTexts } from "../i18n/i18n.server";

/** A language's texts for the browser, fetched before the page hydrates or when a navigation changes the language. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLanguage(params.lang)) throw new Response(null, { status: 404 });
  const { body, version } = languageTexts(params.lang);
  const current = new URL(request.url).searchParams.get("v") === version;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
