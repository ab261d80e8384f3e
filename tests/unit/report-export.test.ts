import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { i18nFor } from "../../app/i18n/i18n.server";
import { contentDisposition } from "../../app/report/export/content-disposition.server";
import { csvDecimal, csvMoney, csvPercent, reportCsv } from "../../app/report/export/csv.server";
import { PdfFontMissingError } from "../../app/report/export/fonts.server";
import { planPdf, reportPdf, stopPdfWorkers } from "../../app/report/export/pdf.server";
import { TEXTS } from "../support/texts";
import { NUMBER_FORMATS, reportXlsx, sheetName } from "../../app/report/export/xlsx.server";
import type { MatrixCell } from "../../app/overview/figures";
import { FIXTURE_TEXTS, largeReportFixture, planSnapshotFixture, reportFixture } from "../support/report-fixture";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const t = i18nFor("nn").t;
const statusText = (c: MatrixCell) =>
  c === "not_reported" ? "Ikkje rapportert" : c === "not_participating" ? "Er ikkje med" : t(`common:uptakeStatus.${c}`);

/**
 * RFC 4180 with ";" — written here rather than taken from a package (csv-parse) so that the test
 * does not share assumptions with the writer, and because twenty lines need no dependency.
 */
function parseCsv(text: string, separator = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) (row.push(field), (field = ""));
    else if (c === "\r" && text[i + 1] === "\n") {
      (row.push(field), rows.push(row), (row = []), (field = ""), i++);
    } else if (c === "\n" || c === "\r") throw new Error(`bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (field !== "" || row.length) throw new Error("the last record has no CRLF");
  return rows;
}

/** The rows of one section: from its title row to the empty row that ends it. */
function section(rows: string[][], title: string) {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
  expect(start, `section ${title}`).toBeGreaterThan(-1);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === "");
  return { header: rows[start + 1], data: rows.slice(start + 2, end) };
}

const kroner = (ore: number) => (ore / 100).toFixed(2).replace(".", ",");

function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
  try {
    const file = path.join(dir, "r.pdf");
    writeFileSync(file, pdf);
    const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
    return execFileSync("pdftotext", [...range, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("pdftotext is missing: install the Debian package poppler-utils (.ci/run does)");
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageCount = (text: string) => text.split("\f").length - 1;

describe("report CSV", () => {
  const doc = reportFixture();
  const csv = reportCsv(doc);
  const rows = parseCsv(csv.slice(1));

  it("is UTF-8 with a BOM, separated by ';' with CRLF line ends", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(rows[0]).toEqual(["Årsrapport 2014 – eKommune Sunnmøre"]);
    expect(rows[1]).toEqual(["Publisert 2. mars 2015 av Kari Nordmann"]);
  });

  it("has the plan items with æøå, quoting and Norwegian numbers intact", () => {
    const plan = section(rows, "Handlingsplanen");
    expect(plan.header).toEqual([
      "Nr.",
      "Tiltak",
      "Status for tiltaket",
      "Statustekst",
      "Budsjett (kr)",
      "Prioritet",
      "Milepælar",
      "Kommunar der tiltaket er aktuelt",
      "Kommunar som har teke tiltaket i bruk",
      "Innføring (%)",
    ]);
    const items = doc.figures.plan!.items;
    expect(plan.data.slice(0, items.length)).toEqual(
      items.map((i) => [
        String(i.number),
        i.name,
        t(`common:measureStatus.${i.status}`),
        i.statusText ?? "",
        kroner(i.budget),
        i.priority === null ? "" : String(i.priority),
        i.milestones,
        String(i.uptake.relevant),
        String(i.uptake.inUse),
        i.uptake.ratio === null ? "" : (i.uptake.ratio * 100).toFixed(1).replace(".", ","),
      ]),
    );
    expect(plan.data[0][4]).toBe("1250000,50");
    expect(plan.data[1][1]).toBe(FIXTURE_TEXTS.sak);
    expect(plan.data[2][1]).toBe(FIXTURE_TEXTS.dialog);
    expect(plan.data[0][6]).toBe("Pilot i Ørskog innan mars\nAlle skular innan august");
    expect(plan.data[3]).toEqual(["", "Sum", "", "", "3250000,50"]);
    // the raw text shows the quoting: ";" and doubled quotes inside a quoted field
    expect(csv).toContain(';"Felles sak- og arkivsystem; fase 2";');
    expect(csv).toContain('"Opplæring i «Digital dialog» og ""superbrukarar"""');
  });

  it("has the uptake matrix: measures × municipalities with the translated status", () => {
    const matrix = section(rows, "Innføring i kommunane");
    expect(matrix.header).toEqual([
      "Satsingsområde",
      "Nr.",
      "Tiltak",
      "Status for tiltaket",
      "Ålesund",
      "Ørskog",
      "Sykkylven",
      "Sula",
      "Giske",
      "Haram",
      "Innføring (%)",
    ]);
    const measures = doc.figures.matrix.groups.flatMap((g) => g.measures.map((m) => ({ ...m, group: g.title })));
    expect(matrix.data.slice(0, measures.length)).toEqual(
      measures.map((m) => [
        m.group,
        String(m.number),
        m.name,
        t(`common:measureStatus.${m.status}`),
        ...m.cells.map(statusText),
        m.uptake.ratio === null ? "" : (m.uptake.ratio * 100).toFixed(1).replace(".", ","),
      ]),
    );
    expect(matrix.data[0].slice(4, 10)).toEqual([
      "Teke i bruk",
      "Gevinst realisert",
      "Under innføring",
      "Teke i bruk",
      "Planlagt",
      "Ikkje rapportert",
    ]);
    expect(matrix.data.at(-1)).toEqual([
      "",
      "",
      "Innføring per kommune (%)",
      "",
      "60,0",
      "50,0",
      "25,0",
      "40,0",
      "40,0",
      "20,0",
      "39,3",
    ]);
  });

  it("has progress, costs, benefits and comments", () => {
    const progress = section(rows, "Framdrift per satsingsområde og mål");
    expect(progress.data).toEqual([
      ["Digital samhandling", "Heile satsingsområdet", "3", "58,3"],
      ["Digital samhandling", "Innbyggjarane skal møte éin digital kommune", "2", "66,7"],
      ["Digital samhandling", "Felles arkiv; felles rutinar", "1", ""],
      ["Digital kompetanse", "Heile satsingsområdet", "2", ""],
    ]);

    const costs = section(rows, "Kostnader per kommune");
    const c = doc.figures.costs;
    expect(costs.header.slice(0, 4)).toEqual([
      "Kommune",
      "Investering (kr)",
      "Drift per år (kr)",
      "3. Innføring av Feide i kommunane: investering (kr)",
    ]);
    expect(costs.data.slice(0, c.municipalities.length)).toEqual(
      c.municipalities.map((m) => [
        m.name,
        kroner(m.totalInvestment),
        kroner(m.totalRunning),
        ...m.shares.flatMap((s) => (s ? [kroner(s.investment), kroner(s.running)] : ["", ""])),
      ]),
    );
    const sykkylven = costs.data.find((r) => r[0] === "Sykkylven")!;
    expect(sykkylven.slice(5, 7)).toEqual(["", ""]);
    expect(costs.data.at(-1)!.slice(0, 3)).toEqual(["Sum", "2450000,00", "530000,50"]);

    const benefits = section(rows, "Realiserte gevinstar");
    expect(benefits.data).toEqual([
      ["3", FIXTURE_TEXTS.feide, "Ørskog", "Spart tid på brukaradministrasjon", "120,5", "timar per år", "2000"],
      ["7", FIXTURE_TEXTS.ehf, "Sykkylven", "Lågare kostnad per faktura", "250000", "kr per år", ""],
      ["7", FIXTURE_TEXTS.ehf, "Ålesund", "Færre purringar", "12", "", ""],
    ]);

    const comments = section(rows, "Kommentarar frå kommunane");
    expect(comments.header).toEqual(["Dato", "Nr.", "Tiltak", "Kommune", "Skriven av", "Kommentar"]);
    expect(comments.data).toEqual([
      ["2014-10-03", "5", FIXTURE_TEXTS.sak, "Sula", "Åse Ødegård", FIXTURE_TEXTS.comment],
      // a timestamp becomes its day in Norway; text that looks like a formula is defused for Excel
      ["2014-11-12", "3", FIXTURE_TEXTS.feide, "Ørskog", "Per Ørjasæter", `'${FIXTURE_TEXTS.formulaComment}`],
      ["2014-12-19", "", "", "", "Sekretariatet", "Rapporteringa for 2014 er lukka."],
    ]);
  });

  it("names the measure of a comment on a measure that is not in the year's matrix", () => {
    const doc = reportFixture();
    doc.figures.comments.push({
      measureNumber: 65,
      measureName: "Elektronisk arkiv (avslutta)",
      municipality: "Giske",
      author: "Kari Nordmann",
      date: "2014-12-01",
      text: "Avslutta i 2013.",
    });
    const comments = section(parseCsv(reportCsv(doc).slice(1)), "Kommentarar frå kommunane");
    expect(comments.data).toContainEqual([
      "2014-12-01",
      "65",
      "Elektronisk arkiv (avslutta)",
      "Giske",
      "Kari Nordmann",
      "Avslutta i 2013.",
    ]);
  });

  it("writes numbers the way Excel in nb-NO reads them", () => {
    expect(csvMoney(1_250_000_50)).toBe("1250000,50");
    expect(csvMoney(5)).toBe("0,05");
    expect(csvMoney(-1_234_567)).toBe("-12345,67");
    expect(csvPercent(2 / 3)).toBe("66,7");
    expect(csvPercent(1)).toBe("100,0");
    expect(csvDecimal(120.5)).toBe("120,5");
    expect(csvDecimal(0.0000001)).toBe("0");
    expect(csvDecimal(1e20)).toBe("100000000000000000000");
    expect(csv).not.toMatch(/\d[\u00a0\u202f ]\d{3}[;,]/);
  });

  it("follows the report's language and says when it is a draft", () => {
    const en = parseCsv(reportCsv(reportFixture({ language: "en", published: false })).slice(1));
    expect(en[1]).toEqual(["Draft – preview, not published"]);
    expect(section(en, "Uptake in the municipalities").data[0].slice(4, 6)).toEqual(["In use", "Benefit realised"]);
    const nb = parseCsv(reportCsv(reportFixture({ language: "nb" })).slice(1));
    expect(section(nb, "Innføring i kommunene").data[0][4]).toBe("Tatt i bruk");
  });
});

describe("report XLSX", () => {
  const doc = reportFixture();
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const xlsx = await reportXlsx(doc);
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
    book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  });

  it("has one translated worksheet per section, each with a frozen, filtered header", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(TEXTS.nn.reportExport.sheets));
    for (const sheet of book.worksheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getCell("A1").font?.bold, sheet.name).toBe(true);
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      for (const column of sheet.columns) expect(column.width ?? 0).toBeGreaterThanOrEqual(8);
    }
  });

  it("types numbers as numbers, money as NOK and ratios as percent", () => {
    const plan = book.getWorksheet("Handlingsplan")!;
    expect(plan.getRow(1).values).toEqual([
      undefined,
      "Nr.",
      "Tiltak",
      "Status for tiltaket",
      "Statustekst",
      "Budsjett (kr)",
      "Prioritet",
      "Milepælar",
      "Kommunar der tiltaket er aktuelt",
      "Kommunar som har teke tiltaket i bruk",
      "Innføring (%)",
    ]);
    const items = doc.figures.plan!.items;
    items.forEach((item, i) => {
      const row = plan.getRow(i + 2);
      expect(row.getCell(1)).toMatchObject({ type: ExcelJS.ValueType.Number, value: item.number });
      expect(row.getCell(2).value).toBe(item.name);
      expect(row.getCell(5)).toMatchObject({
        type: ExcelJS.ValueType.Number,
        value: item.budget / 100,
        numFmt: NUMBER_FORMATS.money,
      });
      expect(row.getCell(10).value).toBe(item.uptake.ratio);
      expect(row.getCell(10).numFmt).toBe(NUMBER_FORMATS.percent);
    });
    expect(plan.getCell("E2").value).toBe(1_250_000.5);
    expect(plan.getCell("G2").value).toBe(FIXTURE_TEXTS.milestones);
    expect(plan.getCell("F4").value).toBeNull();
    // totals below an empty row, outside the filter
    expect(plan.autoFilter).toBe("A1:J4");
    expect(plan.getRow(6).getCell(2).value).toBe("Sum");
    expect(plan.getRow(6).getCell(5).value).toBe(3_250_000.5);

    const summary = book.getWorksheet("Samandrag")!;
    const uptake = summary.getColumn(1).values.indexOf("Samla innføring (%)");
    expect(summary.getRow(uptake).getCell(2)).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: NUMBER_FORMATS.percent });
    expect(summary.getRow(uptake).getCell(2).value).toBeCloseTo(doc.figures.matrix.total.ratio!, 10);
  });

  it("has the matrix, the costs and dated comments equal to the figures", () => {
    const matrix = book.getWorksheet("Innføring")!;
    expect(matrix.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 3 });
    expect((matrix.getRow(1).values as unknown[]).slice(5, 11)).toEqual([
      "Ålesund",
      "Ørskog",
      "Sykkylven",
      "Sula",
      "Giske",
      "Haram",
    ]);
    const first = doc.figures.matrix.groups[0].measures[0];
    expect((matrix.getRow(2).values as unknown[]).slice(1)).toEqual([
      "Digital samhandling",
      3,
      FIXTURE_TEXTS.feide,
      "Klart til bruk",
      ...first.cells.map(statusText),
      first.uptake.ratio,
    ]);

    const costs = book.getWorksheet("Kostnader")!;
    doc.figures.costs.municipalities.forEach((m, i) => {
      const row = costs.getRow(i + 2);
      expect(row.getCell(1).value).toBe(m.name);
      expect(row.getCell(2)).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: NUMBER_FORMATS.money });
      expect(row.getCell(2).value).toBeCloseTo(m.totalInvestment / 100, 6);
      expect(row.getCell(3).value).toBeCloseTo(m.totalRunning / 100, 6);
    });

    const comments = book.getWorksheet("Kommentarar")!;
    expect(comments.getCell("A3")).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: "dd.mm.yyyy" });
    expect((comments.getCell("A3").value as Date).toISOString()).toBe("2014-11-12T00:00:00.000Z");
    expect(comments.getCell("F2").value).toBe(FIXTURE_TEXTS.comment);
    // a workbook cell holds text, never a formula
    expect(comments.getCell("F3")).toMatchObject({ type: ExcelJS.ValueType.String, value: FIXTURE_TEXTS.formulaComment });

    const benefits = book.getWorksheet("Gevinstar")!;
    expect(benefits.getCell("E2")).toMatchObject({ type: ExcelJS.ValueType.Number, value: 120.5 });
    expect(benefits.getCell("G3").value).toBeNull();
  });

  it("makes valid, unique sheet names", () => {
    const taken = new Set<string>();
    expect(sheetName("Kostnader per kommune [2014]: fordeling/andel*?", taken, "1")).toBe("Kostnader per kommune 2014 ford");
    expect(sheetName("Kostnader per kommune  2014  fordeling", taken, "2")).toBe("Kostnader per kommune 2014 (2)");
    expect(sheetName("'''", taken, "3")).toBe("3");
    for (const name of taken) expect(name).not.toMatch(/[[\]:*?/\\]/);
  });
});

describe("report PDF", () => {
  afterAll(() => stopPdfWorkers());

  it("renders the report with æøå, page numbers and the matrix legend", { timeout: 120_000 }, async () => {
    const pdf = await reportPdf(reportFixture());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    const pages = pageCount(text);
    expect(pages).toBeGreaterThanOrEqual(8);
    for (const name of [FIXTURE_TEXTS.feide, "Ørskog", "Sykkylven", "Åse Ødegård", "eKommune Sunnmøre"])
      expect(text).toContain(name);
    expect(text).toContain("Publisert 2. mars 2015 av Kari Nordmann");
    expect(text).toContain(`side 1 av ${pages}`);
    expect(text).toContain(`side ${pages} av ${pages}`);
    expect(text).toContain("TB = Teke i bruk");
    expect(text).toContain("Året 2014 var prega av Feide og EHF.");
  });

  it("says 'draft' on a preview", { timeout: 120_000 }, async () => {
    const text = pdfText(await reportPdf(reportFixture({ language: "en", published: false })));
    expect(text).toContain("Draft – preview, not published");
    expect(text).toMatch(/page 1 of \d+/);
  });

  it("repeats the matrix header on every page the matrix runs over", { timeout: 180_000 }, async () => {
    const doc = largeReportFixture();
    const pdf = await reportPdf(doc);
    const pages = pdfText(pdf).split("\f");
    const numbers = doc.figures.matrix.municipalities.map((m) => m.number);
    // the matrix section runs from its heading to the next section's (page 1 lists them all)
    const from = pages.findIndex((p, i) => i > 0 && p.includes("3. Innføring i kommunane"));
    const to = pages.findIndex((p, i) => i > 0 && p.includes("4. Framdrift per satsingsområde og mål"));
    const matrixPages = pages.map((p, i) => ({ p, i })).slice(from, to);
    expect(from).toBeGreaterThan(0);
    expect(matrixPages.length).toBeGreaterThanOrEqual(3);
    for (const { p, i } of matrixPages) {
      expect(p, `page ${i + 1}`).toMatch(/Tiltak \d+: Innføring av Feide/);
      expect(p, `page ${i + 1}`).toContain("Nr.");
      for (const n of [numbers[0], numbers.at(-1)!]) expect(p, `page ${i + 1}`).toContain(n);
    }
    // the second page of the matrix, on its own: a continuation has the header and no key
    const second = matrixPages[1].i + 1;
    const alone = pdfText(pdf, { first: second, last: second });
    expect(alone).not.toContain("Forklaring");
    expect(alone).toContain("Nr.");
    expect(alone).toContain("Tiltak");
    expect(alone).toContain(numbers[12]);
    expect(alone).toContain(`side ${second} av ${pages.length - 1}`);
  });

  it("renders off the main thread: the event loop stays mostly idle during a large render", { timeout: 180_000 }, async () => {
    // the stress size: the large one now renders in about half a second, too close to the 500 ms below
    const doc = largeReportFixture({ measures: 200, municipalities: 40 });
    // the share of time the main thread's event loop was busy: about 1 for a render on it; unlike
    // gaps between timer ticks, it does not grow when other processes take the cores
    const before = performance.eventLoopUtilization();
    const started = performance.now();
    const pdf = await reportPdf(doc);
    const busy = performance.eventLoopUtilization(before);
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(performance.now() - started).toBeGreaterThan(500);
    expect(busy.utilization).toBeLessThan(0.5);
  });

  it("renders the approved plan: decision, items, each municipality's share", { timeout: 120_000 }, async () => {
    const pdf = await planPdf(planSnapshotFixture(), { cooperationName: "eKommune Sunnmøre", language: "nn" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    const pages = pageCount(text);
    for (const expected of [
      "Handlingsplan 2014",
      "Godkjend versjon 2",
      "Rådmannsutvalet",
      "21/14",
      "Rådmannsutvalet godkjenner handlingsplanen for 2014.",
      FIXTURE_TEXTS.feide,
      FIXTURE_TEXTS.sak,
      "1 250 000,50",
      "Pilot i Ørskog innan mars",
      "2014–2016",
      "Kostnadsdeling 2014",
      "Sykkylven",
      "Ålesund",
      "Fordelinga kan ikkje reknast ut",
      `side 1 av ${pages}`,
    ]) {
      expect(text.replace(/[\u00a0\u202f]/g, " ")).toContain(expected);
    }
  });

  it("names the missing font package", () => {
    expect(new PdfFontMissingError(["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]).message).toContain("fonts-dejavu-core");
  });
});

describe("PDF worker outside the test runner", () => {
  const fixture = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "report-worker-"));
    writeFileSync(path.join(dir, "doc.json"), JSON.stringify(reportFixture()));
    return dir;
  };
  const renderScript = (moduleUrl: string, docFile: string) => `
    import { readFileSync } from "node:fs";
    const { reportPdf, stopPdfWorkers } = await import(${JSON.stringify(moduleUrl)});
    const pdf = await reportPdf(JSON.parse(readFileSync(${JSON.stringify(docFile)}, "utf8")));
    process.stdout.write(pdf.subarray(0, 5).toString("latin1") + " " + pdf.length);
    await stopPdfWorkers();
  `;

  it("works from a tsx script that imports the module by path, from another directory", { timeout: 120_000 }, () => {
    const dir = fixture();
    try {
      const script = path.join(dir, "render.mts");
      const source = pathToFileURL(path.join(ROOT, "app/report/export/pdf.server.ts")).href;
      writeFileSync(script, renderScript(source, path.join(dir, "doc.json")));
      const run = spawnSync(
        process.execPath,
        ["--import", pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href, script],
        {
          cwd: dir,
          encoding: "utf8",
          timeout: 100_000,
        },
      );
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/^%PDF- \d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("works from a bundle like Remix's build/index.js, run by plain node", { timeout: 120_000 }, async () => {
    const dir = fixture();
    try {
      // esbuild is what the Remix compiler bundles the server with (same format and platform)
      const { build } = await import("esbuild");
      const bundle = path.join(dir, "build", "index.mjs");
      await build({
        entryPoints: [path.join(ROOT, "app/report/export/pdf.server.ts")],
        bundle: true,
        format: "esm",
        platform: "node",
        target: "node18",
        packages: "external",
        outfile: bundle,
        logLevel: "silent",
      });
      const script = path.join(dir, "render.mjs");
      writeFileSync(script, renderScript(pathToFileURL(bundle).href, path.join(dir, "doc.json")));
      // from the repository root, as the server runs; the bundle is elsewhere, so the worker is found by the working directory
      const run = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: "utf8", timeout: 100_000 });
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/^%PDF- \d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("content disposition", () => {
  it("gives the exact name in filename* and an ASCII stand-in", () => {
    expect(contentDisposition("Årsrapport 2014 – eKommune Sunnmøre.pdf")).toBe(
      "attachment; filename=\"Arsrapport 2014 _ eKommune Sunnmore.pdf\"; filename*=UTF-8''%C3%85rsrapport%202014%20%E2%80%93%20eKommune%20Sunnm%C3%B8re.pdf",
    );
    expect(contentDisposition("Kostnader (Ørskog) 'utkast'*.csv", "inline")).toBe(
      "inline; filename=\"Kostnader (Orskog) 'utkast'*.csv\"; filename*=UTF-8''Kostnader%20%28%C3%98rskog%29%20%27utkast%27%2A.csv",
    );
    const hostile = contentDisposition('a"b\r\nSet-Cookie: x=1/../c\\d.pdf');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toMatch(/^attachment; filename="a_b Set-Cookie: x=1 .. c d.pdf"; filename\*=UTF-8''/);
    expect(hostile.split('"').length).toBe(3);
  });
});
