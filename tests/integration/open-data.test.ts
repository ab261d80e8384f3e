/*
 * The open data as a harvester and a spreadsheet user meet it, on SQLite and on PostgreSQL: each
 * dataset's CSV and JSON say the same with only the documented fields, the ZIP holds the CSVs as
 * downloaded, the catalogue describes exactly what is published and every address it gives
 * answers, each part turned off takes its datasets with it, and an ETag moves with the data.
 */
import { parse } from "csv-parse/sync";
import { unzipSync, strFromU8 } from "fflate";
import jsonld from "jsonld";
import { Parser, Store } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveUptakeReports } from "../../app/uptake/report.server";
import { DATASETS, type DatasetKey } from "../../app/open-data/datasets.server";
import { PUBLIC_PARTS, type PublicPart } from "../../shared-schema/publication";
import { EKOMMUNE, KNUTEPUNKT } from "../../seeds/demo-content";
import { publishParts } from "../support/publication";
import { cooperationIdOf, currentMunicipalityId, statusReport, userIdByEmail } from "../support/queries";
import { onEachDemoDatabase, startServer, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const DATA = `/public/${SLUG}/data`;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const KEYS = Object.keys(DATASETS) as DatasetKey[];
const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/** Which parts each dataset is made of: written out here, not taken from the code under test. */
const MADE_OF: Record<DatasetKey, PublicPart[]> = {
  measures: ["plan", "matrix"],
  "plan-items": ["plan"],
  uptake: ["matrix"],
  "report-figures": ["reports"],
};

const expectedDatasets = (parts: readonly PublicPart[]) =>
  parts.includes("data") ? KEYS.filter((key) => MADE_OF[key].some((part) => parts.includes(part))) : [];

async function get(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, server.url), { headers, redirect: "manual" });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const publish = (server: TestServer, parts: readonly PublicPart[]) => publishParts(server.db, SLUG, SECRETARIAT, parts);

/** A CSV cell as the JSON value it stands for: the decimal comma read back, empty as null. */
function fromCell(cell: string, type: string): string | number | null {
  if (cell === "") return null;
  if (type === "integer" || type === "number") return Number(cell.replace(",", "."));
  return cell;
}

function catalogStore(turtle: string): Store {
  return new Store(new Parser().parse(turtle));
}

const datasetsIn = (store: Store) =>
  store
    .getSubjects(RDF_TYPE, `${DCAT}Dataset`, null)
    .map((s) => s.value.split("/").pop()!)
    .sort();

let server: TestServer;

onEachDemoDatabase(
  (opened) => {
    server = opened;
  },
  () => {
    it("gives each dataset as CSV and JSON that say the same, with the documented fields only", async () => {
      for (const key of KEYS) {
        const columns = DATASETS[key].columns;
        const csv = await get(server, `${DATA}/${key}.csv`);
        const json = await get(server, `${DATA}/${key}.json`);
        expect([csv.status, json.status], key).toEqual([200, 200]);
        expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect([...csv.bytes.slice(0, 3)], `${key} starts with a byte order mark`).toEqual([0xef, 0xbb, 0xbf]);
        const records = parse(text(csv.bytes), { delimiter: ";", bom: true }) as string[][];
        const [header, ...rows] = records;
        expect(header, key).toEqual(columns.map((c) => c.name));
        const objects = JSON.parse(text(json.bytes)) as Record<string, unknown>[];
        expect(objects.length, `${key} has rows`).toBeGreaterThan(0);
        expect(rows.length, key).toBe(objects.length);
        objects.forEach((object, i) => {
          expect(Object.keys(object), `${key} row ${i}`).toEqual(header);
          const fromCsv = Object.fromEntries(columns.map((c, j) => [c.name, fromCell(rows[i][j], c.type)]));
          expect(fromCsv, `${key} row ${i}`).toEqual(object);
        });
      }
    });

    it("puts one row per observation, the year first and a municipality as its number and name", async () => {
      const uptake = JSON.parse(text((await get(server, `${DATA}/uptake.json`)).bytes)) as Record<string, unknown>[];
      for (const row of uptake) {
        expect(row.municipality_number).toMatch(/^\d{4}$/);
        expect(typeof row.municipality_name).toBe("string");
      }
      const keys = uptake.map((r) => `${r.year}|${r.measure_number}|${r.municipality_number}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of KEYS.filter((k) => k !== "measures")) {
        expect(DATASETS[key].columns[0].name, key).toBe("year");
      }
    });

    it("puts every CSV in the ZIP as it downloads on its own", async () => {
      const zip = await get(server, `${DATA}/all.zip`);
      expect(zip.status).toBe(200);
      expect(zip.headers.get("content-type")).toBe("application/zip");
      const entries = unzipSync(zip.bytes);
      expect(Object.keys(entries).sort()).toEqual(KEYS.map((k) => `${k}.csv`).sort());
      for (const key of KEYS) {
        expect(strFromU8(entries[`${key}.csv`]), key).toBe(text((await get(server, `${DATA}/${key}.csv`)).bytes));
      }
    });

    it("describes every published dataset in a catalogue whose every address answers", async () => {
      const turtle = await get(server, `/public/${SLUG}/catalog.ttl`);
      expect(turtle.status).toBe(200);
      expect(turtle.headers.get("content-type")).toBe("text/turtle; charset=utf-8");
      const store = catalogStore(text(turtle.bytes));
      expect(datasetsIn(store)).toEqual([...KEYS].sort());
      const urls = store.getObjects(null, `${DCAT}accessURL`, null).map((o) => o.value);
      expect(urls.length).toBeGreaterThanOrEqual(KEYS.length * 2);
      for (const url of new Set(urls)) {
        expect(new URL(url).origin).toBe(server.origin);
        expect((await get(server, url)).status, url).toBe(200);
      }
      for (const dataset of store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null)) {
        const landing = await get(server, dataset.value);
        expect(landing.status, dataset.value).toBe(303);
        expect((await get(server, landing.headers.get("location")!)).status).toBe(200);
      }
      const fromJsonLd = await jsonld.toRDF(JSON.parse(text((await get(server, `/public/${SLUG}/catalog.jsonld`)).bytes)), {
        format: "application/n-quads",
      });
      expect(new Store(new Parser({ format: "N-Quads" }).parse(fromJsonLd as unknown as string)).size).toBe(store.size);
    });

    it("shows exactly what each setting publishes, and nothing of a part turned off", async () => {
      const combinations: PublicPart[][] = [
        ...PUBLIC_PARTS.map((off) => PUBLIC_PARTS.filter((part) => part !== off)),
        ["data", "plan"],
        ["data", "reports"],
        ["data"],
      ];
      try {
        for (const parts of combinations) {
          await publish(server, parts);
          const expected = expectedDatasets(parts);
          const label = parts.join(",");
          const page = await get(server, DATA);
          expect(page.status, label).toBe(parts.includes("data") ? 200 : 404);
          for (const key of KEYS) {
            for (const format of ["csv", "json"]) {
              expect((await get(server, `${DATA}/${key}.${format}`)).status, `${label}: ${key}.${format}`).toBe(
                expected.includes(key) ? 200 : 404,
              );
            }
          }
          const zip = await get(server, `${DATA}/all.zip`);
          expect(zip.status, `${label}: all.zip`).toBe(expected.length ? 200 : 404);
          if (expected.length)
            expect(Object.keys(unzipSync(zip.bytes)).sort(), label).toEqual(expected.map((k) => `${k}.csv`).sort());
          const catalog = await get(server, `/public/${SLUG}/catalog.ttl`);
          expect(catalog.status, `${label}: catalog`).toBe(parts.includes("data") ? 200 : 404);
          if (catalog.status === 200) expect(datasetsIn(catalogStore(text(catalog.bytes))), label).toEqual([...expected].sort());
        }
      } finally {
        await publish(server, PUBLIC_PARTS);
      }
    });

    it("is the same 404 for a cooperation that publishes nothing as for none", async () => {
      for (const path of ["/data", "/data/uptake.csv", "/data/all.zip", "/catalog.ttl", "/catalog.jsonld"]) {
        const nothing = await get(server, `/public/${KNUTEPUNKT.slug}${path}`);
        const none = await get(server, `/public/finst-ikkje${path}`);
        expect([nothing.status, none.status], path).toEqual([404, 404]);
      }
      expect((await get(server, `${DATA}/finst-ikkje.csv`)).status).toBe(404);
      expect((await get(server, `${DATA}/uptake.xml`)).status).toBe(404);
    });

    it("moves a file's ETag when its data changes, and not otherwise", async () => {
      const path = `${DATA}/uptake.csv`;
      const first = await get(server, path);
      const etag = first.headers.get("etag")!;
      expect((await get(server, path)).headers.get("etag")).toBe(etag);
      expect((await get(server, path, { "If-None-Match": etag })).status).toBe(304);

      const rows = JSON.parse(text((await get(server, `${DATA}/uptake.json`)).bytes)) as Record<string, string | number>[];
      const giske = rows.find((r) => r.year === 2014 && r.municipality_number === "1532")!;
      const cooperationId = await cooperationIdOf(server.db, SLUG);
      const measure = await server.db
        .selectFrom("measure")
        .select("id")
        .where("cooperation_id", "=", cooperationId)
        .where("number", "=", Number(giske.measure_number))
        .executeTakeFirstOrThrow();
      const next = giske.uptake_status === "realised" ? "in_use" : "realised";
      await saveUptakeReports(server.db, {
        cooperationId,
        municipalityId: await currentMunicipalityId(server.db, "1532"),
        userId: await userIdByEmail(server.db, "ikt@giske.example"),
        reports: [statusReport(measure.id, next, "2014-12-31")],
      });

      const after = await get(server, path, { "If-None-Match": etag });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(etag);
      const changed = (parse(text(after.bytes), { delimiter: ";", bom: true, columns: true }) as Record<string, string>[]).find(
        (r) => r.year === "2014" && r.municipality_number === "1532" && r.measure_number === String(giske.measure_number),
      );
      expect(changed?.uptake_status).toBe(next);
    });
  },
);

describe("the installation's catalogue", () => {
  let bare: TestServer;

  beforeAll(async () => {
    [server, bare] = await Promise.all([
      startServer({ OPERATOR_ORGANISATION_NUMBER: "974760673", OPERATOR_CONTACT_EMAIL: "drift@fellesloft.example" }),
      startServer(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([server?.stop(), bare?.stop()]);
  });

  it("names every publishing cooperation's datasets under the operator, once its details are set", async () => {
    const turtle = await get(server, "/public/catalog.ttl");
    expect(turtle.status).toBe(200);
    const store = catalogStore(text(turtle.bytes));
    const catalog = store.getSubjects(RDF_TYPE, `${DCAT}Catalog`, null);
    expect(catalog.map((c) => c.value)).toEqual([`${server.origin}/public/catalog`]);
    expect(store.getObjects(catalog[0], `${DCT}publisher`, null).map((p) => p.value)).toEqual([
      "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/974760673",
    ]);
    const datasets = store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null).map((d) => d.value);
    expect(datasets.sort()).toEqual(KEYS.map((k) => `${server.origin}${DATA}/${k}`).sort());
    expect((await get(server, "/public/catalog.jsonld")).status).toBe(200);
    expect(text((await get(server, "/public")).bytes)).toContain('href="/public/catalog.ttl"');
  });

  it("is not offered where the installation does not say who runs it", async () => {
    expect((await get(bare, "/public/catalog.ttl")).status).toBe(404);
    expect((await get(bare, "/public/catalog.jsonld")).status).toBe(404);
    expect(text((await get(bare, "/public")).bytes)).not.toContain("/public/catalog.ttl");
  });
});
