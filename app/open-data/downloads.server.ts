import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { osloDateOf, osloToday } from "@shared-schema/dates";
import type { DB } from "../../db/connect";
import type { CooperationId } from "../cooperation/scope.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { installationETag, JSON_TYPE, publicETag, publicResponse } from "../publication/http.server";
import { requirePublished } from "../publication/guards.server";
import { publicCooperation } from "../publication/pages.server";
import { listPublicScopes, type PublicScope } from "../publication/public-scope.server";
import { publicPartUrl } from "../publication/urls";
import { requestOrigin } from "../utils/origin.server";
import { notFound } from "../utils/errors.server";
import {
  cooperationCatalog,
  installationCatalog,
  missingForCatalog,
  toJsonLd,
  toTurtle,
  type CatalogResult,
  type PublishingCooperation,
} from "./catalog.server";
import { DATASETS, datasetRows, isDatasetKey, publishedDatasets, type DatasetKey } from "./datasets.server";
import { datasetCsv, datasetJson, datasetZip } from "./files.server";

/*
 * The open-data answers: each dataset as CSV and JSON, all of a cooperation's CSVs as one ZIP,
 * and the catalogues that describe them. Like the public pages, each is checked against what is
 * published on every request and kept by caches only together with its ETag.
 */

const CSV = "text/csv; charset=utf-8";

const FILE = /^(?<key>[a-z-]+)(?:\.(?<format>csv|json))?$/;

/** `/public/{slug}/data/{key}.csv|.json`, `…/all.zip`; the dataset's own address leads to its description. */
export async function datasetFile(args: LoaderFunctionArgs): Promise<Response> {
  const scope = await requirePublished(args, "data");
  const name = args.params.file ?? "";
  const url = new URL(args.request.url);
  const etag = await publicETag(db(), scope, url.pathname);
  if (name === "all.zip") return zipResponse(args.request, scope, etag);
  const match = FILE.exec(name)?.groups;
  const key = match?.key;
  if (!isDatasetKey(key) || !publishedDatasets(scope).includes(key)) throw notFound();
  if (!match?.format) throw redirect(`${publicPartUrl(scope.slug, "data")}#${key}`, 303);
  const columns = DATASETS[key].columns;
  const headers = match.format === "csv" ? fileHeaders(CSV, `${scope.slug}-${key}.csv`) : { "Content-Type": JSON_TYPE };
  return publicResponse(
    args.request,
    etag,
    async () => {
      const rows = (await datasetRows(db(), scope, key)) ?? [];
      return match.format === "csv" ? datasetCsv(columns, rows) : datasetJson(columns, rows);
    },
    headers,
  );
}

function fileHeaders(contentType: string, fileName: string) {
  return { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${fileName}"` };
}

async function zipResponse(request: Request, scope: PublicScope, etag: string): Promise<Response> {
  const keys = publishedDatasets(scope);
  if (keys.length === 0) throw notFound();
  return publicResponse(
    request,
    etag,
    async () => {
      const files = await Promise.all(
        keys.map(async (key) => ({ key, csv: datasetCsv(DATASETS[key].columns, (await datasetRows(db(), scope, key)) ?? []) })),
      );
      return new Uint8Array(datasetZip(files, new Date(`${await lastChangeDay(db(), scope.cooperationId)}T12:00:00Z`)));
    },
    fileHeaders("application/zip", `${scope.slug}-opne-data.zip`),
  );
}

/** The Oslo day of the cooperation's newest audited change: every change of its data is audited. */
async function lastChangeDay(db: DB, cooperationId: CooperationId): Promise<string> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  return row?.at ? osloDateOf(String(row.at)) : osloToday();
}

async function publishing(db: DB, scope: PublicScope): Promise<PublishingCooperation & { modified: string }> {
  const [cooperation, modified] = await Promise.all([publicCooperation(db, scope), lastChangeDay(db, scope.cooperationId)]);
  return {
    modified,
    slug: scope.slug,
    name: scope.name,
    organisationNumber: cooperation.organisationNumber,
    contact: { name: cooperation.contact?.name ?? null, email: cooperation.contact?.email ?? null },
    description: cooperation.description?.trim() ? { text: cooperation.description, language: scope.defaultLanguage } : null,
    datasets: publishedDatasets(scope).map((key) => ({ key, modified, formats: ["CSV", "JSON"] as const })),
  };
}

export type CatalogFormat = "ttl" | "jsonld";

const CATALOG_TYPE: Record<CatalogFormat, string> = {
  ttl: "text/turtle; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
};

async function catalogBody(result: CatalogResult & { ok: true }, format: CatalogFormat): Promise<string> {
  return format === "ttl" ? toTurtle(result.quads) : JSON.stringify(await toJsonLd(result.quads));
}

/** The cooperation's catalogue, once its settings hold what the profile requires (else nothing to harvest: 404). */
export async function cooperationCatalogFile(args: LoaderFunctionArgs, format: CatalogFormat): Promise<Response> {
  const scope = await requirePublished(args, "data");
  const cooperation = await publishing(db(), scope);
  const result = cooperationCatalog({ baseUrl: requestOrigin(args.request), modified: cooperation.modified, cooperation });
  if (!result.ok) throw notFound();
  const etag = await publicETag(db(), scope, new URL(args.request.url).pathname);
  return publicResponse(args.request, etag, () => catalogBody(result, format), { "Content-Type": CATALOG_TYPE[format] });
}

/** Whether this installation names who runs it, which its own catalogue needs. */
export function installationOperator() {
  const { OPERATOR_NAME, OPERATOR_ORGANISATION_NUMBER, OPERATOR_CONTACT_EMAIL } = env();
  if (!OPERATOR_ORGANISATION_NUMBER || !OPERATOR_CONTACT_EMAIL) return null;
  return {
    name: OPERATOR_NAME,
    organisationNumber: OPERATOR_ORGANISATION_NUMBER,
    contact: { name: null, email: OPERATOR_CONTACT_EMAIL },
  };
}

/**
 * The catalogue of every cooperation that publishes open data and whose own catalogue is
 * complete; one lacking its details is left out rather than failing the others.
 */
export async function installationCatalogFile(request: Request, format: CatalogFormat): Promise<Response> {
  const operator = installationOperator();
  if (!operator) throw notFound();
  const baseUrl = requestOrigin(request);
  const scopes = (await listPublicScopes(db())).filter((scope) => publishedDatasets(scope).length > 0);
  const cooperations = (await Promise.all(scopes.map((scope) => publishing(db(), scope)))).filter(
    (cooperation) => missingForCatalog(cooperation).length === 0,
  );
  const modified = cooperations.map((c) => c.modified).reduce((a, b) => (a > b ? a : b), "") || osloToday();
  const result = installationCatalog({ baseUrl, modified, operator, cooperations });
  if (!result.ok) throw notFound();
  const etag = await installationETag(db(), new URL(request.url).pathname);
  return publicResponse(request, etag, () => catalogBody(result, format), { "Content-Type": CATALOG_TYPE[format] });
}

export interface OpenDataPage {
  datasets: Array<{ key: DatasetKey; rows: number; columns: (typeof DATASETS)[DatasetKey]["columns"] }>;
  catalog: boolean;
}

/** What the open-data page lists: each published dataset with its columns, and whether the catalogue is complete. */
export async function openDataPage(db: DB, scope: PublicScope): Promise<OpenDataPage> {
  const keys = publishedDatasets(scope);
  const datasets = await Promise.all(
    keys.map(async (key) => ({ key, rows: (await datasetRows(db, scope, key))?.length ?? 0, columns: DATASETS[key].columns })),
  );
  const catalog = missingForCatalog(await publishing(db, scope)).length === 0;
  return { datasets, catalog };
}
