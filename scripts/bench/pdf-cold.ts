/*
 * The report PDF rendered from scratch, bypassing the kept PDFs: what a first request of a
 * published report, or of a draft whose data changed, costs. Run by scripts/bench/run.ts, never by
 * the server, so no user can reach an uncached render. Renders the large data set's report
 * `BENCH_PDF_REQUESTS` times after one warm-up (the worker loading React PDF and the font) through
 * the same worker pool as the server, and prints one line: `pdf_cold_ms=<median> max_ms=<n>`.
 *
 *   tsx scripts/bench/pdf-cold.ts <sqlite file> <slug> <year>
 */
import { connect } from "../../db/connect";
import { reportPdf, stopPdfWorkers } from "../../app/report/export/pdf.server";
import { reportDocument } from "../../app/report/report.server";

const [file, slug, year] = process.argv.slice(2);
if (!file || !slug || !year) throw new Error("usage: tsx scripts/bench/pdf-cold.ts <sqlite file> <slug> <year>");
const runs = Number(process.env.BENCH_PDF_REQUESTS || 10);

const db = connect(file);
try {
  const { id } = await db.selectFrom("cooperation").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const doc = await reportDocument(db, { cooperationId: id, year: Number(year), language: "nb" });
  if (!doc) throw new Error(`no report ${year} for ${slug}`);
  await reportPdf(doc);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await reportPdf(doc);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  console.log(`pdf_cold_ms=${Math.round(median)} max_ms=${Math.round(times[times.length - 1]!)}`);
} finally {
  await stopPdfWorkers();
  await db.destroy();
}
