import jsonld, { type ContextDefinition } from "jsonld";
import { DataFactory, Writer, type Literal, type NamedNode, type Quad, type WriterOptions } from "n3";
import type { Language } from "../../db/schema";
import { LANGUAGES } from "../i18n/config";
import { i18nFor } from "../i18n/i18n.server";
import { isOrganisationNumber } from "@shared-schema/publication";
import type { DatasetKey } from "./datasets.server";

/*
 * The open-data catalogues in DCAT-AP-NO, the Norwegian profile of DCAT-AP that Felles datakatalog
 * harvests: one per cooperation and one for the whole installation. The graph is built once and
 * written both as Turtle and as JSON-LD, so the two forms cannot say different things.
 */

export type DataFormat = "CSV" | "JSON";

export interface PublishedDataset {
  key: DatasetKey;
  /** yyyy-mm-dd: the day the dataset's data last changed */
  modified: string;
  formats: readonly DataFormat[];
}

/** Who answers for a catalogue: the organisation that publishes it and where to write to it. */
export interface Responsible {
  name: string;
  /** The host municipality's (or the operator's) nine-digit number in Enhetsregisteret */
  organisationNumber: string | null;
  contact: { name: string | null; email: string | null };
}

export interface PublishingCooperation extends Responsible {
  /** The cooperation's URL slug: a-z, 0-9 and hyphens */
  slug: string;
  /** The cooperation's own words about itself, in the one language it wrote them in */
  description: { text: string; language: Language } | null;
  datasets: readonly PublishedDataset[];
}

export interface CooperationCatalogInput {
  /** The installation's origin, e.g. "https://fellesloft.example": every IRI lies under it */
  baseUrl: string;
  /** yyyy-mm-dd: the day the catalogue or any of its datasets last changed */
  modified: string;
  cooperation: PublishingCooperation;
}

export interface InstallationCatalogInput {
  baseUrl: string;
  modified: string;
  /** Who runs the installation; its name is the site's */
  operator: Responsible;
  cooperations: readonly PublishingCooperation[];
}

/** Something the profile requires that the settings lack: the secretariat (or operator) fills it in. */
export interface MissingDetail {
  /** The cooperation's slug, or null for the installation's operator */
  cooperation: string | null;
  field: "organisationNumber" | "contactEmail";
  problem: "missing" | "invalid";
}

export type CatalogResult = { ok: true; quads: Quad[] } | { ok: false; missing: MissingDetail[] };

const NS = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

const { namedNode, literal, quad } = DataFactory;
const term = (prefix: keyof typeof NS) => (local: string) => namedNode(NS[prefix] + local);
const dcat = term("dcat");
const dct = term("dct");
const foaf = term("foaf");
const vcard = term("vcard");
const xsd = term("xsd");
const A = namedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

const EU = "http://publications.europa.eu/resource/authority/";
const THEME = namedNode(`${EU}data-theme/GOVE`);
const PUBLIC = namedNode(`${EU}access-right/PUBLIC`);
const NLOD = namedNode("http://data.norge.no/nlod/no/2.0");
const EU_LANGUAGE: Record<Language, NamedNode> = {
  nb: namedNode(`${EU}language/NOB`),
  nn: namedNode(`${EU}language/NNO`),
  en: namedNode(`${EU}language/ENG`),
};
const ORGANISATION_CATALOG = "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/";

type FileType = DataFormat | "ZIP";
const FILE_TYPE: Record<FileType, { extension: string; mediaType: string }> = {
  CSV: { extension: "csv", mediaType: "text/csv" },
  JSON: { extension: "json", mediaType: "application/json" },
  ZIP: { extension: "zip", mediaType: "application/zip" },
};

type Value = NamedNode | Literal;

function about(subject: NamedNode, properties: Array<[NamedNode, Value | Value[]]>): Quad[] {
  return properties.flatMap(([predicate, value]) =>
    (Array.isArray(value) ? value : [value]).map((object) => quad(subject, predicate, object)),
  );
}

const inEveryLanguage = (text: (lng: Language) => string) => LANGUAGES.map((lng) => literal(text(lng), lng));
const day = (date: string) => literal(date, xsd("date"));

/* Only a plain origin, a slug of a-z0-9- and a yyyy-mm-dd date go into IRIs and dates, so nothing is ever escaped. */
function checked(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`Not a valid ${what} for the open-data catalogue: "${value}"`);
  return value;
}
const origin = (baseUrl: string) => checked(baseUrl.replace(/\/+$/, ""), /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, "base URL");
const slugOf = (slug: string) => checked(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, "slug");
const dateOf = (date: string) => checked(date, /^\d{4}-\d{2}-\d{2}$/, "date");

// One @ and a dotted domain, and nothing a mailto: IRI would have to escape or read as its query.
const EMAIL = /^[^\s@<>"{}|\\^`?#%]+@[^\s@<>"{}|\\^`?#%]+\.[^\s@<>"{}|\\^`?#%.]+$/;

function missingDetails(cooperation: string | null, { organisationNumber, contact }: Responsible): MissingDetail[] {
  const missing: MissingDetail[] = [];
  const orgnr = organisationNumber?.trim();
  const email = contact.email?.trim();
  if (!orgnr) missing.push({ cooperation, field: "organisationNumber", problem: "missing" });
  else if (!isOrganisationNumber(orgnr)) missing.push({ cooperation, field: "organisationNumber", problem: "invalid" });
  if (!email) missing.push({ cooperation, field: "contactEmail", problem: "missing" });
  else if (!EMAIL.test(email)) missing.push({ cooperation, field: "contactEmail", problem: "invalid" });
  return missing;
}

/** What a cooperation's settings lack for its catalogue; empty when it can be published. */
export const missingForCatalog = (cooperation: PublishingCooperation): MissingDetail[] =>
  missingDetails(cooperation.slug, cooperation);

/** The publisher as Felles datakatalog knows it, and the contact point as a vCard organisation. */
function responsibleQuads(responsible: Responsible, contactIri: string) {
  const orgnr = responsible.organisationNumber!.trim();
  const publisher = namedNode(ORGANISATION_CATALOG + orgnr);
  const contact = namedNode(contactIri);
  const given = responsible.contact.name?.trim();
  // a person's name is the same in every language; the fallback names the secretariat in each
  const contactName = given
    ? literal(given)
    : inEveryLanguage((lng) => i18nFor(lng).t("publication:contact", { name: responsible.name }));
  const quads = [
    ...about(publisher, [
      [A, foaf("Agent")],
      [dct("identifier"), literal(orgnr)],
    ]),
    ...about(contact, [
      [A, vcard("Organization")],
      [vcard("fn"), contactName],
      [vcard("hasEmail"), namedNode(`mailto:${responsible.contact.email!.trim()}`)],
    ]),
  ];
  return { publisher, contact, quads };
}

function distributionQuads(dataset: string, fileType: FileType, downloadUrl: string, title: (lng: Language) => string) {
  const distribution = namedNode(`${dataset}#${FILE_TYPE[fileType].extension}`);
  const quads = about(distribution, [
    [A, dcat("Distribution")],
    [dct("title"), inEveryLanguage(title)],
    [dcat("accessURL"), namedNode(downloadUrl)],
    [dcat("downloadURL"), namedNode(downloadUrl)],
    [dct("format"), namedNode(`${EU}file-type/${fileType}`)],
    [dcat("mediaType"), namedNode(`https://www.iana.org/assignments/media-types/${FILE_TYPE[fileType].mediaType}`)],
    [dct("license"), NLOD],
  ]);
  return { distribution, quads };
}

function datasetQuads(
  base: string,
  cooperation: PublishingCooperation,
  dataset: PublishedDataset,
  responsible: ReturnType<typeof responsibleQuads>,
) {
  const folder = `${base}/public/${slugOf(cooperation.slug)}/data`;
  const iri = `${folder}/${dataset.key}`;
  const text = (lng: Language, part: "title" | "description") =>
    i18nFor(lng).t(`publication:datasets.${dataset.key}.${part}`, { name: cooperation.name });
  const keywords = (lng: Language) =>
    i18nFor(lng).t(`publication:datasets.${dataset.key}.keywords`, { returnObjects: true }) as string[];
  const files = dataset.formats.map((format) =>
    distributionQuads(iri, format, `${iri}.${FILE_TYPE[format].extension}`, (lng) =>
      i18nFor(lng).t(`publication:distributions.${format}`, { dataset: text(lng, "title") }),
    ),
  );
  // all.zip holds every CSV, so it is a distribution of each dataset published as CSV
  const bundle = dataset.formats.includes("CSV")
    ? [
        distributionQuads(iri, "ZIP", `${folder}/all.zip`, (lng) =>
          i18nFor(lng).t("publication:distributions.ZIP", { name: cooperation.name }),
        ),
      ]
    : [];
  const distributions = [...files, ...bundle];
  const node = namedNode(iri);
  const quads = [
    ...about(node, [
      [A, dcat("Dataset")],
      [dct("identifier"), literal(iri)],
      [dct("title"), inEveryLanguage((lng) => text(lng, "title"))],
      [dct("description"), inEveryLanguage((lng) => text(lng, "description"))],
      [dcat("keyword"), LANGUAGES.flatMap((lng) => keywords(lng).map((keyword) => literal(keyword, lng)))],
      [dcat("theme"), THEME],
      [dct("publisher"), responsible.publisher],
      [dcat("contactPoint"), responsible.contact],
      [dct("accessRights"), PUBLIC],
      [dct("language"), LANGUAGES.map((lng) => EU_LANGUAGE[lng])],
      [dct("modified"), day(dateOf(dataset.modified))],
      [dcat("distribution"), distributions.map(({ distribution }) => distribution)],
    ]),
    ...responsible.quads,
    ...distributions.flatMap(({ quads }) => quads),
  ];
  return { node, quads };
}

function cooperationParts(base: string, cooperation: PublishingCooperation) {
  const responsible = responsibleQuads(cooperation, `${base}/public/${slugOf(cooperation.slug)}#contact`);
  return { responsible, datasets: cooperation.datasets.map((dataset) => datasetQuads(base, cooperation, dataset, responsible)) };
}

interface CatalogDescription {
  iri: string;
  modified: string;
  text: (lng: Language, part: "title" | "description") => string;
  responsible: ReturnType<typeof responsibleQuads>;
  datasets: Array<{ node: NamedNode; quads: Quad[] }>;
}

function catalogQuads({ iri, modified, text, responsible, datasets }: CatalogDescription): Quad[] {
  return [
    ...about(namedNode(iri), [
      [A, dcat("Catalog")],
      [dct("title"), inEveryLanguage((lng) => text(lng, "title"))],
      [dct("description"), inEveryLanguage((lng) => text(lng, "description"))],
      [dct("publisher"), responsible.publisher],
      [dcat("contactPoint"), responsible.contact],
      [dct("language"), LANGUAGES.map((lng) => EU_LANGUAGE[lng])],
      [dct("modified"), day(dateOf(modified))],
      [dcat("dataset"), datasets.map(({ node }) => node)],
    ]),
    ...responsible.quads,
    ...datasets.flatMap(({ quads }) => quads),
  ];
}

/** The same statement made twice (a publisher every dataset names) is written once. */
function distinct(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = JSON.stringify([q.subject.id, q.predicate.id, q.object.id]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The catalogue at /public/{slug}/catalog: what one cooperation publishes. */
export function cooperationCatalog({ baseUrl, modified, cooperation }: CooperationCatalogInput): CatalogResult {
  const missing = missingDetails(cooperation.slug, cooperation);
  if (missing.length) return { ok: false, missing };
  const base = origin(baseUrl);
  const iri = `${base}/public/${slugOf(cooperation.slug)}/catalog`;
  const own = cooperation.description;
  const text = (lng: Language, part: "title" | "description") =>
    part === "description" && own?.language === lng && own.text.trim()
      ? own.text.trim()
      : i18nFor(lng).t(part === "title" ? "publication:catalog.cooperationTitle" : "publication:catalog.cooperationDescription", {
          name: cooperation.name,
        });
  const { responsible, datasets } = cooperationParts(base, cooperation);
  return { ok: true, quads: distinct(catalogQuads({ iri, modified, text, responsible, datasets })) };
}

/**
 * The catalogue at /public/catalog: every dataset of the cooperations given, each still published
 * by its own host municipality. The caller passes only cooperations that publish; any of them
 * lacking a required detail fails the whole catalogue, as it would fail its own.
 */
export function installationCatalog({ baseUrl, modified, operator, cooperations }: InstallationCatalogInput): CatalogResult {
  const missing = [
    ...missingDetails(null, operator),
    ...cooperations.flatMap((cooperation) => missingDetails(cooperation.slug, cooperation)),
  ];
  if (missing.length) return { ok: false, missing };
  const base = origin(baseUrl);
  const text = (lng: Language, part: "title" | "description") =>
    i18nFor(lng).t(part === "title" ? "publication:catalog.installationTitle" : "publication:catalog.installationDescription", {
      name: operator.name,
    });
  const responsible = responsibleQuads(operator, `${base}/public#contact`);
  const datasets = cooperations.flatMap((cooperation) => cooperationParts(base, cooperation).datasets);
  return { ok: true, quads: distinct(catalogQuads({ iri: `${base}/public/catalog`, modified, text, responsible, datasets })) };
}

function write(quads: Quad[], options: WriterOptions): Promise<string> {
  const writer = new Writer(options);
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

export function toTurtle(quads: Quad[]): Promise<string> {
  return write(quads, { prefixes: NS });
}

/** Short names for what the catalogue says, so the JSON-LD reads without knowing RDF. */
const CONTEXT = {
  ...NS,
  id: "@id",
  type: "@type",
  ...Object.fromEntries(
    (
      [
        ["title", "dct:title"],
        ["description", "dct:description"],
        ["keyword", "dcat:keyword"],
        ["fn", "vcard:fn"],
      ] as const
    ).map(([name, id]) => [name, { "@id": id, "@container": "@language" }]),
  ),
  ...Object.fromEntries(
    (
      [
        ["dataset", "dcat:dataset"],
        ["distribution", "dcat:distribution"],
        ["publisher", "dct:publisher"],
        ["contactPoint", "dcat:contactPoint"],
        ["hasEmail", "vcard:hasEmail"],
        ["theme", "dcat:theme"],
        ["accessRights", "dct:accessRights"],
        ["language", "dct:language"],
        ["accessURL", "dcat:accessURL"],
        ["downloadURL", "dcat:downloadURL"],
        ["format", "dct:format"],
        ["mediaType", "dcat:mediaType"],
        ["license", "dct:license"],
      ] as const
    ).map(([name, id]) => [name, { "@id": id, "@type": "@id" }]),
  ),
  identifier: "dct:identifier",
  modified: { "@id": "dct:modified", "@type": "xsd:date" },
} satisfies ContextDefinition;

export async function toJsonLd(quads: Quad[]) {
  const nquads = await write(quads, { format: "N-Quads" });
  const expanded = await jsonld.fromRDF(nquads, { format: "application/n-quads" });
  return jsonld.compact(expanded, CONTEXT);
}
