import type { PublicPart } from "./parts";

/** Where each published part lives under the cooperation's public address. */
const PART_PATHS: Record<PublicPart, string> = {
  strategy: "strategy",
  plan: "plans",
  matrix: "matrix",
  reports: "reports",
  data: "data",
};

export const publicUrl = (slug: string) => `/public/${slug}`;

export const publicPartUrl = (slug: string, part: PublicPart) => `${publicUrl(slug)}/${PART_PATHS[part]}`;

/** A data catalogue: a cooperation's, or with no slug the installation's. */
export const catalogUrl = (slug: string | null, format: "ttl" | "jsonld") =>
  `${slug ? publicUrl(slug) : "/public"}/catalog.${format}`;

/** `/public` and everything below it: pages for anyone, the same for everyone. */
export const isPublicPath = (pathname: string) => pathname === "/public" || pathname.startsWith("/public/");
