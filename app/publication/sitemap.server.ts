import type { DB } from "../../db/connect";
import { osloToday } from "@shared-schema/dates";
import { db } from "../db.server";
import { DEFAULT_LANGUAGE, LANGUAGES } from "../i18n/config";
import { requestOrigin } from "../utils/origin.server";
import { pageAddress, type PublicPageRef } from "./address.server";
import { installationETag, publicResponse } from "./http.server";
import { publicMatrixIndex } from "./matrix.server";
import { publicPlans, publicReports, publicStrategies } from "./pages.server";
import { listPublicScopes, type PublicScope } from "./public-scope.server";
import { publicPartUrl, publicUrl } from "./urls";

/*
 * The sitemap (sitemaps.org 0.9) of every public page there is: each cooperation that publishes,
 * only the parts it publishes, and within them only what is adopted, approved or published — the
 * same pages its links lead to. Each page is listed in every language, each entry naming the
 * others, as search engines ask of pages that exist in several languages. The strategy in force
 * is listed both where it is in force (`/strategy`) and at its own address, which stays.
 */

interface SitemapPage extends PublicPageRef {
  /** yyyy-mm-dd: when what the page shows was decided or published */
  lastmod?: string | null;
}

const day = (date: string | null | undefined) => date?.slice(0, 10) ?? null;

const newest = (dates: Array<string | null>) =>
  dates.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

async function strategyPages(db: DB, scope: PublicScope, page: (path: string, lastmod?: string | null) => SitemapPage) {
  const strategies = await publicStrategies(db, scope);
  const inForce = strategies.find((s) => s.status === "adopted");
  return [
    page(publicPartUrl(scope.slug, "strategy"), day(inForce?.decidedOn)),
    ...strategies.map((s) => page(`${publicUrl(scope.slug)}/strategies/${s.id}`, day(s.decidedOn))),
  ];
}

async function planPages(scope: PublicScope, page: (path: string, lastmod?: string | null) => SitemapPage) {
  const plans = await publicPlans(scope);
  const list = publicPartUrl(scope.slug, "plan");
  return [
    page(list, newest(plans.map((p) => day(p.decidedOn)))),
    ...plans.map((p) => page(`${list}/${p.year}`, day(p.decidedOn))),
  ];
}

async function reportPages(db: DB, scope: PublicScope, page: (path: string, lastmod?: string | null) => SitemapPage) {
  const reports = await publicReports(db, scope);
  const list = publicPartUrl(scope.slug, "reports");
  return [
    page(list, newest(reports.map((r) => day(r.publishedAt)))),
    ...reports.map((r) => page(`${list}/${r.year}`, day(r.publishedAt))),
  ];
}

/**
 * The matrix and its measures without a date: what they show moves with every status reported,
 * and a measure's own last change may be to what stays inside (its status note). The matrix of
 * each year is listed under its year as well: without one it shows this year's, which moves on.
 */
async function matrixPages(db: DB, scope: PublicScope, page: (path: string) => SitemapPage) {
  const { years, measures } = await publicMatrixIndex(db, scope);
  const matrix = publicPartUrl(scope.slug, "matrix");
  return [
    page(matrix),
    ...years.map((year) => ({ ...page(matrix), query: { year: String(year) } })),
    ...measures.map((number) => page(`${publicUrl(scope.slug)}/measures/${number}`)),
  ];
}

async function cooperationPages(db: DB, scope: PublicScope): Promise<SitemapPage[]> {
  const page = (path: string, lastmod?: string | null): SitemapPage => ({
    path,
    lastmod,
    defaultLanguage: scope.defaultLanguage,
  });
  const { published } = scope;
  const parts = await Promise.all([
    published.strategy ? strategyPages(db, scope, page) : [],
    published.plan ? planPages(scope, page) : [],
    published.matrix ? matrixPages(db, scope, page) : [],
    published.reports ? reportPages(db, scope, page) : [],
    published.data ? [page(publicPartUrl(scope.slug, "data"))] : [],
  ]);
  return [page(publicUrl(scope.slug)), ...parts.flat()];
}

export async function sitemapPages(db: DB): Promise<SitemapPage[]> {
  const scopes = await listPublicScopes(db);
  const cooperations = await Promise.all(scopes.map((scope) => cooperationPages(db, scope)));
  return [{ path: "/public", defaultLanguage: DEFAULT_LANGUAGE }, ...cooperations.flat()];
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

function urlEntries(page: SitemapPage, origin: string): string[] {
  return LANGUAGES.map((language) => {
    const { url, alternates } = pageAddress(page, language, origin);
    const lines = [
      `<loc>${xml(url)}</loc>`,
      ...(page.lastmod ? [`<lastmod>${xml(page.lastmod)}</lastmod>`] : []),
      ...alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${xml(a.hreflang)}" href="${xml(a.href)}"/>`),
    ];
    return `<url>${lines.join("")}</url>`;
  });
}

export function sitemapXml(pages: readonly SitemapPage[], origin: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
    ...pages.flatMap((page) => urlEntries(page, origin)),
    `</urlset>`,
    "",
  ].join("\n");
}

/**
 * `/sitemap.xml`, kept by caches as the other public answers are. Every change to what is
 * published is audited; the date is in the tag too, as this year's matrix is the one without a year.
 */
export async function sitemapResponse(request: Request): Promise<Response> {
  const origin = requestOrigin(request);
  const etag = await installationETag(db(), "/sitemap.xml", origin, osloToday());
  return publicResponse(request, etag, async () => sitemapXml(await sitemapPages(db()), origin), {
    "Content-Type": "application/xml; charset=utf-8",
  });
}
