import jsonld, { type JsonLdDocument } from "jsonld";
import { Parser, Store, Writer, type Quad, type Term } from "n3";
import { describe, expect, it } from "vitest";
import {
  cooperationCatalog,
  installationCatalog,
  toJsonLd,
  toTurtle,
  type CatalogResult,
  type PublishingCooperation,
  type Responsible,
} from "../../app/open-data/catalog.server";
import { isOrganisationNumber } from "@shared-schema/publication";

const BASE = "https://fellesloft.example";
const PREFIXES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
};
const EU = "http://publications.europa.eu/resource/authority/";
const IANA = "https://www.iana.org/assignments/media-types/";

/** "dct:title" → the full IRI, so the table below reads like the profile. */
function expand(name: string): string {
  const [prefix, local] = name.split(":") as [keyof typeof PREFIXES, string];
  return PREFIXES[prefix] + local;
}

const sunnmore: PublishingCooperation = {
  slug: "ekommune-sunnmore",
  name: "eKommune Sunnmøre",
  description: { text: "Eit samarbeid om digitalisering mellom kommunane på Sunnmøre.", language: "nn" },
  organisationNumber: "958935420",
  contact: { name: "Kari Nordmann", email: "post@ekommune-sunnmore.no" },
  datasets: [
    { key: "measures", modified: "2026-11-30", formats: ["CSV", "JSON"] },
    { key: "uptake", modified: "2026-11-28", formats: ["CSV"] },
  ],
};

const vestland: PublishingCooperation = {
  slug: "digi-vestland-2",
  name: "Digi Vestland",
  description: null,
  organisationNumber: "964338531",
  contact: { name: null, email: "digi@vestland.example" },
  datasets: [
    { key: "plan-items", modified: "2026-10-01", formats: ["JSON", "CSV"] },
    { key: "report-figures", modified: "2026-06-15", formats: ["JSON"] },
  ],
};

const operator: Responsible = {
  name: "Fellesløft",
  organisationNumber: "974760673",
  contact: { name: null, email: "drift@fellesloft.example" },
};

function built(result: CatalogResult): Quad[] {
  if (!result.ok) throw new Error(`expected a catalogue, got ${JSON.stringify(result.missing)}`);
  return result.quads;
}

const cooperationQuads = () => built(cooperationCatalog({ baseUrl: BASE, modified: "2026-11-30", cooperation: sunnmore }));
const installationQuads = () =>
  built(installationCatalog({ baseUrl: `${BASE}/`, modified: "2026-11-30", operator, cooperations: [sunnmore, vestland] }));

/* What a value must be; a check answers with what is wrong, or null. */
type Check = (values: Term[], subject: Term, store: Store) => string | null;

const languages =
  (...tags: string[]): Check =>
  (values) => {
    const tagged = values
      .filter((v) => v.termType === "Literal" && v.value.trim() !== "")
      .map((v) => (v as { language: string }).language);
    const absent = tags.filter((tag) => !tagged.includes(tag));
    return absent.length ? `no text tagged ${absent.join(", ")}` : null;
  };
const text: Check = (values) => (values.some((v) => v.termType === "Literal" && v.value.trim()) ? null : "no text");
const iriMatching =
  (pattern: RegExp): Check =>
  (values) =>
    values.length && values.every((v) => v.termType === "NamedNode" && pattern.test(v.value))
      ? null
      : `not an IRI like ${pattern}`;
const oneOf =
  (...expected: string[]): Check =>
  (values) =>
    values.length && values.every((v) => v.termType === "NamedNode" && expected.includes(v.value))
      ? null
      : `not ${expected.join(" or ")}`;
const iri = (expected: string) => oneOf(expected);
const includes =
  (...expected: string[]): Check =>
  (values) => {
    const absent = expected.filter((e) => !values.some((v) => v.termType === "NamedNode" && v.value === e));
    return absent.length ? `lacks ${absent.join(", ")}` : null;
  };
const date: Check = (values) =>
  values.length === 1 &&
  values[0].termType === "Literal" &&
  [expand("xsd:date"), expand("xsd:dateTime")].includes(values[0].datatype.value) &&
  !Number.isNaN(Date.parse(values[0].value))
    ? null
    : "not one xsd:date or xsd:dateTime";
const instanceOf =
  (type: string): Check =>
  (values, _subject, store) =>
    values.length && values.every((v) => store.getQuads(v, expand("rdf:type"), expand(type), null).length)
      ? null
      : `not a ${type}`;
const ownIri: Check = (values, subject) =>
  values.some((v) => v.termType === "Literal" && v.value === subject.value) ? null : "not the resource's own IRI";
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const underBase = iriMatching(new RegExp(`^${escaped(BASE)}/public/[a-z0-9-]+/data/[a-z-]+\\.(csv|json|zip)$`));
const PUBLISHER = /^https:\/\/organization-catalog\.fellesdatakatalog\.digdir\.no\/organizations\/(\d{9})$/;
const publisher: Check = (values) =>
  iriMatching(PUBLISHER)(values, values[0], new Store()) ??
  (values.every((v) => isOrganisationNumber(PUBLISHER.exec(v.value)![1])) ? null : "not a valid organisation number");
const LANGUAGES = [`${EU}language/NOB`, `${EU}language/NNO`];

/** DCAT-AP-NO's mandatory properties (and the few this portal promises besides), class by class. */
const PROFILE: Array<[klass: string, property: string, check: Check]> = [
  ["dcat:Catalog", "dct:title", languages("nb", "nn", "en")],
  ["dcat:Catalog", "dct:description", languages("nb", "nn", "en")],
  ["dcat:Catalog", "dct:publisher", publisher],
  ["dcat:Catalog", "dcat:contactPoint", instanceOf("vcard:Organization")],
  ["dcat:Catalog", "dcat:dataset", instanceOf("dcat:Dataset")],
  ["dcat:Catalog", "dct:language", includes(...LANGUAGES)],
  ["dcat:Catalog", "dct:modified", date],
  ["dcat:Dataset", "dct:identifier", ownIri],
  ["dcat:Dataset", "dct:title", languages("nb", "nn", "en")],
  ["dcat:Dataset", "dct:description", languages("nb", "nn", "en")],
  ["dcat:Dataset", "dcat:contactPoint", instanceOf("vcard:Organization")],
  ["dcat:Dataset", "dcat:theme", iri(`${EU}data-theme/GOVE`)],
  ["dcat:Dataset", "dct:publisher", publisher],
  ["dcat:Dataset", "dcat:keyword", languages("nb")],
  ["dcat:Dataset", "dct:accessRights", iri(`${EU}access-right/PUBLIC`)],
  ["dcat:Dataset", "dct:modified", date],
  ["dcat:Dataset", "dcat:distribution", instanceOf("dcat:Distribution")],
  ["vcard:Organization", "vcard:fn", text],
  ["vcard:Organization", "vcard:hasEmail", iriMatching(/^mailto:[^@\s]+@[^@\s]+\.[a-z]+$/)],
  ["dcat:Distribution", "dcat:accessURL", underBase],
  ["dcat:Distribution", "dcat:downloadURL", underBase],
  ["dcat:Distribution", "dct:format", oneOf(...["CSV", "JSON", "ZIP"].map((type) => `${EU}file-type/${type}`))],
  [
    "dcat:Distribution",
    "dcat:mediaType",
    oneOf(...["text/csv", "application/json", "application/zip"].map((type) => IANA + type)),
  ],
  ["dcat:Distribution", "dct:license", iri("http://data.norge.no/nlod/no/2.0")],
  ["dcat:Distribution", "dct:title", languages("nb", "nn", "en")],
];

const instances = (store: Store, klass: string) => store.getSubjects(expand("rdf:type"), expand(klass), null);

/** Every breach of the profile in a graph: "dcat:Dataset <…> dct:title: no text tagged nn". */
function breaches(store: Store, rows = PROFILE): string[] {
  return rows.flatMap(([klass, property, check]) =>
    instances(store, klass).flatMap((subject) => {
      const problem = check(store.getObjects(subject, expand(property), null), subject, store);
      return problem ? [`${klass} <${subject.value}> ${property}: ${problem}`] : [];
    }),
  );
}

const parsed = async (quads: Quad[]) => new Store(new Parser().parse(await toTurtle(quads)));

function nquads(quads: Quad[]): string {
  return new Writer({ format: "N-Quads" }).quadsToString(quads);
}

// the typings take only JSON-LD, though canonize reads N-Quads when told so
const canonical = (nq: string) =>
  jsonld.canonize(nq as unknown as JsonLdDocument, {
    algorithm: "URDNA2015",
    inputFormat: "application/n-quads",
    format: "application/n-quads",
  });

describe.each([
  { catalogue: "a cooperation's", quads: cooperationQuads, datasets: 2, distributions: 5 },
  { catalogue: "the installation's", quads: installationQuads, datasets: 4, distributions: 9 },
])("$catalogue catalogue", ({ quads, datasets, distributions }) => {
  it("has one catalogue, its datasets and their distributions", async () => {
    const store = await parsed(quads());
    expect(instances(store, "dcat:Catalog")).toHaveLength(1);
    expect(instances(store, "dcat:Dataset")).toHaveLength(datasets);
    expect(instances(store, "dcat:Distribution")).toHaveLength(distributions);
    expect(instances(store, "vcard:Organization").length).toBeGreaterThan(0);
  });

  it("has every property DCAT-AP-NO makes mandatory, as the Turtle says it", async () => {
    expect(breaches(await parsed(quads()))).toEqual([]);
  });

  it.each(PROFILE)("%s without %s breaks the profile", async (klass, property) => {
    const store = await parsed(quads());
    for (const subject of instances(store, klass)) store.removeQuads(store.getQuads(subject, expand(property), null, null));
    expect(breaches(store).length).toBeGreaterThan(0);
  });

  it("gives each distribution the format, media type and file that belong together", async () => {
    const store = await parsed(quads());
    for (const distribution of instances(store, "dcat:Distribution")) {
      const [format] = store.getObjects(distribution, expand("dct:format"), null);
      const [mediaType] = store.getObjects(distribution, expand("dcat:mediaType"), null);
      const [file] = store.getObjects(distribution, expand("dcat:downloadURL"), null);
      const extension = file.value.split(".").pop()!;
      expect(format.value).toBe(`${EU}file-type/${extension.toUpperCase()}`);
      expect(mediaType.value).toBe(IANA + { csv: "text/csv", json: "application/json", zip: "application/zip" }[extension]);
    }
  });

  it("writes the same graph as JSON-LD as it does as Turtle", async () => {
    const graph = quads();
    const fromTurtle = new Parser().parse(await toTurtle(graph));
    const document = await toJsonLd(graph);
    const fromJsonLd = (await jsonld.toRDF(document, { format: "application/n-quads" })) as unknown as string;
    expect(fromTurtle).toHaveLength(graph.length);
    const canonicalTurtle = await canonical(nquads(fromTurtle));
    expect(canonicalTurtle.trim().split("\n")).toHaveLength(graph.length);
    expect(await canonical(fromJsonLd)).toBe(canonicalTurtle);
  });

  it("writes JSON-LD that reads with short names and language maps", async () => {
    const document = (await toJsonLd(quads())) as { "@graph": Array<Record<string, unknown>> };
    const dataset = document["@graph"].find((node) => node.type === "dcat:Dataset")!;
    expect(dataset.title).toEqual({ nb: expect.any(String), nn: expect.any(String), en: expect.any(String) });
    expect(dataset.theme).toBe(`${EU}data-theme/GOVE`);
  });

  it("uses only IRIs that need no escaping", async () => {
    const store = await parsed(quads());
    const iris = store
      .getQuads(null, null, null, null)
      .flatMap((q) => [q.subject, q.predicate, q.object].filter((t) => t.termType === "NamedNode"));
    for (const { value } of iris) {
      expect(value).toMatch(/^(https?:\/\/|mailto:)[A-Za-z0-9._~:/#@-]+$/);
      expect(encodeURI(value)).toBe(value);
    }
  });
});

describe("the installation's catalogue", () => {
  it("lists each cooperation's datasets under that cooperation's publisher and contact", async () => {
    const store = await parsed(installationQuads());
    const publisherOf = (key: string) =>
      store.getObjects(`${BASE}/public/${key}`, expand("dct:publisher"), null).map((term) => term.value.split("/").pop());
    expect(publisherOf("ekommune-sunnmore/data/measures")).toEqual(["958935420"]);
    expect(publisherOf("digi-vestland-2/data/report-figures")).toEqual(["964338531"]);
    expect(store.getObjects(`${BASE}/public/catalog`, expand("dct:publisher"), null).map((t) => t.value)).toEqual([
      "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/974760673",
    ]);
  });
});

describe("a cooperation's catalogue", () => {
  it("describes the cooperation in its own words in the language it wrote them, and in the portal's in the others", async () => {
    const store = await parsed(cooperationQuads());
    const descriptions = store.getObjects(`${BASE}/public/ekommune-sunnmore/catalog`, expand("dct:description"), null);
    const inLanguage = (lng: string) =>
      descriptions.filter((d) => (d as { language?: string }).language === lng).map((d) => d.value);
    expect(inLanguage("nn")).toEqual(["Eit samarbeid om digitalisering mellom kommunane på Sunnmøre."]);
    expect(inLanguage("nb")).toEqual([expect.stringContaining("eKommune Sunnmøre publiserer")]);
  });
});

describe("a catalogue lacking what the profile requires", () => {
  const withDetails = (details: Partial<PublishingCooperation>, contact: Partial<Responsible["contact"]> = {}) =>
    cooperationCatalog({
      baseUrl: BASE,
      modified: "2026-11-30",
      cooperation: { ...sunnmore, ...details, contact: { ...sunnmore.contact, ...contact } },
    });

  it("names a missing organisation number and e-mail address instead of being written", () => {
    expect(withDetails({ organisationNumber: null }, { email: null })).toEqual({
      ok: false,
      missing: [
        { cooperation: "ekommune-sunnmore", field: "organisationNumber", problem: "missing" },
        { cooperation: "ekommune-sunnmore", field: "contactEmail", problem: "missing" },
      ],
    });
    expect(withDetails({ organisationNumber: " " }, { email: "" })).toMatchObject({ ok: false, missing: { length: 2 } });
  });

  it("names an organisation number that fails its check digit, and an address that is none", () => {
    expect(withDetails({ organisationNumber: "958935421" }, { email: "post at kommune.no" })).toEqual({
      ok: false,
      missing: [
        { cooperation: "ekommune-sunnmore", field: "organisationNumber", problem: "invalid" },
        { cooperation: "ekommune-sunnmore", field: "contactEmail", problem: "invalid" },
      ],
    });
  });

  it("refuses the installation's catalogue for its operator and for each cooperation that lacks them", () => {
    const result = installationCatalog({
      baseUrl: BASE,
      modified: "2026-11-30",
      operator: { ...operator, organisationNumber: null },
      cooperations: [sunnmore, { ...vestland, contact: { name: null, email: null } }],
    });
    expect(result).toEqual({
      ok: false,
      missing: [
        { cooperation: null, field: "organisationNumber", problem: "missing" },
        { cooperation: "digi-vestland-2", field: "contactEmail", problem: "missing" },
      ],
    });
  });

  it("throws on a slug, base URL or date that would need escaping, which no setting can cause", () => {
    expect(() => withDetails({ slug: "eKommune Sunnmøre" })).toThrow(/slug/);
    expect(() => cooperationCatalog({ baseUrl: "https://x.example/a b", modified: "2026-11-30", cooperation: sunnmore })).toThrow(
      /base URL/,
    );
    expect(() => cooperationCatalog({ baseUrl: BASE, modified: "30.11.2026", cooperation: sunnmore })).toThrow(/date/);
  });
});

describe("organisation numbers", () => {
  it.each([
    ["974760673", "Brønnøysundregistrene"],
    ["958935420", "Oslo kommune"],
    ["964338531", "a number whose check digit is 1"],
  ])("accepts %s (%s)", (number) => {
    expect(isOrganisationNumber(number)).toBe(true);
  });

  it.each([
    ["974760672", "a wrong check digit"],
    ["123456789", "a wrong check digit"],
    ["000000060", "a remainder that calls for check digit 10"],
    ["97476067", "eight digits"],
    ["9747606730", "ten digits"],
    ["974 760 673", "spaces"],
    ["97476067a", "a letter"],
  ])("refuses %s (%s)", (number) => {
    expect(isOrganisationNumber(number)).toBe(false);
  });
});
