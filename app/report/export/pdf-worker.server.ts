import { parentPort } from "node:worker_threads";
import { renderPlanPdf } from "./pdf-plan.server";
import { renderReportPdf } from "./pdf-report.server";
import type { PdfJob, PdfReply } from "./pdf.server";

/*
 * The PDF worker thread (started by pdf.server.ts through pdf-worker.mjs, which registers tsx).
 * It renders one job at a time and answers with the bytes, transferred rather than copied.
 */

if (!parentPort) throw new Error("pdf-worker.server.ts runs only as a worker thread (see pdf.server.ts)");
const port = parentPort;

port.on("message", async ({ id, job }: { id: number; job: PdfJob }) => {
  try {
    const pdf = job.kind === "report" ? await renderReportPdf(job.doc) : await renderPlanPdf(job.snapshot, job.meta);
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    port.postMessage({ id, ok: true, pdf: bytes } satisfies PdfReply, [bytes.buffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, ok: false, name: e.name, message: e.message, stack: e.stack } satisfies PdfReply);
  }
});
