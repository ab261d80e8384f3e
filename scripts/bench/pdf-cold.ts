/*
 * The report PDF rendered from scratch, bypassing the kept PDFs: what a first request of a
 * published report, or of a draft whose data changed, costs. Run by scripts/bench/run.ts, never by
 * the server, so no user can reach an uncached render. Renders the large data set's report
 * `BENCH_PDF_REQUESTS` times after one warm-up (the worker loading React PDF and the font) through
 * the same worker pool as the server, and prints one line:
 * `pdf_cold_ms=<median> cpu_ms=<median> max_ms=<n>` — cpu_ms is the process's CPU time per render
 * (its worker threads included), which moves less with the machine's other load than the time does.
 *
 *   tsx scripts/bench/pdf-cold.ts <sqlite file> <slug> <year>
 */
import { connect } from "../../db/connect";
import { reportPdf, stopPdfWorkers } from "../../app/report/export/pdf.server";
import { reportDocument } from "../../app/report/report.server";
import { storedCooperationId } from "../../app/cooperation/scope.server";

const [file, slug, year] = process.argv.slice(2);
if (!file || !slug || !year) throw new Error("usage: tsx scripts/bench/pdf-cold.ts <sqlite file> <slug> <year>");
const runs = Number(process.env.BENCH_PDF_REQUESTS || 10);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const db = connect(file);
try {
  const { id } = await db.selectFrom("cooperation").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const doc = await reportDocument(db, { cooperationId: storedCooperationId(id), year: Number(year), language: "nb" });
  if (!doc) throw new Error(`no report ${year} for ${slug}`);
  await reportPdf(doc);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await reportPdf(doc);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - started);
  }
  console.log(
    `pdf_cold_ms=${Math.round(median(times))} cpu_ms=${Math.round(median(cpu))} max_ms=${Math.round(Math.max(...times))}`,
  );
} finally {
  await stopPdfWorkers();
  await db.destroy();
}
