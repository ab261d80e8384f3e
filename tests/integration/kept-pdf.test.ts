import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { stopPdfWorkers } from "../../app/report/export/pdf.server";
import { frozenPdfJob } from "../../app/report/frozen-pdfs.server";
import { createReport, findReport, publishReport, saveNarrative } from "../../app/report/report.server";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { chooseLanguage, loginCookie, startServer, type TestServer } from "../support/server";
import { storedCooperationId, type CooperationId } from "../../app/cooperation/scope.server";

/*
 * PDFs made once and kept: a published report's and an approved plan's PDF is rendered once per
 * language and then served from the database (a render gives new bytes every time: the document
 * id holds the time), a draft's is kept while its data is unchanged, the background job makes
 * them when a record is frozen, and the rights are checked before any of it.
 */

const COOP = "ekommune-sunnmore";
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const VIEWER = "lesar@ekommune-sunnmore.example";
const OUTSIDER = "sekretariat@knutepunkt-sorlandet.example";
const REPORT_2013 = `/c/${COOP}/reports/2013.pdf`;
const PLAN_2014 = `/c/${COOP}/plans/2014.pdf`;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kept-pdf-"));
  try {
    const file = path.join(dir, "file.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function get(server: TestServer, cookie: string, url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${url}`, { headers: { Cookie: cookie, ...headers }, redirect: "manual" });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

async function storedPdfs(db: DB, kind: "report" | "plan") {
  return db
    .selectFrom("frozen_pdf")
    .select(["record_id", "language", "bytes", "sha256", "created_at"])
    .where("record_kind", "=", kind)
    .orderBy("language")
    .execute();
}

describe("PDFs of frozen records, served by the production server", () => {
  let server: TestServer;
  let secretariat: string;

  beforeAll(async () => {
    server = await startServer();
    secretariat = await loginCookie(server, SECRETARIAT);
  }, 60_000);
  // the server is shared, its store is not: each test starts from a store that has kept no PDF yet
  beforeEach(async () => {
    await server.db.deleteFrom("frozen_pdf").execute();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("makes a published report's PDF once and serves the stored bytes after that", { timeout: 60_000 }, async () => {
    const first = await get(server, secretariat, REPORT_2013);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("content-type")).toBe("application/pdf");
    const stored = await storedPdfs(server.db, "report");
    expect(stored).toHaveLength(1);
    expect(stored[0].language).toBe("nn");
    expect(Buffer.from(stored[0].bytes).equals(first.body)).toBe(true);
    expect(first.response.headers.get("etag")).toBe(`"${sha256(first.body)}"`);

    // served by the other worker process too: a new render would carry a new document id
    for (let i = 0; i < 3; i++) expect((await get(server, secretariat, REPORT_2013)).body.equals(first.body)).toBe(true);

    // what is served is what the store holds
    const marker = Buffer.from("%PDF-1.3\n% the kept copy\n");
    await server.db
      .updateTable("frozen_pdf")
      .set({ bytes: marker, sha256: sha256(marker) })
      .where("record_kind", "=", "report")
      .execute();
    const fromStore = await get(server, secretariat, REPORT_2013);
    expect(fromStore.body.equals(marker)).toBe(true);
    expect(fromStore.response.headers.get("etag")).toBe(`"${sha256(marker)}"`);
    await server.db
      .updateTable("frozen_pdf")
      .set({ bytes: first.body, sha256: sha256(first.body) })
      .where("record_kind", "=", "report")
      .execute();
  });

  it("answers a copy the browser already has with 304 and no body", { timeout: 60_000 }, async () => {
    const { response } = await get(server, secretariat, REPORT_2013);
    const etag = response.headers.get("etag")!;
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const again = await get(server, secretariat, REPORT_2013, { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(server, secretariat, REPORT_2013, { "If-None-Match": '"other"' })).response.status).toBe(200);
  });

  it("makes an approved plan's PDF once, whether the job or the first request comes first", { timeout: 60_000 }, async () => {
    const first = await get(server, secretariat, PLAN_2014);
    expect(first.response.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await get(server, secretariat, PLAN_2014)).body.equals(first.body)).toBe(true);
    const version = await server.db
      .selectFrom("plan_version")
      .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
      .select("plan_version.id")
      .where("action_plan.year", "=", 2014)
      .where("plan_version.status", "=", "approved")
      .executeTakeFirstOrThrow();
    const stored = (await storedPdfs(server.db, "plan")).filter((p) => p.record_id === version.id);
    expect(stored.map((p) => p.language)).toEqual(["nn"]);
    expect(Buffer.from(stored[0].bytes).equals(first.body)).toBe(true);
  });

  it("keeps one PDF per language: the reader's language gets its own", { timeout: 60_000 }, async () => {
    const viewer = await loginCookie(server, VIEWER);
    const nn = await get(server, viewer, REPORT_2013);
    await chooseLanguage(server, viewer, "nb");
    const nb = await get(server, viewer, REPORT_2013);
    expect(nb.response.status).toBe(200);
    expect(nb.body.equals(nn.body)).toBe(false);
    expect(pdfText(nn.body)).toContain("Innføring i kommunane");
    expect(pdfText(nb.body)).toContain("Innføring i kommunene");
    expect((await storedPdfs(server.db, "report")).map((p) => p.language)).toEqual(["nb", "nn"]);
    expect((await get(server, viewer, REPORT_2013)).body.equals(nb.body)).toBe(true);
  });

  it("still answers 404 to a non-member for a PDF that is in the store", { timeout: 60_000 }, async () => {
    for (const url of [REPORT_2013, PLAN_2014]) expect((await get(server, secretariat, url)).response.status, url).toBe(200);
    expect((await storedPdfs(server.db, "report")).length).toBeGreaterThan(0);
    expect((await storedPdfs(server.db, "plan")).length).toBeGreaterThan(0);
    const outsider = await loginCookie(server, OUTSIDER);
    for (const url of [REPORT_2013, PLAN_2014]) {
      const { response, body } = await get(server, outsider, url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-type"), url).not.toBe("application/pdf");
      expect(body.subarray(0, 4).toString("latin1"), url).not.toBe("%PDF");
    }
  });
});

describe("a draft report's PDF", () => {
  // one worker process: a draft's PDF is kept in the memory of the process that made it
  let server: TestServer;
  let secretariat: string;
  let scope: { cooperationId: CooperationId; userId: string; year: number };

  beforeAll(async () => {
    server = await startServer({ WEB_CONCURRENCY: "1" });
    secretariat = await loginCookie(server, SECRETARIAT);
    const cooperation = await server.db.selectFrom("cooperation").select("id").where("slug", "=", COOP).executeTakeFirstOrThrow();
    const user = await server.db.selectFrom("app_user").select("id").where("email", "=", SECRETARIAT).executeTakeFirstOrThrow();
    scope = { cooperationId: storedCooperationId(cooperation.id), userId: user.id, year: 2014 };
    await createReport(server.db, scope);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("is kept while its data is unchanged and made anew when it changes", { timeout: 60_000 }, async () => {
    const url = `/c/${COOP}/reports/2014.pdf`;
    const first = await get(server, secretariat, url);
    expect(first.response.status).toBe(200);
    expect((await get(server, secretariat, url)).body.equals(first.body)).toBe(true);

    const report = (await findReport(server.db, scope))!;
    await saveNarrative(server.db, {
      ...scope,
      version: report.version,
      narrative: { summary: "Eit nytt samandrag for styret." },
    });
    const changed = await get(server, secretariat, url);
    expect(changed.body.equals(first.body)).toBe(false);
    expect(changed.response.headers.get("etag")).not.toBe(first.response.headers.get("etag"));
    expect(pdfText(changed.body)).toContain("Eit nytt samandrag for styret.");
    expect(pdfText(first.body)).not.toContain("Eit nytt samandrag for styret.");
    expect((await get(server, secretariat, url)).body.equals(changed.body)).toBe(true);
    // a draft is never stored: it may still change
    expect(await storedPdfs(server.db, "report")).toHaveLength(0);
  });
});

describe.each(testDatabases())("the background job on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
  }, 60_000);
  afterAll(async () => {
    await stopPdfWorkers();
    await close();
  });

  it("makes the PDF of a report when it is published and of plans when approved, once", { timeout: 120_000 }, async () => {
    const cooperation = await db.selectFrom("cooperation").select("id").where("slug", "=", COOP).executeTakeFirstOrThrow();
    const user = await db.selectFrom("app_user").select("id").where("email", "=", SECRETARIAT).executeTakeFirstOrThrow();
    const scope = { cooperationId: storedCooperationId(cooperation.id), userId: user.id, year: 2014 };
    await createReport(db, scope);
    await publishReport(db, { ...scope, version: (await findReport(db, scope))!.version });
    const published = (await findReport(db, scope))!;
    // a budget no render here comes near: on two busy cores the default one can end a run early
    const job = frozenPdfJob(db, { budgetMs: 100_000 });

    await job.run(new Date());
    const reports = await storedPdfs(db, "report");
    // the new report in the cooperation's language; the one published years ago waits for a reader
    expect(reports.map((r) => [r.record_id, r.language])).toEqual([[published.id, "nn"]]);
    const bytes = Buffer.from(reports[0].bytes);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(reports[0].sha256).toBe(sha256(bytes));
    expect(pdfText(bytes)).toContain("Årsrapport 2014");
    // the demo's plans were approved when it was loaded, just now
    const approved = await db.selectFrom("plan_version").select("id").where("status", "=", "approved").orderBy("id").execute();
    const plans = await storedPdfs(db, "plan");
    expect(plans.map((p) => p.record_id).sort()).toEqual(approved.map((v) => v.id));

    await job.run(new Date());
    expect((await storedPdfs(db, "report")).map((r) => r.created_at)).toEqual(reports.map((r) => r.created_at));
    expect(await storedPdfs(db, "plan")).toHaveLength(plans.length);
  });
});
