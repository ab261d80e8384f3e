import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapResponse } from "../publication/sitemap.server";

export const loader = ({ request }: LoaderFunctionArgs) => sitemapResponse(request);
